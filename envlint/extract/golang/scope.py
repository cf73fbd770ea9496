"""Which declaration a name inside a function refers to: a local one (parameter, `:=`, `var`, range
variable, local `const`) or, when none is in scope, the package's.

Go scopes are blocks, so a local declaration counts only when the block that holds it also holds the
use and it comes first; `Key := f()` in one function does not hide the package constant `Key` in another,
nor in a sibling block. Purely syntactic: the declarations come from rules/go/local_names.scm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import syntax
from ..syntax import Node, parent_of

_FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")
# Nodes that open a scope in Go: a declaration is visible inside the nearest one that holds it.
_SCOPES = _FUNCTIONS + ("block", "if_statement", "for_statement", "expression_switch_statement",
                        "type_switch_statement", "select_statement", "expression_case", "default_case",
                        "type_case", "communication_case")


@dataclass(frozen=True)
class Local:
    """A local declaration of a name; ``value`` is set for a local constant."""

    declaration: Node
    value: Node | None


def _outermost_function(node: Node) -> Node | None:
    found, current = None, parent_of(node)
    while current is not None:
        if current.type in ("function_declaration", "method_declaration"):
            return current
        if current.type == "func_literal":
            found = current
        current = parent_of(current)
    return found


def declared_names(captures: dict[str, list[Node]]) -> list[Node]:
    """The names a match of rules/go/local_names.scm declares. A `const` spec's names share one field
    (with their commas), which the query matches once, at its first name: all of them are taken here."""
    declaration = captures["declaration"][0]
    return syntax.field_nodes(declaration, "name") if declaration.type == "const_spec" else captures["name"]


def _scope_of(declaration: Node) -> Node | None:
    current = parent_of(declaration)
    while current is not None and current.type not in _SCOPES:
        current = parent_of(current)
    return current


def _const_value(spec: Node, name: str) -> Node | None:
    names = [syntax.text(n) for n in syntax.field_nodes(spec, "name")]
    value = spec.child_by_field_name("value")
    values = value.named_children if value is not None else []
    position = names.index(name) if name in names else len(values)
    return values[position] if position < len(values) else None


@dataclass
class Scopes:
    """Per-function cache of local declarations: name -> [(declaration, its scope)]."""

    _cache: dict[int, dict[str, list[tuple[Node, Node | None]]]] = field(default_factory=dict)
    _uses: dict[Node, Local | None] = field(default_factory=dict)
    # The function each node is in (see _outermost_function), remembered for every node a climb passes:
    # the uses of one function share their ancestors, so each climbs only to the first known one.
    _inside: dict[Node, Node | None] = field(default_factory=dict)
    # Every name any function of the package declares (rules/go/local_names.scm, the files whose trees
    # are there: PackageIndex.local_names), or None when unknown: a name outside it has no local
    # declaration there, so no climb or lookup is needed.
    declared: set[str] | None = None

    def outermost_function(self, node: Node) -> Node | None:
        """What _outermost_function(node) gives, with the answers of earlier climbs reused."""
        path: list[Node] = []
        current = parent_of(node)
        found: Node | None = None
        while current is not None:
            if current in self._inside:
                found = self._inside[current]
                break
            if current.type in ("function_declaration", "method_declaration"):
                found = current
                self._inside[current] = current
                break
            path.append(current)
            current = parent_of(current)
        # Down the path, outermost first: a func_literal is the answer only when nothing above it is.
        for item in reversed(path):
            if found is None and item.type == "func_literal":
                found = item
            self._inside[item] = found
        return found

    def _declarations(self, function: Node) -> dict[str, list[tuple[Node, Node | None]]]:
        cached = self._cache.get(function.id)
        if cached is None:
            cached = {}
            root = function
            while (above := parent_of(root)) is not None:
                root = above
            # From the file's one query pass (syntax.prefetch), not a cursor per function.
            for captures in syntax.matches_under("go", "local_names", function, root):
                declaration = captures["declaration"][0]
                for name in declared_names(captures):
                    cached.setdefault(syntax.text(name), []).append((declaration, _scope_of(declaration)))
            self._cache[function.id] = cached
        return cached

    def local(self, use: Node) -> Local | None:
        """The innermost local declaration that ``use`` (an identifier) refers to, else None."""
        # Asked again for the same use (a call's operand: for its reads, then for the resolver's record).
        try:
            return self._uses[use]
        except KeyError:
            found = self._uses[use] = self._local(use)
            return found

    def _local(self, use: Node) -> Local | None:
        name = syntax.text(use)
        if self.declared is not None and name not in self.declared:
            return None
        function = self.outermost_function(use)
        if function is None:
            return None
        best: tuple[int, int, Node] | None = None
        for declaration, scope in self._declarations(function).get(name, ()):
            if scope is None or not (scope.start_byte <= use.start_byte and use.end_byte <= scope.end_byte):
                continue
            if declaration.end_byte > use.start_byte:
                continue  # declared later, or `Key := Key + "x"`: the right side sees the outer Key
            rank = (scope.start_byte, declaration.start_byte, declaration)
            if best is None or rank[:2] > best[:2]:
                best = rank
        if best is None:
            return None
        declaration = best[2]
        value = _const_value(declaration, name) if declaration.type == "const_spec" else None
        return Local(declaration, value)
