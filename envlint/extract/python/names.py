"""What names mean in one file: imports and their aliases, and the bindings of each scope.

Reads and launches are recognised by the dotted name their callee resolves to ("os.getenv",
"subprocess.run"), whatever alias the file uses; a local binding of the same name shadows the import,
so `environ = {}; environ.get("X")` is no read.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import ImportRef
from .. import syntax
from .extra import NameRef
from ..syntax import Node, Source, text
from .scope import parameters, scope_chain, scope_of, unparen


@dataclass(frozen=True)
class Binding:
    """One statement that gives a name a value or changes the value it holds."""

    name: str
    kind: str  # "=", "+=", "item" (name[key] = value), or the method called: "append", "update", ...
    node: Node  # the assignment or call, for its position and guard
    value: Node | None  # right-hand side, or the argument list of a method call
    key: Node | None = None  # the subscript of an item assignment


class FileIndex:
    """Built once per file; every extractor asks it how to read names."""

    def __init__(self, source: Source, root: Node) -> None:
        self.source = source
        self.root = root
        self.aliases: dict[str, str] = {}
        self.imports: list[ImportRef] = []
        # `from m import a as b` (relative ones too): b -> (m, level, a), for names another module
        # of the repository defines (resolved after extraction, in envlint/resolve/python.py).
        self.from_imports: dict[str, NameRef] = {}
        # The assignment query's matches by name, read on first use; a name's bindings per scope are
        # built when the name is first asked (most names never are): `_bindings_of`.
        self._assignments: dict[str, list[dict[str, list[Node]]]] | None = None
        self._by_name: dict[str, dict[Node | None, list[Binding]]] = {}
        # is_local and bindings depend only on the node's scope and the name: answered once per pair.
        self._local: dict[tuple[Node | None, str], bool] = {}
        self._bound: dict[tuple[Node | None, str], tuple[Node | None, list[Binding]]] = {}
        self._read_imports(root)

    def spellings(self, module: str) -> tuple[bytes, ...] | None:
        """What an expression that `qualify` resolves into ``module`` (the module or a name in it)
        starts with: a name the file binds to it or to something inside it, since the identifier
        its attribute chain starts with is its first token in a tree without errors. A test of the
        bytes that spares most candidates the climb; None (no shortcut) for a tree with errors."""
        if self.root.has_error:
            return None
        return tuple(local.encode() for local, target in self.aliases.items() if target.split(".")[0] == module)

    def imports_any(self, *modules: str) -> bool:
        """Whether a name of the file is bound to one of these modules (or something inside them).
        Files importing none of them cannot read the environment or launch, so their other queries
        are skipped: most files of a repository need only the import query."""
        return any(target.split(".")[0] in modules for target in self.aliases.values())

    # -- imports -------------------------------------------------------------------------------
    def _read_imports(self, root: Node) -> None:
        for found in syntax.matches("python", "imports", root):
            for node in found.get("import", []):
                for name in node.children_by_field_name("name"):
                    dotted, alias = _split_alias(name)
                    self.imports.append(ImportRef(module=dotted))
                    # `import a.b` binds `a` (to module a); `import a.b as c` binds c to a.b.
                    local = alias or dotted.split(".")[0]
                    self.aliases[local] = dotted if alias else local
            for node in found.get("from", []):
                self._read_from(node)

    def _read_from(self, node: Node) -> None:
        module_node = node.child_by_field_name("module_name")
        level, module = 0, text(module_node)
        if module_node is not None and module_node.type == "relative_import":
            prefix = next((c for c in module_node.children if c.type == "import_prefix"), None)
            level = len(text(prefix))
            dotted = next((c for c in module_node.children if c.type == "dotted_name"), None)
            module = text(dotted)
        names: list[str] = []
        for name in node.children_by_field_name("name"):
            dotted, alias = _split_alias(name)
            names.append(dotted)
            self.from_imports[alias or dotted] = NameRef(module, level, dotted)
            if level == 0:
                self.aliases[alias or dotted] = f"{module}.{dotted}"
        if any(c.type == "wildcard_import" for c in node.children):
            names.append("*")
        self.imports.append(ImportRef(module=module, level=level, names=tuple(names)))

    # -- bindings ------------------------------------------------------------------------------
    def _bindings_of(self, name: str) -> dict[Node | None, list[Binding]]:
        """The bindings of ``name`` by scope (None: the module), each scope's in source order."""
        found = self._by_name.get(name)
        if found is not None:
            return found
        if self._assignments is None:
            self._assignments = {}
            for match in syntax.matches("python", "assignments", self.root):
                self._assignments.setdefault(text(match["name"][0]), []).append(match)
        found = self._by_name[name] = {}
        for match in self._assignments.get(name, ()):
            binding = _binding(name, match)
            found.setdefault(scope_of(binding.node), []).append(binding)
        return found

    def bindings(self, node: Node, name: str) -> tuple[Node | None, list[Binding]]:
        """The bindings of ``name`` in the innermost scope (seen from ``node``) that binds it."""
        key = (scope_of(node), name)
        known = self._bound.get(key)
        if known is None:
            known = self._bound[key] = self._find_bindings(node, name)
        return known

    def _find_bindings(self, node: Node, name: str) -> tuple[Node | None, list[Binding]]:
        by_scope = self._bindings_of(name)
        for scope in scope_chain(node):
            found = by_scope.get(scope)
            if found:
                return scope, found
            if name in parameters(scope):
                return scope, []
        return None, []

    def is_local(self, node: Node, name: str) -> bool:
        """True when the name is bound by an assignment or parameter (so not by an import)."""
        key = (scope_of(node), name)
        known = self._local.get(key)
        if known is None:
            known = self._local[key] = self._is_local(node, name)
        return known

    def _is_local(self, node: Node, name: str) -> bool:
        by_scope = self._bindings_of(name)
        for scope in scope_chain(node):
            # `environ["K"] = v` or `environ.update()` changes a name; only `=`/`+=` rebind it.
            if any(b.kind in ("=", "+=") for b in by_scope.get(scope, ())):
                return True
            if name in parameters(scope):
                return True
        return False

    def qualify(self, node: Node | None) -> str | None:
        """`o.environ` -> "os.environ", `getenv` (from os import getenv) -> "os.getenv"; else None."""
        parts: list[str] = []
        while node is not None and node.type == "attribute":
            parts.append(text(node.child_by_field_name("attribute")))
            node = node.child_by_field_name("object")
        if node is None or node.type != "identifier":
            return None
        name = text(node)
        if name not in self.aliases or self.is_local(node, name):
            return None
        return ".".join([self.aliases[name], *reversed(parts)])

    def import_ref(self, node: Node | None) -> NameRef | None:
        """The imported name an expression stands for: `X` after `from .m import X`, `c.X` after
        `import app.constants as c` or `from app import constants as c`; None for anything else."""
        found = self.imported(node)
        if found is None or self.is_local(found[1], text(found[1])):
            return None
        return found[0]

    def imported(self, node: Node | None) -> tuple[NameRef, Node] | None:
        """What `import_ref` answers before the shadowing test, with the identifier a local binding
        would shadow: callers that drop some refs anyway (calls into the standard library) test
        those first and skip the climb through the scopes."""
        node = unparen(node)
        if node is None:
            return None
        kind = node.type
        if kind == "identifier":
            ref = self.from_imports.get(text(node))
            return (ref, node) if ref is not None else None
        if kind != "attribute":
            return None
        obj = node.child_by_field_name("object")  # the attribute's own text only once obj is an import
        if obj is not None and obj.type == "identifier":
            name = text(obj)
            ref = self.from_imports.get(name)
            if ref is not None:  # shadowed, it is no import either way: qualify(obj) is None for it too
                return NameRef(f"{ref.module}.{ref.name}".strip("."), ref.level, _attribute(node)), obj
            dotted = self.aliases.get(name)
            return (NameRef(dotted, 0, _attribute(node)), obj) if dotted is not None else None
        parts: list[str] = []  # as qualify(obj), without its shadowing test
        while obj is not None and obj.type == "attribute":
            parts.append(_attribute(obj))
            obj = obj.child_by_field_name("object")
        if obj is None or obj.type != "identifier" or text(obj) not in self.aliases:
            return None
        return NameRef(".".join([self.aliases[text(obj)], *reversed(parts)]), 0, _attribute(node)), obj


def _binding(name: str, found: dict[str, list[Node]]) -> Binding:
    """The Binding of one match of rules/python/assignments.scm."""
    value = found.get("value", found.get("args", [None]))[0]
    if "assign" in found:
        return Binding(name, "=", found["assign"][0], value)
    if "augment" in found:
        return Binding(name, "+=", found["augment"][0], value)
    if "item" in found:
        return Binding(name, "item", found["item"][0], value, found["key"][0])
    return Binding(name, text(found["method"][0]), found["mutate"][0], value)


def _attribute(node: Node) -> str:
    return text(node.child_by_field_name("attribute"))


def _split_alias(node: Node) -> tuple[str, str | None]:
    if node.type == "aliased_import":
        return text(node.child_by_field_name("name")), text(node.child_by_field_name("alias"))
    return text(node), None
