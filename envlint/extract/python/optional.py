"""When `os.environ[X]` does not fail the program: its KeyError is caught, or a membership test guards it.

`os.environ["X"]` raises KeyError when X is unset, so it is required, unless
- it stands in the body of a `try` whose handler catches KeyError (`KeyError`, `LookupError`,
  `Exception`, `BaseException`, a bare `except`, or a tuple holding one of them);
- `if X in os.environ:` guards it (also `X in os.environ and os.environ[X]`,
  `os.environ[X] if X in os.environ else d`, the `else` of `if X not in os.environ:`);
- an earlier `if X not in os.environ: return d` of the same block leaves when X is unset (the membership
  helper `def get(key, default=None)`).
The default is what the code uses instead: the `else` value, the value the early `return` gives, the
`return` after a guarded one, or what the handler assigns to the read's target.
"""

from __future__ import annotations

from ...model import Default, NO_DEFAULT
from ..syntax import Node, text
from .calls import operator
from .names import FileIndex
from .scope import unparen
from .values import literals

# Handlers that catch the KeyError of a missing variable (Exception and up catch it too).
_CATCHES_KEYERROR = frozenset({"KeyError", "LookupError", "Exception", "BaseException"})
_SCOPES = frozenset({"function_definition", "class_definition", "lambda"})


def _value_default(index: FileIndex, node: Node) -> Default:
    from .reads import value_default  # reads.py imports this module

    return value_default(index, node)


def optional_default(index: FileIndex, node: Node, key: Node | None) -> Default | None:
    """None when the subscript ``node`` fails without the variable; else the default used instead."""
    child, current = node, node.parent
    while current is not None and current.type not in _SCOPES:
        kind = current.type
        if kind == "conditional_expression":
            parts = [c for c in current.named_children if c.type != "comment"]
            if len(parts) == 3 and parts[0] == child and _tests(index, parts[1], key, present=True):
                return _value_default(index, parts[2])
        elif kind == "boolean_operator" and operator(current) == "and":
            if current.child_by_field_name("right") == child and \
                    _tests(index, current.child_by_field_name("left"), key, present=True):
                return NO_DEFAULT
        elif kind in ("if_statement", "elif_clause") and child == current.child_by_field_name("consequence"):
            if _tests(index, current.child_by_field_name("condition"), key, present=True):
                after = current.next_named_sibling if kind == "if_statement" else None
                return _returned(index, after) or NO_DEFAULT
        elif kind == "else_clause" and current.parent is not None and current.parent.type == "if_statement":
            if _tests(index, current.parent.child_by_field_name("condition"), key, present=False):
                return NO_DEFAULT
        elif kind == "try_statement" and child == current.child_by_field_name("body"):
            handler = next((h for h in current.named_children if h.type == "except_clause" and _catches(h)), None)
            if handler is not None:
                return _handler_default(index, node, handler)
        elif kind == "block":
            found = _early_return(index, child, key)
            if found is not None:
                return found
        child, current = current, current.parent
    return None


def _tests(index: FileIndex, condition: Node | None, key: Node | None, present: bool) -> bool:
    """``condition`` (alone, or one operand of an `and` for present / `or` for absent) is `key in
    os.environ` (``present``) or `key not in os.environ`."""
    joiner = "and" if present else "or"
    stack = [condition]
    while stack:
        current = unparen(stack.pop())
        if current is None:
            continue
        if current.type == "boolean_operator" and operator(current) == joiner:
            stack.extend([current.child_by_field_name("left"), current.child_by_field_name("right")])
        elif current.type == "comparison_operator" and current.named_child_count == 2:
            left, right = current.named_children
            wanted = "in" if present else "not in"
            if operator(current) == wanted and index.qualify(unparen(right)) == "os.environ" \
                    and _same_key(index, left, key):
                return True
    return False


def _same_key(index: FileIndex, a: Node | None, b: Node | None) -> bool:
    a, b = unparen(a), unparen(b)
    if a is None or b is None:
        return False
    if text(a) == text(b):
        return True
    first, second = literals(index, a), literals(index, b)
    return bool(first) and bool(second) and len(first) == len(second) == 1 and first[0].value == second[0].value


def _catches(handler: Node) -> bool:
    value = handler.child_by_field_name("value")
    if value is None:
        value = next((c for c in handler.named_children if c.type not in ("block", "comment")), None)
    if value is None:
        return True  # a bare `except:`
    if value.type == "as_pattern":
        value = value.named_children[0] if value.named_children else None
    value = unparen(value)
    names = value.named_children if value is not None and value.type == "tuple" else [value]
    return any(n is not None and text(n).rsplit(".", 1)[-1] in _CATCHES_KEYERROR for n in names)


def _handler_default(index: FileIndex, node: Node, handler: Node) -> Default:
    """`t = os.environ[X]` in the `try`, `t = d` in the handler: d is the default."""
    parent = node.parent
    if parent is None or parent.type != "assignment" or parent.child_by_field_name("right") != node:
        return NO_DEFAULT
    target = text(parent.child_by_field_name("left"))
    block = next((c for c in handler.named_children if c.type == "block"), None)
    for statement in block.named_children if block is not None else ():
        inner = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
        if inner is not None and inner.type == "assignment" and text(inner.child_by_field_name("left")) == target:
            value = inner.child_by_field_name("right")
            return _value_default(index, value) if value is not None else NO_DEFAULT
    return NO_DEFAULT


def _early_return(index: FileIndex, statement: Node, key: Node | None) -> Default | None:
    """An `if key not in os.environ: return d` before ``statement`` in its block: d, else None."""
    sibling = statement.prev_named_sibling
    while sibling is not None:
        if sibling.type == "if_statement" and _tests(index, sibling.child_by_field_name("condition"), key, present=False):
            body = sibling.child_by_field_name("consequence")
            last = [c for c in body.named_children if c.type != "comment"][-1:] if body is not None else []
            if last and last[0].type == "return_statement":
                return _returned(index, last[0]) or NO_DEFAULT
            if last and last[0].type in ("continue_statement", "break_statement"):
                return NO_DEFAULT
            return None  # the branch raises or goes on: the subscript still fails without the variable
        sibling = sibling.prev_named_sibling
    return None


def _returned(index: FileIndex, statement: Node | None) -> Default | None:
    if statement is None or statement.type != "return_statement":
        return None
    values = [c for c in statement.named_children if c.type != "comment"]
    return _value_default(index, values[0]) if values else NO_DEFAULT
