"""The data files shipped in envlint/data, read through the package's loader (pkgutil): importing
importlib.resources for them cost about 4 ms of every run (it imports zipfile and its readers)."""

from __future__ import annotations


def data_lines(name: str) -> tuple[str, ...]:
    """The lines of `envlint/data/NAME` that are neither blank nor `#` comments, stripped."""
    import pkgutil

    data = pkgutil.get_data("envlint", f"data/{name}")
    if data is None:  # a loader that cannot read package data: envlint is installed broken
        raise FileNotFoundError(f"envlint/data/{name}")
    text = data.decode("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
