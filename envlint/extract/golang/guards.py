"""Guards: tests of a variable's value around a read, as structured `Guard`s that a check can evaluate
against what a launch site sets.

Directly: a read inside `if os.Getenv("V") == "1" {` (also `!=`, a literal or constant on either side,
a local `v := os.Getenv("V")` tested instead, `&&` of such tests, the `else` of a single test, and a
`switch os.Getenv("V")` case of one value). Through calls: inherited.py. Tests envlint cannot read
(`cfg.Tracing`, `strings.EqualFold(...)`) are no guards: the read then counts as unconditional, as before.
"""

from __future__ import annotations

from ...model import FIRST_ARGUMENT, Guard
from .. import syntax
from ..syntax import Node, parent_of
from . import flow
from .commands import command_guards
from .index import GoFile, PackageIndex

Captures = dict[str, list[Node]]


def guards_of(node: Node, stop: Node | None, go_file: GoFile, index: PackageIndex) -> tuple[Guard, ...]:
    """The guards of the `if`s and `case`s around ``node`` inside the function ``stop``."""
    found: list[Guard] = []
    child, current = node, parent_of(node)
    while current is not None and current != stop:
        if current.type == "func_literal" and current.id in command_guards(index).literals:
            found.append(command_guards(index).literals[current.id])  # `RunE: func(...) error {`
        if current.type == "if_statement":
            tests = _conjunction(current.child_by_field_name("condition"), stop, go_file, index)
            if child == current.child_by_field_name("consequence"):
                found.extend(t for t in tests if t is not None)
            elif child == current.child_by_field_name("alternative") and len(tests) == 1 and tests[0] is not None:
                found.append(tests[0].negated())
        elif current.type == "expression_case":
            switch = parent_of(current)
            variable = _variable(switch.child_by_field_name("value"), stop, go_file, index) if switch else None
            values = current.child_by_field_name("value")
            cases = [v for v in values.named_children if v.type != "comment"] if values is not None else []
            value = index.string(cases[0]) if len(cases) == 1 else None
            if variable is not None and value is not None:
                found.append(Guard(variable=variable, operator="==", value=value))
        child, current = current, parent_of(current)
    return tuple(dict.fromkeys(reversed(found)))


def _conjunction(condition: Node | None, stop: Node | None, go_file: GoFile, index: PackageIndex) -> list[Guard | None]:
    """One entry per `&&` operand: its guard, or None when it is some other test."""
    condition = _unparen(condition)
    if condition is None:
        return []
    if condition.type == "binary_expression" and _operator(condition) == "&&":
        return (_conjunction(condition.child_by_field_name("left"), stop, go_file, index)
                + _conjunction(condition.child_by_field_name("right"), stop, go_file, index))
    if condition.type == "binary_expression" and _operator(condition) in ("==", "!="):
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        for env_side, literal_side in ((left, right), (right, left)):
            variable = _variable(env_side, stop, go_file, index)
            value = index.string(literal_side) if variable is not None else None
            if variable is not None and value is not None:
                return [Guard(variable=variable, operator=_operator(condition), value=value)]  # type: ignore[arg-type]
    return [None]


def _variable(node: Node | None, stop: Node | None, go_file: GoFile, index: PackageIndex) -> str | None:
    """The variable whose value ``node`` is: `os.Getenv("V")`, or a local only ever assigned that; or the
    program's first argument (`os.Args[1]`, `flag.Arg(0)`: the sub-command of `switch os.Args[1]`)."""
    node = _unparen(node)
    if node is None:
        return None
    if _first_argument(node, go_file):
        return FIRST_ARGUMENT
    if node.type == "identifier" and stop is not None:
        if not _may_assign_variable(stop):
            return None
        assigned = list(flow.assignments_to(stop, syntax.text(node), before=node.start_byte))
        return _variable(assigned[0][1], None, go_file, index) if len(assigned) == 1 else None
    if node.type != "call_expression":
        return None
    function = node.child_by_field_name("function")
    arguments = [a for a in node.child_by_field_name("arguments").named_children if a.type != "comment"]
    if function is None or function.type != "selector_expression" or len(arguments) != 1:
        return None
    package = function.child_by_field_name("operand")
    if syntax.text(function.child_by_field_name("field")) != "Getenv" or package is None \
            or not (go_file.is_package(syntax.text(package), "os") or go_file.is_package(syntax.text(package), "syscall")):
        return None
    return index.string(arguments[0])


_ANCHORED = syntax.tree_cache()  # function node -> whether its text holds "Getenv" or "Arg"


def _may_assign_variable(function: Node) -> bool:
    """Whether a local of ``function`` can hold what _variable names: only `os.Getenv(...)`, `os.Args[1]`
    or `flag.Arg(0)` can, and a function whose text spells none of them is not walked for assignments."""
    found = _ANCHORED.get(function)
    if found is None:
        data = function.text or b""
        found = _ANCHORED[function] = b"Getenv" in data or b"Arg" in data
    return found


def _first_argument(node: Node, go_file: GoFile) -> bool:
    """`os.Args[1]` or `flag.Arg(0)`: the word after the program's name on its command line."""
    if node.type == "index_expression":
        operand, at = node.child_by_field_name("operand"), node.child_by_field_name("index")
        if operand is None or at is None or operand.type != "selector_expression" or syntax.text(at) != "1":
            return False
        package = operand.child_by_field_name("operand")
        return (package is not None and go_file.is_package(syntax.text(package), "os")
                and syntax.text(operand.child_by_field_name("field")) == "Args")
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or function.type != "selector_expression" or arguments is None:
            return False
        package = function.child_by_field_name("operand")
        return (package is not None and go_file.is_package(syntax.text(package), "flag")
                and syntax.text(function.child_by_field_name("field")) == "Arg"
                and [syntax.text(a) for a in arguments.named_children] == ["0"])
    return False


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return syntax.text(operator) if operator is not None else ""


def _unparen(node: Node | None) -> Node | None:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node
