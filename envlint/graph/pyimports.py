"""Which repository files a Python service runs: its own files plus the repository modules they import.

An import resolves against the service's folder, its `src/` folder and the repository root, in that
order, as `pkg/mod.py` or `pkg/mod/__init__.py`; `from pkg import name` also tries the submodule
`pkg/name.py`. Relative imports resolve from the importing file's package. Imports that resolve to no
file of the repository (the standard library, installed packages) are ignored.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model import FileFacts, ImportRef


def module_files(module: str, run: bool = False) -> list[str]:
    """The files that can hold dotted ``module``, relative to a source root; with ``run`` (`python -m`)
    the package's `__main__.py` first, as Python looks for it."""
    base = module.replace(".", "/")
    if not base:
        return ["__init__.py"]
    return ([f"{base}/__main__.py"] if run else []) + [f"{base}.py", f"{base}/__init__.py"]


def _resolve(importer: str, imp: ImportRef, roots: list[str], known: set[str]) -> list[str]:
    if imp.level:
        package = posixpath.dirname(importer)
        for _ in range(imp.level - 1):
            package = posixpath.dirname(package)
        bases = [package]
    else:
        bases = roots
    found = []
    for base in bases:
        for module in [imp.module] + [f"{imp.module}.{n}".strip(".") for n in imp.names]:
            for candidate in module_files(module):
                path = posixpath.normpath(posixpath.join(base, candidate)) if base not in ("", ".") else candidate
                if path in known:
                    found.append(path)
        if found:
            break
    return found


def python_closure(own: list[str], facts: dict[str, FileFacts], project_root: str) -> list[str]:
    root = "" if project_root == "." else project_root
    roots = [r for r in (root, posixpath.join(root, "src") if root else "src", "") if r is not None]
    known = set(facts)
    seen = set(own)
    stack = list(own)
    while stack:
        path = stack.pop()
        for imp in facts[path].imports if path in facts else ():
            for target in _resolve(path, imp, roots, known):
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
    for path in files:
        for imp in facts[path].imports if path in facts else ():
            found.update(t for t in _resolve(path, imp, roots, known) if t != path)
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
