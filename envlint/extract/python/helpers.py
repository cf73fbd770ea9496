"""Helper functions: module-level functions whose parameter is the name of the variable they read,
`def env(name, default=None): return os.environ.get(name, default)`. Every call of one with a name is a
Read (form "helper env") with the default its arguments (or the helper's signature) give.

The read inside the helper is dropped (as for Go wrappers): its name is whatever the callers pass, and
the calls are the reads. Calls of a same-module helper become reads here; calls of a function imported
from another module are kept as `HelperCall`s for envlint/resolve/python.py, which knows that module's
helpers. Methods, closures and helpers of helpers are not followed.
"""

from __future__ import annotations

import dataclasses
import sys

from ...model import Default, NO_DEFAULT, Read
from ..syntax import Node, text
from .extra import CallArg, Helper, HelperCall, NameRef
from .names import FileIndex
from .reads import RawRead, value_default
from .scope import condition, function_name, scope_of, unparen
from .values import single_string


def find_helpers(index: FileIndex, raws: list[RawRead], reads: list[Read]) -> list[Helper]:
    helpers: dict[str, Helper] = {}
    for raw, read in zip(raws, reads):
        key = unparen(raw.key)
        function = scope_of(raw.node)
        if read.name is not None or key is None or key.type != "identifier" or function is None \
                or function.type != "function_definition" or scope_of(function) is not None:
            continue
        params = _parameters(function)
        names = [name for name, _ in params]
        _, bindings = index.bindings(key, text(key))
        if text(key) not in names or bindings:  # reassigned: not the caller's value any more
            continue
        fallback, fallback_default, default = None, NO_DEFAULT, read.default
        if read.default.kind == "expression" and read.default.text in names:
            fallback = names.index(read.default.text)
            given = params[fallback][1]
            fallback_default = value_default(index, given) if given is not None else NO_DEFAULT
            if fallback_default.kind == "none":
                fallback_default = NO_DEFAULT  # a helper's `default=None` is no caller writing None
            # The calls supply the value; keep only how the helper treats an empty variable.
            default = Default(kind="none", covers_empty=read.default.covers_empty)
        name = text(function.child_by_field_name("name"))
        helpers[name] = Helper(name, tuple(names), names.index(text(key)), fallback, fallback_default,
                               default, read.required)
    return list(helpers.values())


def _parameters(function: Node) -> list[tuple[str, Node | None]]:
    """(name, default) per parameter; `*args`/`**kw` keep a `*` name so that positions stay right."""
    out: list[tuple[str, Node | None]] = []
    params = function.child_by_field_name("parameters")
    for param in params.named_children if params is not None else ():
        if param.type == "identifier":
            out.append((text(param), None))
        elif param.type in ("default_parameter", "typed_default_parameter"):
            out.append((text(param.child_by_field_name("name")), param.child_by_field_name("value")))
        elif param.type == "typed_parameter":
            inner = param.named_children[0] if param.named_children else None
            out.append((text(inner) if inner is not None and inner.type == "identifier" else "*", None))
        elif param.type != "comment":
            out.append(("*", None))
    return out


def find_calls(index: FileIndex, calls: list[dict[str, list[Node]]], helpers: list[Helper]) -> list[HelperCall]:
    """Calls of a same-module helper, and calls of imported functions with a name-like argument."""
    local = {h.name for h in helpers}
    names = _callee_names(index, local)
    data = index.source.data
    found: list[HelperCall] = []
    for match in calls:
        func = match["func"][0]
        if names is not None and not data.startswith(names, func.start_byte):
            continue
        call, args = match["call"][0], match["args"][0]
        callee = _callee(index, func, local)
        if callee is None:
            continue
        # The argument's value and ref decide whether the call is kept; its default, the calling
        # function's parameters, name and condition are computed for kept calls only.
        given = [_value_and_ref(index, a) for a in args.named_children if a.type != "comment"]
        if not callee.local and all(value is None and ref is None for _, _, value, ref in given):
            continue
        enclosing = scope_of(call)
        params = {n for n, _ in _parameters(enclosing)} if enclosing is not None and \
            enclosing.type == "function_definition" else set()
        arguments = tuple(CallArg(keyword, text(node), value, ref, _default(index, node, value),
                                  parameter=value is None and text(node) in params)
                          for keyword, node, value, ref in given)
        found.append(HelperCall(callee, index.source.location(call), function_name(call),
                                condition(call), arguments))
    return found


