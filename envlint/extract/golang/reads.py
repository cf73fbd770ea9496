"""Go reads: os.Getenv / os.LookupEnv / syscall.Getenv, their defaults and required-ness.

A default is what the code puts in place of an empty value right after the read:
`if v == "" { v = "d" }`, `if v := os.Getenv("X"); v != "" { return v }; return "d"`, `if !ok {...}`.
A read is required when the empty branch fails at once: log.Fatal*, panic, os.Exit, a fluent logger made
fatal in its chain (`log.WithFatal().Error(...)`, zerolog's `log.Fatal().Msg(...)`), or a return of
fmt.Errorf / errors.New.
"""

from __future__ import annotations

import re

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .extra import PendingName, has_foreign, name_parts
from .guards import guards_of
from .index import GoFile, PackageIndex, enclosing_function, function_name

_READERS = {("os", "Getenv"), ("os", "LookupEnv"), ("syscall", "Getenv")}
_FAILING = {"panic", "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln"}


def reader_form(go_file: GoFile, package: str, function: str) -> str | None:
    for path, name in _READERS:
        if function == name and go_file.is_package(package, path):
            return f"{path}.{name}"
    return None


# A fluent logger whose chain turns fatal before the message: `log.WithFatal().Error(ctx, "...")`,
# zerolog's `log.Fatal().Err(err).Msg("...")`, `logger.WithPanic().Error(...)`.
_FATAL_CHAIN = re.compile(r"(?:^|\.)(?:With)?(?:Fatal|Panic)\w*\(")


def _fails(node: Node | None) -> bool:
    for call in flow.calls_in(node):
        name = syntax.text(call.child_by_field_name("function"))
        if name in _FAILING or name.rsplit(".", 1)[-1] in ("Fatal", "Fatalf", "Fatalln", "Exit") \
                or _FATAL_CHAIN.search(name):
            return True
        # `return "", fmt.Errorf(...)`: the branch may be that return statement itself.
        if _fails_call(call) and (node is not None and node.type == "return_statement"
                                  or any(a.type == "return_statement" for a in _ancestors(call, node))):
            return True
    return False


def _ancestors(node: Node, stop: Node | None):
    current = node.parent
    while current is not None and current != stop:
        yield current
        current = current.parent


def _empty_when(condition: Node | None, names: list[str], call: Node) -> bool | None:
    """True if ``condition`` holds when the value is empty/unset, False if when it is set, else None."""
    if condition is None:
        return None
    operator = condition.child_by_field_name("operator") if condition.type == "binary_expression" else None
    if operator is not None and syntax.text(operator) == "||":
        # `if v == "" || !valid(v) { v = "local" }`: the branch runs (at least) whenever the value is empty
        sides = (_empty_when(condition.child_by_field_name(f), names, call) for f in ("left", "right"))
        return True if any(side is True for side in sides) else None
    text = syntax.text(condition).replace(" ", "")
    value = names[0] if names else syntax.text(call).replace(" ", "")
    ok = names[1] if len(names) > 1 else None
    for empty, test in ((True, f'{value}==""'), (True, f'""=={value}'), (True, f"len({value})==0"),
                        (False, f'{value}!=""'), (False, f'""!={value}'), (False, f"len({value})>0")):
        if text == test:
            return empty
    if ok is not None and text in (f"!{ok}", ok):
        return text.startswith("!")
    return None


def _branches(statement: Node, names: list[str], call: Node) -> tuple[list[Node], Node | None]:
    """The statements that run when the read is empty, and the `if` that tests it."""
    candidates = [statement] if statement.type == "if_statement" else flow.following_statements(statement, 2)
    for node in candidates:
        if node.type != "if_statement":
            continue
        empty = _empty_when(node.child_by_field_name("condition"), names, call)
        if empty is None:
            continue
        chosen = node.child_by_field_name("consequence" if empty else "alternative")
        if chosen is not None:
            return [chosen], node
        # `if v != "" { return v }` then the code after the `if` is the empty branch.
        return flow.following_statements(node, 1), node
    return [], None


def _receivers(test: Node | None, names: list[str]) -> set[str]:
    """Variables that take the value in the branch where it is set: `out = v` makes `out` one."""
    found = set(names[:1])
    for node in syntax.walk(test) if test is not None else ():
        if node.type == "assignment_statement":
            right = node.child_by_field_name("right")
            if right is not None and names and syntax.text(right) == names[0]:
                found.add(syntax.text(node.child_by_field_name("left")))
    return found


