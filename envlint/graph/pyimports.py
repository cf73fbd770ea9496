"""Which repository files a Python service runs: its own files plus the repository modules they import.

An import resolves (envlint/pymodules.py) against the service's folder, its `src/` folder and the
repository root, in that order. Imports that resolve to no file of the repository (the standard
library, installed packages) are ignored.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model import FileFacts
from ..pymodules import module_files, resolve_import


def python_closure(own: list[str], facts: dict[str, FileFacts], project_root: str) -> list[str]:
    root = "" if project_root == "." else project_root
    roots = [r for r in (root, posixpath.join(root, "src") if root else "src", "") if r is not None]
    seen = set(own)
    stack = list(own)
    # An absolute import resolves the same from every file of the closure; a relative one per package.
    resolved: dict[tuple, list[str]] = {}
    while stack:
        path = stack.pop()
        for imp in facts[path].imports if path in facts else ():
            key = (imp.module, imp.level, imp.names, posixpath.dirname(path) if imp.level else "")
            if key not in resolved:
                resolved[key] = resolve_import(path, imp.module, imp.level, roots, facts, imp.names)
            for target in resolved[key]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
    return sorted(seen)


def imported_files(files: list[str], facts: dict[str, FileFacts], project_root: str) -> set[str]:
    """The files of ``files`` that another of them imports (resolved as python_closure does)."""
    root = "" if project_root == "." else project_root
    roots = [root, posixpath.join(root, "src") if root else "src", ""]
    known = set(files)
    found: set[str] = set()
    resolved: dict[tuple, list[str]] = {}  # as in python_closure: once per import and package
    for path in files:
        for imp in facts[path].imports if path in facts else ():
            key = (imp.module, imp.level, imp.names, posixpath.dirname(path) if imp.level else "")
            if key not in resolved:
                resolved[key] = resolve_import(path, imp.module, imp.level, roots, known, imp.names)
            found.update(t for t in resolved[key] if t != path)
    return found


@dataclass(frozen=True)
class Entries:
    """Files that a command runs as a script, where `__name__ == "__main__"` holds: `python x/app.py`
    (matched by file name, since a Dockerfile names the path inside the image) and `python -m pkg`."""

    scripts: frozenset[str] = frozenset()  # file names
    modules: tuple[str, ...] = ()  # repository-relative suffixes, from module_files(run=True)

    def holds(self, path: str) -> bool:
        return posixpath.basename(path) in self.scripts or any(
            path == m or path.endswith("/" + m) for m in self.modules)

    def plus(self, words: tuple[str, ...]) -> "Entries":
        """With the script or module a command (`python -u app.py`, `python -m pkg`) runs."""
        if not words or not posixpath.basename(words[0]).startswith("python"):
            return self
        rest = list(words[1:])
        while rest and rest[0].startswith("-") and rest[0] != "-m":
            rest.pop(0)  # interpreter options such as -u, -O
        if len(rest) > 1 and rest[0] == "-m":
            return Entries(self.scripts, self.modules + tuple(module_files(rest[1], run=True)))
        if rest and rest[0].endswith(".py"):
            return Entries(self.scripts | {posixpath.basename(rest[0])}, self.modules)
        return self
