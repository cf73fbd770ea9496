"""Wrappers: same-package functions whose string parameter is the name of the variable they read,
`func getEnv(key, fallback string) string`. The os.Getenv(key) inside is no fact; every call of the
wrapper is a Read (form "wrapper getEnv") with the name and default its arguments give.

A function that passes its own parameter on as a wrapper's name is a wrapper too (found to a fixpoint),
so `func dbURL(k string) string { return getEnv(k, "x") }` makes `dbURL("DB")` a read of DB.
Methods and closures are not followed as wrappers (their os.Getenv(param) stays a dynamic read).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Default, Read
from .. import syntax
from ..syntax import Node
from .index import GoFile, PackageIndex, enclosing_function, function_name, parameters
from .reads import analyse_read, default_of, make_read

Captures = dict[str, list[Node]]


@dataclass(frozen=True)
class Wrapper:
    """A same-package function whose parameter ``key`` is the name of the variable it reads."""

    name: str
    key: int
    fallback: int | None  # the parameter returned when the variable is empty
    default: Default  # a default fixed inside the wrapper (kind "none" when the calls give it)
    required: bool


def _parameter_of(function: Node | None, node: Node, index: PackageIndex) -> tuple[str, list[str]] | None:
    """(name, all parameter names) when ``node`` is a parameter of the function declaration around it."""
    if function is None or function.type != "function_declaration" or node.type != "identifier":
        return None
    local = index.scopes.local(node)
    if local is None or local.declaration.type != "parameter_declaration":
        return None
    params = parameters(function)
    name = syntax.text(node)
    return (name, params) if name in params else None


def find_wrapper(call: Node, name_node: Node, index: PackageIndex) -> Wrapper | None:
    """The wrapper that the read ``call`` (os.Getenv(key)) makes of its function, else None."""
    function = enclosing_function(call)
    found = _parameter_of(function, name_node, index)
    if function is None or found is None:
        return None
    key, params = found
    default, required, expression = analyse_read(call, index)
    fallback = None
    if expression is not None and _parameter_of(function, expression, index) is not None:
        fallback = params.index(syntax.text(expression))
        # The calls supply the value; keep only how the wrapper treats an empty variable.
        default = Default("none", covers_empty=default.covers_empty)
    return Wrapper(syntax.text(function.child_by_field_name("name")), params.index(key), fallback, default, required)


def _arguments(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _call_default(wrapper: Wrapper, arguments: list[Node], index: PackageIndex) -> Default:
    if wrapper.fallback is None or wrapper.fallback >= len(arguments):
        return wrapper.default
    return default_of(arguments[wrapper.fallback], index, wrapper.default.covers_empty)


def extend_wrappers(wrappers: dict[str, Wrapper], calls: list[Captures], index: PackageIndex) -> None:
    """Add the functions that hand their own parameter to a wrapper as its name, until none is new."""
    changed = True
    while changed:
        changed = False
        for captures in calls:
            inner = wrappers.get(syntax.text(captures["function"][0]))
            call = captures["call"][0]
            arguments = _arguments(call)
            if inner is None or inner.key >= len(arguments):
                continue
            function = enclosing_function(call)
            found = _parameter_of(function, arguments[inner.key], index)
            name = syntax.text(function.child_by_field_name("name")) if function is not None else ""
            if found is None or name in wrappers:
                continue
            params = found[1]
            fallback, default = None, _call_default(inner, arguments, index)
            if inner.fallback is not None and inner.fallback < len(arguments):
                passed = _parameter_of(function, arguments[inner.fallback], index)
                if passed is not None:
                    fallback, default = params.index(passed[0]), inner.default
            wrappers[name] = Wrapper(name, params.index(found[0]), fallback, default, inner.required)
            changed = True


def wrapper_read(go_file: GoFile, call: Node, wrapper: Wrapper, index: PackageIndex) -> Read | None:
    """The read that a call of ``wrapper`` stands for; None inside a wrapper passing its parameter on."""
    arguments = _arguments(call)
    if wrapper.key >= len(arguments):
        return None
    function = enclosing_function(call)
    if function is not None and function.type == "function_declaration" and \
            function_name(function) == wrapper.name:
        return None  # the wrapper calling itself
    name_node = arguments[wrapper.key]
    if _parameter_of(function, name_node, index) is not None:
        return None  # a wrapper of the wrapper (see extend_wrappers): its own calls are the reads
    default = _call_default(wrapper, arguments, index)
    return make_read(go_file, call, name_node, f"wrapper {wrapper.name}", index, default, wrapper.required)