def _is_error_return(values: list[Node]) -> bool:
    return any(syntax.text(v) == "err" or (v.type == "call_expression" and _fails_call(v)) for v in values)


def _fails_call(call: Node) -> bool:
    return syntax.text(call.child_by_field_name("function")) in ("fmt.Errorf", "errors.New")


def _default_in(branch: list[Node], names: list[str], test: Node | None) -> Node | None:
    receivers = _receivers(test, names)
    for block in branch:
        for node in syntax.walk(block):
            if node.type == "assignment_statement":
                left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
                if syntax.text(left) in receivers and right is not None and right.named_children:
                    return right.named_children[0]
            if node.type == "return_statement" and node.named_children:
                values = node.named_children[0].named_children
                if values and syntax.text(values[0]) not in names and not _is_error_return(values):
                    return values[0]
    return None


def analyse_read(call: Node, index: PackageIndex) -> tuple[Default, bool, Node | None]:
    """(default, required, default expression node) for a read call."""
    names = flow.bound_names(call)
    statement = flow.statement_of(call)
    if statement.parent is not None and statement.parent.type == "if_statement":
        statement = statement.parent  # `if v := os.Getenv("X"); v != "" {`
    elif not names and call.parent is not None and call.parent.type == "binary_expression":
        statement = flow.statement_of(call)  # `if os.Getenv("X") == "" {`
    branch, test = _branches(statement, names, call)
    if not branch:
        return NO_DEFAULT, False, None
    expression = _default_in(branch, names, test)
    required = expression is None and any(_fails(b) for b in branch)
    if expression is None:
        return NO_DEFAULT, required, None
    # `if !ok` gives the default only to an unset variable; `if v == ""` also to an empty one.
    covers_empty = not _tests_presence(test, names)
    return default_of(expression, index, covers_empty), False, expression


def default_of(expression: Node, index: PackageIndex, covers_empty: bool) -> Default:
    """A literal default (constants resolve to their literal), else the expression's source text."""
    value = index.string(expression)
    if value is not None:
        return Default(kind="literal", values=(value,), covers_empty=covers_empty)
    return Default(kind="expression", text=syntax.text(expression), covers_empty=covers_empty)


def _tests_presence(test: Node | None, names: list[str]) -> bool:
    """The `if` tests LookupEnv's ok (`!ok` / `ok`), not the value."""
    condition = test.child_by_field_name("condition") if test is not None else None
    return len(names) > 1 and syntax.text(condition).replace(" ", "") in (f"!{names[1]}", names[1])


def make_read(go_file: GoFile, call: Node, name_node: Node | None, form: str, index: PackageIndex,
              default: Default, required: bool) -> Read:
    name = index.string(name_node) if name_node is not None else None
    location = go_file.source.location(call)
    if name is None and name_node is not None:
        parts = name_parts(name_node, go_file, index)
        if has_foreign(parts):  # `os.Getenv(config.EnvX)`: the resolver completes the name
            index.pending.append(PendingName(location, parts, "read"))
    function = enclosing_function(call)
    return Read(
        name=name, location=location, form=form, default=default, required=required,
        function=function_name(function),
        name_text="" if name is not None else syntax.text(name_node),
        condition=flow.condition_of(call, function), guards=guards_of(call, function, go_file, index),
        compared_to=compared_to(call, index),
    )


# Calls that keep a value's meaning on the way to a comparison (`strings.ToLower(os.Getenv("X")) == "on"`).
_NORMALISERS = frozenset({"strings.ToLower", "strings.ToUpper", "strings.TrimSpace"})


def compared_to(call: Node, index: PackageIndex) -> tuple[str, ...]:
    """The literals the read's value is compared to with `==`/`!=` where it is read."""
    node = call
    while (node.parent is not None and node.parent.type == "argument_list" and node.parent.parent is not None
           and syntax.text(node.parent.parent.child_by_field_name("function")) in _NORMALISERS):
        node = node.parent.parent
    parent = node.parent
    if parent is None or parent.type != "binary_expression":
        return ()
    if syntax.text(parent.child_by_field_name("operator")) not in ("==", "!="):
        return ()
    left, right = parent.child_by_field_name("left"), parent.child_by_field_name("right")
    other = right if left == node else left
    value = index.string(other) if other is not None else None
    return (value,) if value is not None else ()
