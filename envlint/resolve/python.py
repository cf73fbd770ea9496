"""Python cross-module resolution (issue 4): see envlint/resolve/__init__.py.

Completes what each file's `PythonExtra` left open, with every module of the repository known:
- a read whose name is an imported constant (`from .settings import OLLAMA_URL_VAR`, `c.OLLAMA_URL_VAR`)
  gets the constant's value (re-exports are followed);
- a call of a helper defined in another module (`from app.util import env; env("X", "d")`) becomes a
  Read (form "helper env"), like a same-module call at extraction;
- a settings class whose bases or nested models are in other modules gets its reads (replacing what
  extraction could see), and a settings class of the repository used as a base loses its own reads:
  its fields are read under the subclass's prefix (see envlint/extract/python/settings_reads.py).

Module names come from paths. A relative import resolves from the importing file's package; an absolute
one against each folder above the importing file (closest first, so a project folder with its
pyproject.toml/setup.py wins) and that folder's `src/`, down to the repository root, as `a/b.py` or
`a/b/__init__.py`. A name that resolves to no file of the repository stays unresolved (name None).
"""

from __future__ import annotations

import dataclasses
import posixpath

from ..pymodules import ancestor_roots, resolve_import
from ..extract.python.extra import ClassInfo, Helper, NameRef, PythonExtra
from ..extract.python.helpers import bound_argument, helper_read
from ..extract.python.settings_reads import resolve_class, settings_reads, without_class
from ..model import FileFacts, Read
from .python_stars import guessed_read, named_env, star_reads

_MAX_HOPS = 6  # re-exports followed (`from .constants import X` in the module imported from)


class _Modules:
    def __init__(self, facts: list[FileFacts]) -> None:
        self.extra: dict[str, PythonExtra] = {
            f.path: f.extra for f in facts if f.language == "python" and isinstance(f.extra, PythonExtra)}
        self.paths = {f.path for f in facts if f.language == "python"}
        self._module_paths: dict[tuple[str, str, int], str | None] = {}
        # Modules that read the environment: a function of theirs called with an env-like name reads it.
        self.reading = {f.path for f in facts if f.language == "python" and (
            f.reads or (isinstance(f.extra, PythonExtra) and f.extra.helpers))}

    def module_path(self, importer: str, module: str, level: int) -> str | None:
        # The answer depends on the importer's folder only: asked once per folder, module and level.
        key = (posixpath.dirname(importer), module, level)
        if key not in self._module_paths:
            found = resolve_import(importer, module, level, ancestor_roots(importer), self.paths)
            self._module_paths[key] = found[0] if found else None
        return self._module_paths[key]

    def definition(self, ref: NameRef, where: str, hops: int = 0) -> tuple[PythonExtra, str, str] | None:
        """(the defining module's extra, its path, the name there), following re-exports."""
        path = where if ref.local else self.module_path(where, ref.module, ref.level)
        extra = self.extra.get(path or "")
        if path is None or extra is None:
            return None
        onward = extra.imported(ref.name)
        if onward is not None and hops < _MAX_HOPS and not _defines(extra, ref.name):
            return self.definition(onward, path, hops + 1)
        if onward is None and hops < _MAX_HOPS and not _defines(extra, ref.name):
            for star in extra.stars:  # `from .base import *` in the module imported from
                found = self.definition(NameRef(star.module, star.level, ref.name), path, hops + 1)
                if found is not None and _defines(found[0], ref.name):
                    return found
        return extra, path, ref.name

    def constant(self, ref: NameRef, where: str) -> str | None:
        found = self.definition(ref, where)
        return found[0].constant(found[2]) if found is not None else None

    def helper(self, ref: NameRef, where: str) -> Helper | None:
        found = self.definition(ref, where)
        return next((h for h in found[0].helpers if h.name == found[2]), None) if found is not None else None

    def klass(self, ref: NameRef, where: str) -> tuple[ClassInfo, str] | None:
        found = self.definition(ref, where)
        info = next((c for c in found[0].classes if c.name == found[2]), None) if found is not None else None
        return (info, found[1]) if info is not None and found is not None else None


def _defines(extra: PythonExtra, name: str) -> bool:
    return extra.constant(name) is not None or any(h.name == name for h in extra.helpers) \
        or any(c.name == name for c in extra.classes) or name in extra.functions


def resolve_python(facts: list[FileFacts]) -> list[FileFacts]:
    modules = _Modules(facts)
    if not modules.extra:
        return facts
    reads: dict[str, list[Read]] = {}
    bases: set[tuple[str, str]] = set()  # settings classes used as bases by another module's class
    by_path = {f.path: f for f in facts}
    incomplete: set[str] = set()
    for path, extra in modules.extra.items():
        reads[path], unknown = _resolved_reads(modules, path, extra, list(by_path[path].reads), bases)
        if unknown:
            incomplete.add(path)
    out = []
    for item in facts:
        found = reads.get(item.path)
        if found is None:
            out.append(item)
            continue
        for base_path, name in bases:
            if base_path == item.path:
                found = without_class(tuple(found), name)
        found = sorted(found, key=lambda r: r.location)
        out.append(dataclasses.replace(item, reads=tuple(found),
                                       reads_dynamic=any(r.name is None for r in found) or item.path in incomplete
                                       or modules.extra[item.path].whole_env))
    return out


def _resolved_reads(modules: _Modules, path: str, extra: PythonExtra, reads: list[Read],
                    bases: set[tuple[str, str]]) -> tuple[list[Read], bool]:
    """The file's reads, and whether a call that may read (a guessed star-import helper) stays unknown."""
    names = {p.location: modules.constant(p.ref, path) for p in extra.pending}
    reads = [dataclasses.replace(r, name=names[r.location]) if r.name is None and names.get(r.location) else r
             for r in reads]
    for call in extra.calls:
        if call.guessed:
            continue
        helper = modules.helper(call.callee, path)
        if helper is None:
            # A function of a module outside the repository whose name says env (`from app.conf import
            # env` then `env("X", "d")`) is taken to read its env-like first argument.
            outer = not call.callee.local and modules.module_path(path, call.callee.module, call.callee.level) is None
            read = guessed_read(call, "imported from outside the repository") \
                if outer and named_env(call.callee.name) else None
            reads.extend([read] if read is not None else [])
            continue
        key = bound_argument(helper, call.args, helper.key)
        name = key.value if key is not None else None
        if name is None and key is not None and key.ref is not None:
            name = modules.constant(key.ref, path)
        read = helper_read(helper, call, name)
        if read is not None:
            reads.append(read)
    found, unknown = star_reads(modules, path, [c for c in extra.calls if c.guessed])
    reads.extend(found)
    by_name = {c.name: c for c in extra.classes}
    for class_name in extra.unresolved_classes:
        info = by_name[class_name]
        found, _ = settings_reads(info, path, modules.klass)
        reads = without_class(tuple(reads), class_name) + found
        if found:
            bases.update(_settings_bases(modules, info, path))
    return reads, unknown


def _settings_bases(modules: _Modules, info: ClassInfo, path: str) -> set[tuple[str, str]]:
    """Every settings class of the repository above ``info`` (its own reads are a base's only)."""
    out: set[tuple[str, str]] = set()
    stack = [(b, path) for b in info.bases]
    while stack and len(out) < 64:
        ref, where = stack.pop()
        found = modules.klass(ref, where)
        if found is None or (found[1], found[0].name) in out:
            continue
        if resolve_class(found[0], found[1], modules.klass).kind == "settings":
            out.add((found[1], found[0].name))
        stack.extend((b, found[1]) for b in found[0].bases)
    return out
