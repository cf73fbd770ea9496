"""Run the extractors over discovered files: read bytes, reject what cannot be parsed, group Go packages.

Every problem with one file becomes a `Problem` on that file; the other files are still analysed.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable

from ..discover import SourceFile
from ..model import FileFacts, Location, Problem

MAX_FILE_BYTES = 2_000_000  # larger sources are generated code or data, not launchers or readers


def _load(root: Path, source: SourceFile) -> tuple[bytes | None, Problem | None]:
    """The file's bytes when they are UTF-8 text of a sane size, else the reason they are not."""
    start = Location(source.path, 1, 1)
    try:
        data = (root / source.path).read_bytes()
    except OSError as exc:
        return None, Problem(start, "unreadable", f"cannot be read: {exc.strerror or exc}")
    if len(data) > MAX_FILE_BYTES:
        return None, Problem(start, "too-large",
                             f"{len(data)} bytes, over the {MAX_FILE_BYTES}-byte limit; skipped")
    if b"\0" in data[:8192]:
        return None, Problem(start, "binary", "binary content (NUL bytes); skipped")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(Location(source.path, line, column), "not-utf8",
                             f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); skipped")
    return data, None


def _guarded(paths: list[str], run: Callable[[], list[FileFacts]], language: str) -> list[FileFacts]:
    """An extractor bug or a pathological file must cost one file, not the whole run."""
    try:
        return run()
    except RecursionError:
        message, kind = "nested too deeply to analyse; skipped", "too-deep"
    except Exception as exc:  # noqa: BLE001 - reported as a problem with the file, never a traceback
        message, kind = f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped", "internal-error"
    return [FileFacts(p, language, problems=(Problem(Location(p, 1, 1), kind, message),))  # type: ignore[arg-type]
            for p in paths]


def extract_all(root: Path, files: tuple[SourceFile, ...]) -> tuple[list[FileFacts], list[Problem]]:
    from .golang import extract_go_package
    from .python import extract_python_file

    facts: list[FileFacts] = []
    problems: list[Problem] = []
    go_packages: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for source in files:
        if source.kind not in ("go", "python"):
            continue
        data, problem = _load(root, source)
        if problem is not None:
            problems.append(problem)
            continue
        assert data is not None
        if source.kind == "go":
            folder = source.path.rpartition("/")[0]
            go_packages[folder].append((source.path, data))
        else:
            facts.extend(_guarded([source.path], lambda: [extract_python_file(source.path, data)], "python"))
    for folder in sorted(go_packages):
        package = go_packages[folder]
        facts.extend(_guarded([p for p, _ in package], lambda: extract_go_package(package), "go"))
    facts.sort(key=lambda f: f.path)
    for item in facts:
        problems.extend(item.problems)
    problems.sort(key=lambda p: (p.location, p.kind))
    return facts, problems
