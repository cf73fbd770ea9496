"""Statement-level helpers inside one Go function: what a call is bound to, what guards a statement,
and the values that reach a local variable. Purely syntactic and local: no types, no other functions
(except the return values of a same-package helper, which `values.literals_reaching` asks for).
"""

from __future__ import annotations

from typing import Iterator

from .. import syntax
from ..syntax import Node, parent_of

ASSIGNMENTS = ("short_var_declaration", "assignment_statement", "var_spec")


def statement_of(node: Node) -> Node:
    """The statement that holds ``node`` (the node itself when it is one)."""
    current, above = node, parent_of(node)
    while above is not None and above.type not in ("statement_list", "block", "source_file"):
        current, above = above, parent_of(above)
    return current


def bound_names(call: Node) -> list[str]:
    """`v, ok := call` / `v = call` / `var v = call` -> ["v", "ok"]; [] when the call is not bound."""
    parent = parent_of(call)
    if parent is None or parent.type != "expression_list":
        return []
    holder = parent_of(parent)
    if holder is None or holder.type not in ASSIGNMENTS:
        return []
    if holder.type == "var_spec":
        return [syntax.text(n) for n in holder.children_by_field_name("name")]
    if holder.child_by_field_name("right") != parent:
        return []
    left = holder.child_by_field_name("left")
    return [syntax.text(n) for n in left.named_children] if left is not None else []


def assignments_to(scope: Node, name: str, before: int | None = None) -> Iterator[tuple[Node, Node]]:
    """(statement, value expression) for each `name := v`, `name = v`, `var name = v` in ``scope``,
    in source order, optionally only those that start before byte ``before``."""
    for node, value in _assignments(scope).get(name, ()):
        if before is None or node.start_byte < before:
            yield node, value


_ASSIGNMENTS = syntax.tree_cache()  # scope node -> name -> [(statement, value)], in source order


def _assignments(scope: Node) -> dict[str, list[tuple[Node, Node]]]:
    """Every assignment of ``scope`` by name, from one walk: asked per variable, a walk each time made
    the work grow with (variables x function size)."""
    found = _ASSIGNMENTS.get(scope)
    if found is not None:
        return found
    found = {}
    for node in syntax.walk(scope):
        if node.type in ("short_var_declaration", "assignment_statement"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is None or right is None:
                continue
            values = right.named_children
            for position, target in enumerate(left.named_children):
                if position < len(values):
                    found.setdefault(syntax.text(target), []).append((node, values[position]))
                elif len(values) == 1:
                    found.setdefault(syntax.text(target), []).append((node, values[0]))  # v, err := f()
        elif node.type == "var_spec":
            names = [syntax.text(n) for n in node.children_by_field_name("name")]
            value = node.child_by_field_name("value")
            if value is not None and value.named_children:
                for each in dict.fromkeys(names):
                    index = min(names.index(each), len(value.named_children) - 1)
                    found.setdefault(each, []).append((node, value.named_children[index]))
    _ASSIGNMENTS[scope] = found
    return found


def condition_of(node: Node, stop: Node | None) -> str | None:
    """The text of the `if` or `case` conditions guarding ``node`` inside ``stop`` (joined by &&)."""
    parts: list[str] = []
    child, current = node, parent_of(node)
    while current is not None and current != stop:
        if current.type == "if_statement":
            condition = syntax.text(current.child_by_field_name("condition"))
            if child == current.child_by_field_name("consequence"):
                parts.append(condition)
            elif child == current.child_by_field_name("alternative"):
                parts.append(f"!({condition})")
        elif current.type == "expression_case":
            switch = parent_of(current)
            tag = syntax.text(switch.child_by_field_name("value")) if switch is not None else ""
            values = syntax.text(current.child_by_field_name("value"))
            parts.append(f"{tag} == {values}" if tag else values)
        child, current = current, parent_of(current)
    return " && ".join(reversed(parts)) or None


def range_loop(node: Node, stop: Node | None) -> tuple[Node, list[str], Node] | None:
    """The innermost `for k, v := range m` around ``node``: (loop, [k, v], m)."""
    current = parent_of(node)
    while current is not None and current != stop:
        if current.type == "for_statement":
            clause = next((c for c in current.named_children if c.type == "range_clause"), None)
            if clause is not None:
                left = clause.child_by_field_name("left")
                names = [syntax.text(n) for n in left.named_children] if left is not None else []
                right = clause.child_by_field_name("right")
                if right is not None:
                    return current, names, right
        current = parent_of(current)
    return None


def following_statements(statement: Node, count: int = 3) -> list[Node]:
    """Up to ``count`` statements after ``statement`` in the same block."""
    out = []
    sibling = statement.next_named_sibling
    while sibling is not None and len(out) < count:
        if sibling.type != "comment":
            out.append(sibling)
        sibling = sibling.next_named_sibling
    return out


def calls_in(node: Node | None) -> Iterator[Node]:
    if node is None:
        return
    for each in syntax.walk(node):
        if each.type == "call_expression":
            yield each
