"""Python module resolution, one for every stage: which repository file an import or a `python -m`
names. Pure: it looks only at the set of known file paths.

A dotted module is `pkg/mod.py` or `pkg/mod/__init__.py` (with `run`, `python -m pkg` runs
`pkg/__main__.py` first); a relative import resolves from the importing file's package; an absolute one
is tried against each import root in order, and the first root that holds it wins. `from pkg import
name` also tries the submodule `pkg/name.py`. Callers choose the roots: a program's folder, its `src/`
and the repository root (envlint/graph/pyimports.py), or every folder above the importer with its
`src/` (envlint/resolve/python.py, which completes names across the whole repository).
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Container, Iterable


@lru_cache(maxsize=1 << 16)  # pure, and asked again for every import of every file of a closure
def module_files(module: str, run: bool = False) -> tuple[str, ...]:
    """The files that can hold dotted ``module``, relative to a source root; with ``run`` (`python -m`)
    the package's `__main__.py` first, as Python looks for it."""
    base = module.replace(".", "/")
    if not base:
        return ("__init__.py",)
    return ((f"{base}/__main__.py",) if run else ()) + (f"{base}.py", f"{base}/__init__.py")


def ancestor_roots(importer: str) -> list[str]:
    """Every folder above the importing file, nearest first, each followed by its `src/`."""
    roots, folder = [], posixpath.dirname(importer)
    while True:
        roots.extend([folder, posixpath.join(folder, "src") if folder else "src"])
        if not folder:
            return roots
        folder = posixpath.dirname(folder)


def resolve_import(importer: str, module: str, level: int, roots: Iterable[str], known: Container[str],
                   names: Iterable[str] = ()) -> list[str]:
    """The known files that `import module` (or `from module import names`, with ``level`` dots) in
    ``importer`` names, from the first root that holds any."""
    if level:
        package = posixpath.dirname(importer)
        for _ in range(level - 1):
            package = posixpath.dirname(package)
        roots = [package]
    candidates = [c for dotted in [module] + [f"{module}.{n}".strip(".") for n in names] for c in module_files(dotted)]
    for base in roots:
        # Roots and packages are normalised folders and candidates plain relative paths: joining is enough.
        prefix = "" if base in ("", ".") else base.rstrip("/") + "/"
        found = [path for candidate in candidates if (path := prefix + candidate) in known]
        if found:
            return found
    return []
