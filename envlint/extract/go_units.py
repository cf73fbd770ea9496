"""Which Go packages are extracted whole, and which for their headers only (see prefilter.py).

A package is extracted whole when one of its files is wanted by the prefilter, and then, until nothing
changes, when a package extracted whole may need it: the resolver (envlint/resolve/go.py) completes a
name `pkg.Const` with that package's exported constants, and turns a call `pkg.Wrapper("X")` in any
file into a read when `pkg` exports the wrapper. So a package is promoted when an import path whose
constants a whole package's reads, sets or wrapper calls spell may be its folder (its last element is
the folder's name, or the folder holds a go.mod: the module's own path), and when one of its files
spells an exported wrapper's name after a dot. Both tests err on the side of extracting: a promoted
package costs time, never facts (a comment between `alias.` and the name, legal Go but unseen in
practice, is not looked for).

Inside a whole package, the files the prefilter does not want are light (golang/light.py): they record
no calls into other packages, so a package whose light file spells an exported wrapper's name after a
dot is extracted again with every file in full (light_promoted), by the same test as above.
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


def _named_packages(extra: GoExtra, wrappers: set[str]) -> set[str]:
    """The packages whose constants the resolver may look up for this file: those its reads' and sets'
    names spell (`config.EnvX`), and those in the arguments of its calls of an exported wrapper's name
    (the callee itself is whole: a wrapper reads, so its package holds an anchor)."""
    parts: list[Part] = [p for name in extra.names for p in name.parts]
    parts += [p for call in extra.calls if call.name in wrappers for arg in call.args for p in arg.parts]
    return {p.package for p in parts if p.package}


def _exported_wrappers(facts: list[FileFacts]) -> set[str]:
    return {w.name for f in facts if f.language == "go" and isinstance(f.extra, GoExtra) for w in f.extra.wrappers}


def _calls_of(wrappers: set[str]) -> re.Pattern[bytes] | None:
    """`alias.Wrapper(`: the resolver only completes calls of an imported package's function by name."""
    if not wrappers:
        return None
    return re.compile(rb"\.\s*(?:" + b"|".join(re.escape(w.encode()) for w in sorted(wrappers)) + rb")\b")


def light_promoted(facts: list[FileFacts], packages: dict[str, Members]) -> list[str]:
    """The folders of whole packages to extract again with every file in full: a light file of theirs
    (golang/light.py) spells an exported wrapper's name after a dot, so its calls may be reads."""
    calls = _calls_of(_exported_wrappers(facts))
    if calls is None:
        return []
    light = {f.path for f in facts if f.language == "go" and isinstance(f.extra, GoExtra) and f.extra.light}
    folders = {path.rpartition("/")[0] for path in light}
    return sorted(folder for folder in folders
                  if any(path in light and calls.search(data) for path, data in packages.get(folder, ())))


def promoted(facts: list[FileFacts], headers: dict[str, Members], module_roots: set[str]) -> list[str]:
    """The header-only folders that the whole packages' facts may need, sorted."""
    extras = [f.extra for f in facts if f.language == "go" and isinstance(f.extra, GoExtra)]
    wrappers = _exported_wrappers(facts)
    imported = {package for extra in extras for package in _named_packages(extra, wrappers)}
    last = {path.rstrip("/").rsplit("/", 1)[-1] for path in imported}
    calls = _calls_of(wrappers)
    out = []
    for folder, files in headers.items():
        if (imported and folder in module_roots) or folder.rsplit("/", 1)[-1] in last \
                or (calls is not None and any(calls.search(data) for _, data in files)):
            out.append(folder)
    return sorted(out)
