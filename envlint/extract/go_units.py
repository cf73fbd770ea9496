"""Which Go packages are extracted whole, and which for their headers only (see prefilter.py).

A package is extracted whole when one of its files is wanted by the prefilter, and then, until nothing
changes, when a package extracted whole may need it: the resolver (envlint/resolve/go.py) completes a
name `pkg.Const` with that package's exported constants, and turns a call `pkg.Wrapper("X")` in any
file into a read when `pkg` exports the wrapper. So a package is promoted when an import path that a
whole package's pending names or calls name may be its folder (its last element is the folder's name,
or the folder holds a go.mod: the module's own path), and when one of its files spells the name of an
exported wrapper. Both tests err on the side of extracting: a promoted package costs time, never facts.
"""

from __future__ import annotations

import re

from ..model import FileFacts
from .golang.extra import GoExtra, Part
from .prefilter import go_wanted

Members = list[tuple[str, bytes]]


def split_packages(packages: dict[str, Members]) -> tuple[list[str], list[str]]:
    """(folders extracted whole, folders extracted for headers), each sorted."""
    whole = sorted(f for f, files in packages.items() if any(go_wanted(data) for _, data in files))
    return whole, sorted(set(packages) - set(whole))


def _named_packages(extra: GoExtra) -> set[str]:
    parts: list[Part] = [p for name in extra.names for p in name.parts]
    parts += [p for call in extra.calls for arg in call.args for p in arg.parts]
    return {p.package for p in parts if p.package} | {call.package for call in extra.calls}


def promoted(facts: list[FileFacts], headers: dict[str, Members], module_roots: set[str]) -> list[str]:
    """The header-only folders that the whole packages' facts may need, sorted."""
    imported: set[str] = set()
    wrappers: set[str] = set()
    for item in facts:
        if item.language == "go" and isinstance(item.extra, GoExtra):
            imported |= _named_packages(item.extra)
            wrappers.update(w.name for w in item.extra.wrappers)
    last = {path.rstrip("/").rsplit("/", 1)[-1] for path in imported}
    calls = re.compile(rb"\b(?:" + b"|".join(re.escape(w.encode()) for w in sorted(wrappers)) + rb")\b") \
        if wrappers else None
    out = []
    for folder, files in headers.items():
        if (imported and folder in module_roots) or folder.rsplit("/", 1)[-1] in last \
                or (calls is not None and any(calls.search(data) for _, data in files)):
            out.append(folder)
    return sorted(out)
