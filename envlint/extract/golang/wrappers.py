"""Wrappers: same-package functions whose string parameter is the name of the variable they read,
`func getEnv(key, fallback string) string`. The os.Getenv(key) inside is no fact; every call of the
wrapper is a Read (form "wrapper getEnv") with the name and default its arguments give.

A function that passes its own parameter on as a wrapper's name is a wrapper too (found to a fixpoint),
so `func dbURL(k string) string { return getEnv(k, "x") }` makes `dbURL("DB")` a read of DB.
Methods (`func (c *Cfg) get(key string)`, called as `x.get("X")` on any receiver: no types) and named
closures (`get := func(k string) string {...}`, called inside the function that declares them) are
wrappers too. Wrappers live in one dict under distinct keys: `name` for functions, `.name` for methods,
`<outer function node id>:name` for closures, so a closure `get` hides nothing outside its function.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Default, Read
from .. import syntax
from ..syntax import Node, parent_of
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name, parameters
from .reads import analyse_read, default_of, make_read

Captures = dict[str, list[Node]]


@dataclass(frozen=True)
class Wrapper:
    """A same-package function whose parameter ``key`` is the name of the variable it reads."""

    name: str  # the key in the wrappers dict (see the module docstring)
    key: int
    fallback: int | None  # the parameter returned when the variable is empty
    default: Default  # a default fixed inside the wrapper (kind "none" when the calls give it)
    required: bool
    label: str = ""  # shown in the form: the function, `Type.method`, or the closure's name
    node: Node | None = None  # the declaration, so that its own body is not taken for a call site

    @property
    def form(self) -> str:
        return f"wrapper {self.label or self.name}"


_FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")


def innermost_function(node: Node) -> Node | None:
    current = parent_of(node)
    while current is not None and current.type not in _FUNCTIONS:
        current = parent_of(current)
    return current


def _identity(function: Node) -> tuple[str, str] | None:
    """(key in the wrappers dict, label) of a function that can be called by name, else None."""
    if function.type == "function_declaration":
        name = syntax.text(function.child_by_field_name("name"))
        return name, name
    if function.type == "method_declaration":
        return "." + syntax.text(function.child_by_field_name("name")), function_name(function) or ""
    names = flow.bound_names(function)  # `get := func(k string) ...`: the closure is called as get(...)
    if len(names) != 1:
        return None
    outer = enclosing_function(function)
    return (f"{outer.id}:{names[0]}" if outer is not None else names[0]), names[0]


def lookup(wrappers: dict[str, Wrapper], call: Node) -> Wrapper | None:
    """The wrapper a call of a plain name (`get(...)`) or of a method (`x.get(...)`) calls."""
    if not wrappers:
        return None  # most packages declare none: no name to look at, no climb to the function
    function = call.child_by_field_name("function")
    if function is None:
        return None
    if function.type == "selector_expression":
        return wrappers.get("." + syntax.text(function.child_by_field_name("field")))
    name = syntax.text(function)
    if not any(key.endswith(":" + name) for key in wrappers):
        return wrappers.get(name)  # no closure of that name: no need to find the function around the call
    outer = enclosing_function(call)
    found = wrappers.get(f"{outer.id}:{name}") if outer is not None else None
    return found or wrappers.get(name)


def _owner(call: Node, name_node: Node, index: PackageIndex) -> tuple[Node, tuple[str, list[str]]] | None:
    """The function whose parameter ``name_node`` is: the innermost, or the declaration around a closure."""
    inner = innermost_function(call)
    candidates = [inner, enclosing_function(call)] if inner is not None and inner.type == "func_literal" else [inner]
    for function in candidates:
        found = _parameter_of(function, name_node, index)
        if function is not None and found is not None:
            return function, found
    return None


def _parameter_of(function: Node | None, node: Node, index: PackageIndex) -> tuple[str, list[str]] | None:
    """(name, all parameter names) when ``node`` is a parameter of the function declaration around it."""
    if function is None or function.type not in _FUNCTIONS or node.type != "identifier":
        return None
    local = index.scopes.local(node)
    if local is None or local.declaration.type != "parameter_declaration":
        return None
    params = parameters(function)
    name = syntax.text(node)
    return (name, params) if name in params else None


def find_wrapper(call: Node, name_node: Node, index: PackageIndex) -> Wrapper | None:
    """The wrapper that the read ``call`` (os.Getenv(key)) makes of its function, else None."""
    owner = _owner(call, name_node, index)
    identity = _identity(owner[0]) if owner is not None else None
    if owner is None or identity is None:
        return None
    function, (key, params) = owner
    default, required, expression = analyse_read(call, index)
    fallback = None
    if expression is not None and _parameter_of(function, expression, index) is not None:
        fallback = params.index(syntax.text(expression))
        # The calls supply the value; keep only how the wrapper treats an empty variable.
        default = Default(kind="none", covers_empty=default.covers_empty)
    return Wrapper(identity[0], params.index(key), fallback, default, required, identity[1], function)


def _arguments(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _inside(node: Node, ancestor: Node) -> bool:
    current = parent_of(node)
    while current is not None:
        if current == ancestor:
            return True
        current = parent_of(current)
    return False


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
            call = captures["call"][0]
            inner = lookup(wrappers, call)
            arguments = _arguments(call)
            if inner is None or inner.key >= len(arguments):
                continue
            function = enclosing_function(call)
            if function is None or function.type != "function_declaration":
                continue  # chains are followed through plain functions only
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
            wrappers[name] = Wrapper(name, params.index(found[0]), fallback, default, inner.required, name, function)
            changed = True


def wrapper_read(go_file: GoFile, call: Node, wrapper: Wrapper, index: PackageIndex) -> Read | None:
    """The read that a call of ``wrapper`` stands for; None inside a wrapper passing its parameter on."""
    arguments = _arguments(call)
    if wrapper.key >= len(arguments):
        return None
    if wrapper.node is not None and _inside(call, wrapper.node):
        return None  # the wrapper calling itself
    name_node = arguments[wrapper.key]
    if _owner(call, name_node, index) is not None:
        return None  # a wrapper of the wrapper (see extend_wrappers): its own calls are the reads
    default = _call_default(wrapper, arguments, index)
    return make_read(go_file, call, name_node, wrapper.form, index, default, wrapper.required)
