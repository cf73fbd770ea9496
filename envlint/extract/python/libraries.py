"""Reads through configuration libraries: environs, python-decouple and django-environ; dotenv loads.

`env = Env()` (environs) then `env.str("X", "d")`, `env("X")`, `with env.prefixed("P_"): env.int("X")`
(a read of P_X); `config("X", default=..., cast=...)` (decouple, also an AutoConfig/Config instance);
`env = environ.Env(DEBUG=(bool, False))` (django-environ) then `env("X", default=...)`, `env.bool("DEBUG")`
(its default from the scheme), `env.db()` (DATABASE_URL). A read without a default is required: each
library raises when the variable is missing. `load_dotenv(path)`, `dotenv_values(path)` and
`read_env(path)` are no reads: they are kept as notes of which file the process loads.
"""

from __future__ import annotations

from ...model import Default, NO_DEFAULT, Read
from ..syntax import Node, text
from .calls import argument, keywords, positional
from .extra import DotenvLoad
from .names import FileIndex
from .reads import value_default
from .scope import condition, function_name, unparen
from .values import single_string

_ENVIRONS_METHODS = frozenset({
    "str", "int", "bool", "float", "decimal", "list", "dict", "json", "datetime", "date", "time",
    "timedelta", "path", "log_level", "uuid", "url", "enum", "dj_db_url", "dj_email_url", "dj_cache_url",
})
# django-environ method -> the variable it reads when called without one
_DJANGO_METHODS = {
    "str": None, "bool": None, "int": None, "float": None, "json": None, "list": None, "tuple": None,
    "dict": None, "url": None, "path": None, "bytes": None,
    "db": "DATABASE_URL", "db_url": "DATABASE_URL", "cache": "CACHE_URL", "cache_url": "CACHE_URL",
    "email": "EMAIL_URL", "email_url": "EMAIL_URL", "search_url": "SEARCH_URL",
    "channels": "CHANNELS_URL", "channels_url": "CHANNELS_URL",
}
_INSTANCES = {"environs.Env": "environs", "environ.Env": "django-environ",
              "decouple.AutoConfig": "decouple", "decouple.Config": "decouple"}
_DOTENV = {"dotenv.load_dotenv": "load_dotenv", "dotenv.dotenv_values": "dotenv_values",
           "dotenv.main.load_dotenv": "load_dotenv", "dotenv.main.dotenv_values": "dotenv_values",
           "environ.Env.read_env": "read_env"}
LIBRARIES = ("environs", "environ", "decouple", "dotenv")


def library_facts(index: FileIndex, calls: list[dict[str, list[Node]]]) -> tuple[list[Read], list[DotenvLoad]]:
    reads: list[Read] = []
    loads: list[DotenvLoad] = []
    for match in calls:
        call, func, args = match["call"][0], match["func"][0], match["args"][0]
        qualified = index.qualify(func) or ""
        if qualified in _DOTENV:
            loads.append(_load(index, _DOTENV[qualified], argument(args, 0, "dotenv_path"), call))
        elif qualified == "decouple.config":
            reads.append(_read(index, call, "decouple config", argument(args, 0, "option"),
                               argument(args, 1, "default")))
        else:
            found = _instance_call(index, call, func, args)
            if isinstance(found, Read):
                reads.append(found)
            elif found is not None:
                loads.append(found)
    return reads, loads


