"""Whether a read is required: the program fails straight away without the variable.

`os.environ["X"]` raises; `x = os.getenv("X")` followed by `if not x: raise ...` / `sys.exit(...)`,
`if x is None: raise`, `if os.getenv("X") is None: raise` and `if "X" not in os.environ: sys.exit()`
fail when it is unset. Only the statements right after the read are looked at: a check further away
may be guarded by something else.
"""

from __future__ import annotations

from typing import Callable

from ...model import Default
from ..syntax import Node, text
from .calls import operator
from .names import FileIndex
from .scope import unparen

_EXITS = frozenset({"sys.exit", "os._exit", "os.abort"})
_BUILTIN_EXITS = frozenset({"exit", "quit"})


def is_required(index: FileIndex, node: Node, form: str, negated: bool, default: Default) -> bool:
    if form == "os.environ[]":
        return True
    if form == "in os.environ":
        return negated and _guarded_failure(index, node, lambda n: n == node, direct=True)
    if default.kind not in ("none",) and default.values != ("",):
        return False  # a non-empty default is never empty
    if _guarded_failure(index, node, lambda n: n == node, direct=False):
        return True
    target = _assigned_to(node)
    if target is None:
        return False
    statement = target.parent.parent if target.parent is not None else None
    if statement is None or statement.type != "expression_statement":
        return False
    name = text(target)
    sibling = statement.next_named_sibling
    while sibling is not None:
        if sibling.type == "if_statement":
            condition = sibling.child_by_field_name("condition")
            if _tests_empty(condition, lambda n: text(n) == name) and _fails(index, sibling):
                return True
        if _rebinds(sibling, name):
            return False
        sibling = sibling.next_named_sibling
    return False


def _assigned_to(node: Node) -> Node | None:
    """`x = os.getenv("X")` -> the node `x` (a name or `self.x`)."""
    current = node
    while current.parent is not None and current.parent.type == "parenthesized_expression":
        current = current.parent
    parent = current.parent
    if parent is not None and parent.type == "assignment" and parent.child_by_field_name("right") == current:
        left = parent.child_by_field_name("left")
        if left is not None and left.type in ("identifier", "attribute"):
            return left
    return None


def _rebinds(statement: Node, name: str) -> bool:
    first = statement.named_children[0] if statement.named_children else None
    return (statement.type == "expression_statement" and first is not None and first.type == "assignment"
            and text(first.child_by_field_name("left")) == name)


def _guarded_failure(index: FileIndex, node: Node, matches: Callable[[Node], bool], direct: bool) -> bool:
    """The read stands in the condition of an `if` that tests it for emptiness and fails."""
    current = node
    while current.parent is not None and current.parent.type in (
            "parenthesized_expression", "not_operator", "comparison_operator", "boolean_operator"):
        current = current.parent
    statement = current.parent
    if statement is None or statement.type != "if_statement" or statement.child_by_field_name("condition") != current:
        return False
    tested = _contains_test(current, matches) if direct else _tests_empty(current, matches)
    return tested and _fails(index, statement)


def _contains_test(condition: Node, matches: Callable[[Node], bool]) -> bool:
    """`"X" not in os.environ` alone, or as one operand of an `or`."""
    return any(matches(n) for n in _or_operands(condition))


def _tests_empty(condition: Node | None, matches: Callable[[Node], bool]) -> bool:
    """`not x`, `x is None`, `x == ""` (or one of them in an `or` chain) about the matched node."""
    for test in _or_operands(condition):
        if test.type == "not_operator" and matches(unparen(test.child_by_field_name("argument"))):
            return True
        if test.type == "comparison_operator" and test.named_child_count == 2:
            left, right = (unparen(c) for c in test.named_children)
            if operator(test) in ("is", "==") and matches(left) and _is_empty(right):
                return True
    return False


def _or_operands(node: Node | None) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = unparen(stack.pop())
        if current is None:
            continue
        if current.type == "boolean_operator" and operator(current) == "or":
            stack.extend([current.child_by_field_name("right"), current.child_by_field_name("left")])
        else:
            out.append(current)
    return out


def _is_empty(node: Node | None) -> bool:
    return node is not None and (node.type == "none" or (node.type == "string" and text(node) in ('""', "''")))


def _fails(index: FileIndex, statement: Node) -> bool:
    """The `if` body raises or exits at its top level."""
    block = statement.child_by_field_name("consequence")
    for child in block.named_children if block is not None else ():
        if child.type == "raise_statement":
            return True
        call = child.named_children[0] if child.type == "expression_statement" and child.named_children else None
        if call is not None and call.type == "call":
            callee = call.child_by_field_name("function")
            if index.qualify(callee) in _EXITS:
                return True
            if callee is not None and callee.type == "identifier" and text(callee) in _BUILTIN_EXITS \
                    and not index.is_local(callee, text(callee)):
                return True
    return False
