"""Go cross-package resolution (issue 4): see envlint/resolve/__init__.py.

The Go extractor leaves a `GoExtra` on each file: its exported string constants and wrappers, the
reads and launch entries whose name holds `pkg.Const`, and its calls into imported packages. Here an
import path is mapped to a folder of the repository through go.mod's module path (as
services._go_closure does); then names are completed, calls of another package's wrappers become reads,
and a guessed "env helper" read is dropped when its package turns out to be one of ours.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from ..extract.golang.extra import GoExtra, Part, PendingCall, PendingName, WrapperSpec
from ..model import Default, EnvSet, FileFacts, LaunchSite, Location, Read


def _folder(path: str) -> str:
    return posixpath.dirname(path) or "."


class _Module:
    """The repository's Go packages by folder, and their exported constants and wrappers."""

    def __init__(self, facts: list[FileFacts], go_modules: dict[str, str]) -> None:
        self.modules = go_modules
        self.constants: dict[str, dict[str, str]] = {}
        self.wrappers: dict[str, dict[str, WrapperSpec]] = {}
        self.folders: set[str] = set()
        for each in facts:
            if each.language != "go":
                continue
            folder = _folder(each.path)
            self.folders.add(folder)
            if isinstance(each.extra, GoExtra):
                self.constants.setdefault(folder, {}).update(each.extra.constants)
                self.wrappers.setdefault(folder, {}).update({w.name: w for w in each.extra.wrappers})

    def folder_of(self, import_path: str) -> str | None:
        """The repository folder of a package of one of the modules, else None."""
        for root, module in sorted(self.modules.items(), key=lambda item: -len(item[1])):
            if import_path == module or import_path.startswith(module + "/"):
                rest = import_path[len(module):].strip("/")
                folder = posixpath.normpath(posixpath.join(root, rest)) if rest else posixpath.normpath(root)
                return folder if folder in self.folders else None
        return None

    def join(self, parts: tuple[Part, ...]) -> tuple[str | None, str]:
        """(the full value or None, the known prefix), with other packages' constants filled in."""
        known: list[str] = []
        for part in parts:
            value = part.text
            if part.package:
                folder = self.folder_of(part.package)
                value = self.constants.get(folder, {}).get(part.const) if folder is not None else None
            if value is None:
                return None, "".join(known)
            known.append(value)
        return "".join(known), "".join(known)


def _read(read: Read, pending: PendingName, module: _Module) -> Read:
    name, _ = module.join(pending.parts)
    return replace(read, name=name, name_text="") if name is not None else read


def _set(item: EnvSet, pending: PendingName, module: _Module) -> EnvSet | None:
    """The completed entry; None for an exec Env entry without "=" (Go ignores it)."""
    full, prefix = module.join(pending.parts)
    if pending.kind == "set-name":
        return replace(item, name=full, name_text="") if full is not None else item
    if "=" in prefix:
        name, _, value = prefix.partition("=")
        return replace(item, name=name, name_text="", value=value if full is not None else None)
    if full is not None:  # a whole name without "=": docker passes it through, Go's exec drops it
        return replace(item, name=full, name_text="", passthrough=True) if pending.passthrough else None
    return item


def _site(site: LaunchSite, pending: dict[Location, PendingName], module: _Module) -> LaunchSite:
    sets = []
    for item in site.sets:
        found = pending.get(item.location) if item.name is None else None
        completed = _set(item, found, module) if found is not None else item
        if completed is not None:
            sets.append(completed)
    return replace(site, sets=tuple(sets)) if tuple(sets) != site.sets else site


def _wrapper_read(call: PendingCall, spec: WrapperSpec, module: _Module) -> Read | None:
    if spec.key >= len(call.args):
        return None
    key = call.args[spec.key]
    name, _ = module.join(key.parts)
    default = spec.default
    if spec.fallback is not None and spec.fallback < len(call.args):
        fallback = call.args[spec.fallback]
        value, _ = module.join(fallback.parts)
        default = (
            Default(kind="literal", values=(value,), covers_empty=spec.default.covers_empty)
            if value is not None
            else Default(kind="expression", text=fallback.text, covers_empty=spec.default.covers_empty)
        )
    alias = call.package.rsplit("/", 1)[-1]
    return Read(
        name=name,
        location=call.location,
        form=f"wrapper {alias}.{spec.name}",
        default=default,
        required=spec.required,
        function=call.function,
        name_text="" if name is not None else key.text,
        condition=call.condition,
    )


def _resolve_file(facts: FileFacts, extra: GoExtra, module: _Module) -> FileFacts:
    names = {(p.kind == "read", p.location): p for p in extra.names}
    reads = [_read(r, names[True, r.location], module) if r.name is None and (True, r.location) in names else r
             for r in facts.reads]
    ours: set[Location] = set()
    for call in extra.calls:
        folder = module.folder_of(call.package)
        if folder is None:
            continue
        ours.add(call.location)  # a call into our own package: no outside env helper
        spec = module.wrappers.get(folder, {}).get(call.name)
        read = _wrapper_read(call, spec, module) if spec is not None else None
        if read is not None:
            reads.append(read)
    reads = [r for r in reads if not (r.location in ours and r.form.startswith("env helper "))]
    reads.sort(key=lambda r: r.location)
    sets = {p.location: p for p in extra.names if p.kind != "read"}
    sites = tuple(_site(s, sets, module) for s in facts.launch_sites)
    return replace(facts, reads=tuple(reads), launch_sites=sites, reads_dynamic=any(r.name is None for r in reads))


def resolve_go(facts: list[FileFacts], go_modules: dict[str, str]) -> list[FileFacts]:
    """New FileFacts for the Go files that name another package's constants or wrappers."""
    module = _Module(facts, go_modules)
    out = []
    for each in facts:
        extra = each.extra
        if each.language == "go" and isinstance(extra, GoExtra) and (extra.names or extra.calls):
            resolved = _resolve_file(each, extra, module)
            out.append(each if resolved == each else resolved)
        else:
            out.append(each)
    return out
