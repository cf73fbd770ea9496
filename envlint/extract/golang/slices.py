"""String slices built step by step in one function: `args := []string{...}`, any number of
`args = append(args, ...)` (also inside `if` and `for`), `append(os.Environ(), ...)`, `cmd.Env = ...`.

An element keeps the condition of the `if`/`case` that guards the append that added it. A `for k, v :=
range m` over a map literal of the package turns an element built from `k` into one element per key.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import syntax
from ..syntax import Node
from . import flow
from .index import PackageIndex


@dataclass(frozen=True)
class Element:
    node: Node
    condition: str | None = None
    spread: bool = False  # `extra...` that could not be followed: any number of unknown elements
    key: Node | None = None  # inside `for k := range m` over a map literal: the key this copy stands for
    loop_map: str = ""  # the map's name, for `via`


@dataclass(frozen=True)
class Built:
    elements: tuple[Element, ...]
    inherits: bool  # the slice starts from os.Environ()
    text: str  # how it was built, for `envlint facts`


def _call_name(node: Node) -> str:
    return syntax.text(node.child_by_field_name("function")) if node.type == "call_expression" else ""


def literal_elements(node: Node, condition: str | None = None) -> list[Element]:
    """Elements of `[]string{"a", b}`."""
    body = node.child_by_field_name("body")
    out = []
    for item in body.named_children if body is not None else ():
        if item.type == "literal_element" and item.named_children and item.named_children[0].type != "comment":
            out.append(Element(item.named_children[0], condition))
    return out


def argument_elements(node: Node, condition: str | None, scope: Node, before: int,
                      index: PackageIndex) -> list[Element]:
    if node.type == "comment":
        return []
    if node.type != "variadic_argument":
        return [Element(node, condition)]
    inner = node.named_children[0] if node.named_children else node
    if inner.type == "composite_literal":
        return literal_elements(inner, condition)
    if inner.type == "identifier":
        built = collect(scope, syntax.text(inner), before, index)
        return [e if e.condition or not condition else Element(e.node, condition, e.spread, e.key, e.loop_map)
                for e in built.elements]
    return [Element(inner, condition, spread=True)]


def evaluate(value: Node, scope: Node, before: int, current: Built | None, self_text: str,
             condition: str | None, index: PackageIndex) -> Built:
    """The slice after `x = value`, where ``current`` is what x held and ``self_text`` is x's text."""
    name = _call_name(value)
    if value.type == "composite_literal":
        return Built(tuple(literal_elements(value)), False, "a literal list")
    if name == "os.Environ":
        return Built((), True, "os.Environ()")
    if value.type == "nil":
        return Built((), True, "nil")
    if name == "append":
        arguments = value.child_by_field_name("arguments").named_children
        if not arguments:
            return Built((), False, "append()")
        base_node, added = arguments[0], arguments[1:]
        if syntax.text(base_node) == self_text:
            base = current or Built((), False, "nil")
        else:
            base = evaluate(base_node, scope, before, None, "", None, index)
        extra = [e for a in added for e in argument_elements(a, condition, scope, before, index)]
        return Built(base.elements + tuple(_per_key(extra, value, scope, index)), base.inherits, base.text)
    if value.type == "identifier":
        return collect(scope, syntax.text(value), before, index)
    return Built((Element(value, condition, spread=True),), False, syntax.text(value))


def collect(scope: Node, name: str, before: int, index: PackageIndex) -> Built:
    """What the local slice ``name`` holds just before byte ``before``."""
    built: Built | None = None
    for statement, value in flow.assignments_to(scope, name, before):
        condition = flow.condition_of(statement, scope)
        built = evaluate(value, scope, statement.start_byte, built, name, condition, index)
    return built or Built((), False, "")


def _per_key(added: list[Element], append: Node, scope: Node, index: PackageIndex) -> list[Element]:
    """`for k := range m { args = append(args, "-e", k+"=x") }` over a map literal: one copy of the
    appended elements per key, so `-e` and its value stay together."""
    loop = flow.range_loop(append, scope)
    if loop is None or not loop[1]:
        return added
    key_name = loop[1][0]
    uses_key = [key_name in {syntax.text(n) for n in syntax.walk(e.node) if n.type == "identifier"} for e in added]
    keys = map_keys(loop[2], index, scope) if any(uses_key) else None
    if keys is None:
        return added
    return [Element(e.node, e.condition, e.spread, key if uses else None, syntax.text(loop[2]))
            for key in keys for e, uses in zip(added, uses_key)]


def map_keys(node: Node, index: PackageIndex, scope: Node) -> list[Node] | None:
    """Key nodes of the map literal that ``node`` (a name) holds, locally or at package level."""
    if node.type != "identifier":
        return None
    name = syntax.text(node)
    candidates = [v for _, v in flow.assignments_to(scope, name, node.start_byte)]
    if not candidates and name in index.variables:
        candidates = [index.variable(name)]
    for value in reversed(candidates):
        if value.type == "composite_literal" and value.child_by_field_name("type") is not None \
                and value.child_by_field_name("type").type == "map_type":
            body = value.child_by_field_name("body")
            return [k.named_children[0] for e in body.named_children if e.type == "keyed_element"
                    for k in [e.child_by_field_name("key")] if k is not None and k.named_children]
    return None