def _callee_names(index: FileIndex, local: set[str]) -> tuple[bytes, ...] | None:
    """What a call's source must start with for `_callee` to name anything: it does only when the
    identifier its attribute chain starts with (the callee itself when it is a name) is a local helper
    or an import of a module that may be the repository's, and in a tree without errors that identifier
    is the callee's first token. So a callee whose bytes start with none of those names (a prefix of a
    longer name passes too: a superset) names nothing, and most calls (`self.x()`, `len()`,
    `log.info()`) are dropped without a look at their nodes. None (no shortcut) for a tree with errors,
    where a node's first token is not sure to be its first child's."""
    if index.root.has_error:
        return None
    names = set(local)
    for name, ref in index.from_imports.items():  # a name, or the object of an attribute
        if not outside(ref) or not outside(NameRef(f"{ref.module}.{ref.name}".strip("."), ref.level, "")):
            names.add(name)
    names.update(name for name, dotted in index.aliases.items() if not outside(NameRef(dotted, 0, "")))
    return tuple(name.encode() for name in names)


def _callee(index: FileIndex, func: Node, local: set[str]) -> NameRef | None:
    """The helper or imported function a call names, None for any other callee and for functions of
    modules that are never the repository's (tested before the shadowing test: either way no call)."""
    if func.type == "identifier" and text(func) in local and not index.is_local(func, text(func)):
        return NameRef("", 0, text(func))
    found = index.imported(func)
    if found is None or outside(found[0]) or index.is_local(found[1], text(found[1])):
        return None
    return found[0]


def _default(index: FileIndex, node: Node, value: str | None) -> Default:
    """`value_default(index, node)`; for a string literal, from the value already read (the string's
    one literal, scalars or not)."""
    if value is not None and node.type == "string":
        return Default(kind="literal", values=(value,))
    return value_default(index, node)


def _value_and_ref(index: FileIndex, node: Node) -> tuple[str | None, Node, str | None, NameRef | None]:
    keyword = None
    if node.type == "keyword_argument":
        keyword, node = text(node.child_by_field_name("name")), node.child_by_field_name("value")
    value = single_string(index, node)
    return keyword, node, value, index.import_ref(node) if value is None else None


# Modules that are never a repository's own (a repository module of the same name would be shadowed by
# them anyway): their calls are no helper calls, and recording them would only weigh on the cache.
_OUTSIDE = frozenset(sys.stdlib_module_names) | {"environs", "environ", "decouple", "dotenv", "pydantic",
                                                 "pydantic_settings"}


def outside(ref: NameRef) -> bool:
    return ref.level == 0 and ref.module.split(".")[0] in _OUTSIDE


def call_argument(index: FileIndex, node: Node) -> CallArg:
    keyword = None
    if node.type == "keyword_argument":
        keyword, node = text(node.child_by_field_name("name")), node.child_by_field_name("value")
    value = single_string(index, node)
    ref = index.import_ref(node) if value is None else None
    return CallArg(keyword, text(node), value, ref, value_default(index, node))


def bound_argument(helper: Helper, args: tuple[CallArg, ...], position: int) -> CallArg | None:
    """The argument a call binds to the helper's parameter at ``position``, as Python binds them."""
    given = [a for a in args if a.keyword is None]
    if position < len(given) and "*" not in helper.params[:position + 1]:
        return given[position]
    return next((a for a in args if a.keyword == helper.params[position]), None)


def helper_read(helper: Helper, call: HelperCall, name: str | None) -> Read | None:
    """The read a call of the helper makes; ``name`` is the resolved name (None when dynamic)."""
    key = bound_argument(helper, call.args, helper.key)
    if key is None or key.parameter:
        return None
    default = helper.default
    if helper.fallback is not None:
        given = bound_argument(helper, call.args, helper.fallback)
        chosen = given.default if given is not None else helper.fallback_default
        default = dataclasses.replace(chosen, covers_empty=helper.default.covers_empty)
    return Read(name=name, location=call.location, form=f"helper {helper.name}", default=default,
                required=helper.required and default.kind == "none", function=call.function,
                name_text=key.text, condition=call.condition, script_only=call.script_only)


def local_reads(helpers: list[Helper], calls: list[HelperCall]) -> tuple[list[Read], list[HelperCall]]:
    """Reads of same-module helper calls whose name is known here; the rest wait for the resolver."""
    by_name = {h.name: h for h in helpers}
    reads: list[Read] = []
    pending: list[HelperCall] = []
    for call in calls:
        helper = by_name.get(call.callee.name) if call.callee.local else None
        key = bound_argument(helper, call.args, helper.key) if helper is not None else None
        if helper is None or (key is not None and key.value is None and key.ref is not None):
            pending.append(call)
            continue
        read = helper_read(helper, call, key.value if key is not None else None)
        if read is not None:
            reads.append(read)
    return reads, pending
