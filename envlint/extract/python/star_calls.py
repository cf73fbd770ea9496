"""Calls of a name that only a star import can have brought in: `from settings_base import *` then
`env("EVENT_RETENTION_DAYS", "90")`.

Such a call is kept (a `HelperCall` with ``guessed`` set, one per star-imported module) when its first
argument is an environment-variable-like literal (upper case, digits, underscores). The resolver then
looks the name up in the star-imported modules: a helper there makes it a read as usual; a function of a
repository module that reads the environment makes it a read of that name; a module outside the
repository (or a name found nowhere) leaves the file's reads incomplete, so that no rule claims the
service never reads a name it may read through that call.
"""

from __future__ import annotations

import builtins
import re

from ..syntax import Node, text
from .calls import positional
from .extra import HelperCall, NameRef
from .helpers import call_argument, outside
from .names import FileIndex
from .scope import condition, function_name
from .values import single_string

ENV_LIKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")
_BUILTINS = frozenset(dir(builtins))
_DEFINITIONS = ("function_definition", "class_definition")


def stars(index: FileIndex) -> list[NameRef]:
    """The modules the file star-imports, as NameRefs of the name "*"."""
    return [NameRef(i.module, i.level, "*") for i in index.imports if "*" in i.names]


def env_like(value: str | None) -> bool:
    return value is not None and len(value) > 1 and bool(ENV_LIKE.match(value))


def star_calls(index: FileIndex, calls: list[dict[str, list[Node]]]) -> list[HelperCall]:
    """Calls of a bare name that nothing in the file defines, imports or builds in, with an env-like
    literal first, when the file star-imports a module outside the standard library."""
    modules = [m for m in stars(index) if not outside(m)]
    if not modules:
        return []
    defined = set(module_definitions(index.root))
    found: list[HelperCall] = []
    for match in calls:
        call, func, args = match["call"][0], match["func"][0], match["args"][0]
        name = text(func)
        if func.type != "identifier" or name in defined or name in _BUILTINS or name in index.aliases \
                or name in index.from_imports or index.is_local(func, name):
            continue
        given = positional(args)
        if not given or not env_like(single_string(index, given[0])):
            continue
        arguments = tuple(call_argument(index, a) for a in args.named_children if a.type != "comment")
        location = index.source.location(call)
        found.extend(HelperCall(NameRef(m.module, m.level, name), location, function_name(call), condition(call),
                                arguments, guessed=True) for m in modules)
    return found


def module_definitions(root: Node) -> list[str]:
    """Names of the module-level functions and classes."""
    out = set()
    for statement in root.named_children:
        if statement.type == "decorated_definition":
            statement = statement.child_by_field_name("definition") or statement
        if statement.type in _DEFINITIONS:
            out.add(text(statement.child_by_field_name("name")))
    return sorted(out)
