"""Guards of Python reads: tests of another variable's value around a read, as structured `Guard`s that
a check evaluates against what a launch site sets (see envlint/extract/golang/guards.py for Go).

`if os.getenv("V") == "1":` (also `os.environ.get("V")`, `os.environ["V"]`, `!=`, the literal on
either side, `and` of such tests, and the `else` of a single test without `elif`). A read with a
default (`os.getenv("V", "1")`) is no guard: its unset value is not "". Tests envlint cannot read are
no guards, and calls are not followed: a read in a function called under such a test has none.
"""

from __future__ import annotations

from ...model import FIRST_ARGUMENT, Guard
from .. import syntax
from ..syntax import Node, parent_of, text
from .calls import argument, operator
from .names import FileIndex
from .subcommands import SubCommands
from .scope import unparen
from .values import single_string

_SCOPES = frozenset({"function_definition", "class_definition", "lambda"})


def guards_of(index: FileIndex, node: Node) -> tuple[Guard, ...]:
    found: list[Guard] = []
    child, current = node, parent_of(node)
    while current is not None and current.type not in _SCOPES:
        if current.type in ("if_statement", "elif_clause") and child == current.child_by_field_name("consequence"):
            found.extend(g for g in _conjunction(index, current.child_by_field_name("condition")) if g is not None)
        elif current.type == "else_clause" and parent_of(current) is not None and parent_of(current).type == "if_statement" \
                and not any(c.type == "elif_clause" for c in parent_of(current).named_children):
            tests = _conjunction(index, parent_of(current).child_by_field_name("condition"))
            if len(tests) == 1 and tests[0] is not None:
                found.append(tests[0].negated())
        child, current = current, parent_of(current)
    if current is not None and current.type == "function_definition":
        command = _sub_commands(index).guard_of(current)  # `@cli.command() def serve():`
        if command is not None:
            found.append(command)
    return tuple(dict.fromkeys(reversed(found)))


def _constructor_value(index: FileIndex, node: Node) -> Node | None:
    """For `obj.attr` where `obj = Cls()` is the file's only binding of obj and Cls a class of the file,
    the value its `__init__` gives `self.attr` in its one assignment of it."""
    owner, attribute = node.child_by_field_name("object"), text(node.child_by_field_name("attribute"))
    if owner is None or owner.type != "identifier":
        return None
    _, bound = index.bindings(owner, text(owner))
    if len(bound) != 1 or bound[0].kind != "=" or bound[0].value is None or bound[0].value.type != "call":
        return None
    made = bound[0].value.child_by_field_name("function")
    classes = [c for c in index.root.named_children if c.type == "class_definition" and made is not None
               and made.type == "identifier" and text(c.child_by_field_name("name")) == text(made)]
    if len(classes) != 1:
        return None
    body = classes[0].child_by_field_name("body")
    inits = [d for d in (body.named_children if body is not None else ()) if d.type == "function_definition"
             and text(d.child_by_field_name("name")) == "__init__"]
    if len(inits) != 1:
        return None
    values = [n.child_by_field_name("right") for n in syntax.walk(inits[0]) if n.type == "assignment"
              and text(n.child_by_field_name("left")) == f"self.{attribute}"]
    return values[0] if len(values) == 1 else None


def _sub_commands(index: FileIndex) -> SubCommands:
    """The file's click/typer commands, found once per file."""
    found = getattr(index, "sub_commands", None)
    if found is None:
        found = SubCommands(index)
        index.sub_commands = found  # type: ignore[attr-defined]
    return found


def _conjunction(index: FileIndex, condition: Node | None) -> list[Guard | None]:
    condition = unparen(condition)
    if condition is None:
        return []
    if condition.type == "boolean_operator" and operator(condition) == "and":
        return _conjunction(index, condition.child_by_field_name("left")) + \
            _conjunction(index, condition.child_by_field_name("right"))
    if condition.type == "comparison_operator" and condition.named_child_count == 2 and operator(condition) in ("==", "!="):
        left, right = condition.named_children
        for env_side, literal_side in ((left, right), (right, left)):
            variable = _variable(index, env_side)
            value = single_string(index, unparen(literal_side)) if variable is not None else None
            if variable is not None and value is not None:
                return [Guard(variable=variable, operator=operator(condition), value=value)]  # type: ignore[arg-type]
    return [None]


def _variable(index: FileIndex, node: Node | None, depth: int = 0) -> str | None:
    """The variable whose value (unset: "") ``node`` is: `os.getenv("V")`, `os.environ.get("V")`,
    `os.environ["V"]`; a name only ever assigned one of those (`MODE = os.getenv("MODE")`); a settings
    object's attribute that its class's constructor assigns one of those (`settings.mode` after
    `self.mode = os.getenv("MODE")`); or the program's first argument `sys.argv[1]` (its sub-command)."""
    node = unparen(node)
    if node is None or depth > 4:
        return None
    if node.type == "identifier":
        _, bound = index.bindings(node, text(node))
        if len(bound) == 1 and bound[0].kind == "=" and bound[0].value is not None:
            return _variable(index, bound[0].value, depth + 1)
        return None
    if node.type == "attribute":
        value = _constructor_value(index, node)
        return _variable(index, value, depth + 1) if value is not None else None
    if node.type == "subscript" and index.qualify(node.child_by_field_name("value")) == "sys.argv":
        at = node.child_by_field_name("subscript")
        return FIRST_ARGUMENT if at is not None and at.type == "integer" and text(at) == "1" else None
    if node.type == "subscript" and index.qualify(node.child_by_field_name("value")) == "os.environ":
        return single_string(index, node.child_by_field_name("subscript"))
    if node.type != "call" or index.qualify(node.child_by_field_name("function")) not in ("os.getenv", "os.environ.get"):
        return None
    args = node.child_by_field_name("arguments")
    if argument(args, 1, "default") is not None:
        return None
    key = argument(args, 0, "key")
    return single_string(index, key) if key is not None else None