def _instance_call(index: FileIndex, call: Node, func: Node, args: Node) -> Read | DotenvLoad | None:
    """`env(...)` / `env.method(...)` where env holds an instance of a library's Env."""
    instance, method = (func, None) if func.type == "identifier" else (func.child_by_field_name("object"), None)
    if func.type == "attribute":
        method = text(func.child_by_field_name("attribute"))
    if instance is None or instance.type != "identifier":
        return None
    library, constructor = _library_of(index, instance)
    form = f"{library} {text(func)}" if method else f"{library} {text(func)}()"
    if library is None:
        return None
    if method == "read_env" and library in ("environs", "django-environ"):
        return _load(index, "read_env", argument(args, 0, "path"), call)
    if library == "decouple":
        if method is not None:
            return None
        return _read(index, call, form, argument(args, 0, "option"), argument(args, 1, "default"))
    if library == "environs":
        if method is not None and method not in _ENVIRONS_METHODS:
            return None
        return _read(index, call, form, argument(args, 0, "name"), argument(args, 1, "default"),
                     prefix=_environs_prefix(call, text(instance)))
    if method is None:  # django-environ __call__(var, cast=None, default=NOTSET)
        key, default = argument(args, 0, "var"), argument(args, 2, "default")
    elif method in _DJANGO_METHODS:
        key, default = argument(args, 0, "var"), argument(args, 1, "default")
    else:
        return None
    read = _read(index, call, form, key, default, implicit=_DJANGO_METHODS.get(method or ""))
    scheme = _django_scheme(index, constructor).get(read.name or "")
    if default is None and scheme is not None:
        return Read(
            name=read.name,
            location=read.location,
            form=read.form,
            default=scheme,
            required=False,
            function=read.function,
            name_text=read.name_text,
            condition=read.condition,
        )
    return read


def _library_of(index: FileIndex, instance: Node) -> tuple[str | None, Node | None]:
    """Which library's Env the name holds: every `=` of it in its scope is that constructor's call."""
    _, bindings = index.bindings(instance, text(instance))
    found: set[str] = set()
    constructor = None
    for binding in bindings:
        value = unparen(binding.value)
        if binding.kind != "=" or value is None or value.type != "call":
            return None, None
        found.add(_INSTANCES.get(index.qualify(value.child_by_field_name("function")) or "", ""))
        constructor = value
    if len(found) != 1 or "" in found:
        return None, None
    return found.pop(), constructor


def _read(index: FileIndex, call: Node, form: str, key: Node | None, default: Node | None,
          prefix: str = "", implicit: str | None = None) -> Read:
    name = single_string(index, key) if key is not None else implicit
    return Read(
        name=prefix + name if name is not None else None,
        location=index.source.location(call), form=form,
        default=value_default(index, default) if default is not None else NO_DEFAULT,
        # a default of None is still a default: the library returns it instead of raising
        required=default is None,
        function=function_name(call), name_text=text(key), condition=condition(call),
    )


def _environs_prefix(call: Node, instance: str) -> str:
    """The prefixes of every `with env.prefixed("P_"):` around the call, outermost first."""
    parts: list[str] = []
    current = call.parent
    while current is not None:
        if current.type == "with_statement":
            for item in current.named_children[0].named_children if current.named_children else ():
                value = unparen(item.child_by_field_name("value"))
                func = value.child_by_field_name("function") if value is not None and value.type == "call" else None
                if func is not None and text(func) == f"{instance}.prefixed":
                    arg = positional(value.child_by_field_name("arguments"))
                    if arg and arg[0].type == "string":
                        parts.append(text(arg[0])[1:-1])
        current = current.parent
    return "".join(reversed(parts))


def _django_scheme(index: FileIndex, constructor: Node | None) -> dict[str, Default]:
    """`environ.Env(DEBUG=(bool, False), NAME=str)`: DEBUG defaults to False; NAME has no default."""
    scheme: dict[str, Default] = {}
    args = constructor.child_by_field_name("arguments") if constructor is not None else None
    for arg in keywords(args):
        value = unparen(arg.child_by_field_name("value"))
        if value is not None and value.type == "tuple" and value.named_child_count == 2:
            scheme[text(arg.child_by_field_name("name"))] = value_default(index, value.named_children[1])
    return scheme


def _load(index: FileIndex, function: str, path: Node | None, call: Node) -> DotenvLoad:
    return DotenvLoad(function, single_string(index, path) if path is not None else None, text(path),
                      index.source.location(call))
