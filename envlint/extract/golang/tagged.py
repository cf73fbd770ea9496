"""Reads through struct tags: github.com/kelseyhightower/envconfig and github.com/caarlos0/env.

`envconfig.Process("app", &cfg)` reads, for each exported field of cfg's struct, APP_<KEY> where KEY is
the `envconfig:"X"` tag, else the field name (split at word boundaries with `split_words:"true"`),
upper-cased; with a tag and a prefix it falls back to the bare tag name. Nested structs recurse with
the field's key as prefix (embedded ones keep the outer prefix).
`env.Parse(&cfg)` reads only fields tagged `env:"X"`, with `envPrefix:"P_"` on nested structs and
`Options{Prefix: ...}`. `kong.Parse(&cli)` (github.com/alecthomas/kong) reads the fields tagged
`env:"X"` or `env:"X,Y"` of the command-line struct and of its commands and embedded structs, with
`envprefix:"P_"` on nested ones and the `default:"v"` tag; a flag on the command line satisfies a
`required` one, so no kong read is required. Reads stand at the field; function and condition are the
parsing call's.
"""

from __future__ import annotations

import re

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .structs import Field, fields, keyed, struct_of

ENVCONFIG = "github.com/kelseyhightower/envconfig"
CAARLOS0 = "github.com/caarlos0/env"
KONG = "github.com/alecthomas/kong"
Types = dict[str, tuple[GoFile, Node]]
# envconfig's own word split: gatherRegexp, then acronymRegexp ("HTTPServer" -> "HTTP", "Server").
_GATHER = re.compile(r"([^A-Z]+|[A-Z]+[^A-Z]+|[A-Z]+)")
_ACRONYM = re.compile(r"^([A-Z]+)([A-Z][^A-Z]+)$")


def split_words(name: str) -> str:
    words: list[str] = []
    for word in _GATHER.findall(name):
        match = _ACRONYM.match(word)
        words.extend(match.groups() if match else (word,))
    return "_".join(words) if words else name


def _arguments(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


class _Emitter:
    """Builds the reads of one parsing call, placed in the file that declares each field."""

    def __init__(self, call: Node, form: str, types: Types) -> None:
        function = enclosing_function(call)
        self.function, self.condition = function_name(function), flow.condition_of(call, function)
        self.form, self.types = form, types
        self.out: list[tuple[str, Read]] = []

    def read(self, go_file: GoFile, field: Field, name: str, default: Default, required: bool,
             fallback_of: str | None = None) -> None:
        self.out.append(
            (
                go_file.path,
                Read(
                    name=name,
                    location=go_file.source.location(field.node),
                    form=self.form,
                    default=default,
                    required=required,
                    function=self.function,
                    fallback_of=fallback_of,
                    condition=self.condition,
                ),
            )
        )


def _envconfig(emit: _Emitter, struct: str, prefix: str, depth: int = 0) -> None:
    if struct not in emit.types or depth > 8:
        return
    go_file, node = emit.types[struct]
    for field in fields(node):
        if not field.exported or field.tag("ignored") == "true":
            continue
        key = split_words(field.name) if field.tag("split_words") == "true" else field.name
        alt = (field.tag("envconfig") or "").upper()
        key = (f"{prefix}_{alt or key}" if prefix else alt or key).upper()
        if field.type_name in emit.types:
            _envconfig(emit, field.type_name, prefix if field.embedded else key, depth + 1)
            continue
        value = field.tag("default")
        default = Default(kind="literal", values=(value,)) if value else NO_DEFAULT
        required = field.tag("required") == "true" and not value
        emit.read(go_file, field, key, default, required)
        if alt and alt != key:  # envconfig looks the bare tag name up when the prefixed one is unset
            emit.read(go_file, field, alt, default, required, fallback_of=key)


def _caarlos0(emit: _Emitter, struct: str, prefix: str, depth: int = 0) -> None:
    if struct not in emit.types or depth > 8:
        return
    go_file, node = emit.types[struct]
    for field in fields(node):
        if not field.exported:
            continue  # the library cannot set an unexported field
        tag = field.tag("env")
        if field.type_name in emit.types:
            _caarlos0(emit, field.type_name, prefix + (field.tag("envPrefix") or ""), depth + 1)
            continue
        name, *options = (tag or "").split(",")
        if not name.strip():
            continue  # an untagged field is not read (without UseFieldNameByDefault)
        value = field.tag("envDefault")
        default = Default(kind="literal", values=(value,)) if value is not None else NO_DEFAULT
        required = bool({"required", "notEmpty"} & {o.strip() for o in options}) and value is None
        emit.read(go_file, field, prefix + name.strip(), default, required)


def _kong(emit: _Emitter, struct: str, prefix: str, depth: int = 0) -> None:
    if struct not in emit.types or depth > 8:
        return
    go_file, node = emit.types[struct]
    for field in fields(node):
        if not field.exported or field.tag("kong") == "-":
            continue
        if field.type_name in emit.types:  # a command (`cmd:""`) or an embedded group of flags
            _kong(emit, field.type_name, prefix + (field.tag("envprefix") or ""), depth + 1)
            continue
        value = field.tag("default")
        default = Default(kind="literal", values=(value,)) if value is not None else NO_DEFAULT
        names = [n.strip() for n in (field.tag("env") or "").split(",") if n.strip()]
        for position, name in enumerate(names):
            emit.read(go_file, field, prefix + name, default, False,
                      fallback_of=prefix + names[0] if position else None)


def parses_tags(go_file: GoFile) -> bool:
    """The file imports envconfig, caarlos0/env or kong, the only users of the package's struct types."""
    return any(p == ENVCONFIG or p == CAARLOS0 or p.startswith(CAARLOS0 + "/") or p == KONG or p.startswith(KONG + "/")
               for p in go_file.imports.values())


def tagged_reads(go_file: GoFile, index: PackageIndex, calls: list[dict[str, list[Node]]],
                 types: Types) -> list[tuple[str, Read]]:
    """(path of the file declaring the field, read) for every envconfig / caarlos0 parsing call."""
    out: list[tuple[str, Read]] = []
    for captures in calls:
        operand, method = captures["operand"][0], syntax.text(captures["function"][0])
        path = go_file.imports.get(syntax.text(operand)) if operand.type == "identifier" else None
        arguments = _arguments(captures["call"][0])
        if path is None or index.scopes.local(operand) is not None:
            continue
        if path == ENVCONFIG and method in ("Process", "MustProcess") and len(arguments) >= 2:
            prefix = index.string(arguments[0])
            struct = struct_of(arguments[1], index)
            if prefix is not None and struct:
                emit = _Emitter(captures["call"][0], "envconfig", types)
                _envconfig(emit, struct, prefix)
                out.extend(emit.out)
        elif (path == CAARLOS0 or path.startswith(CAARLOS0 + "/")) and method in ("Parse", "ParseWithOptions") \
                and arguments:
            struct = struct_of(arguments[0], index)
            options = arguments[1] if len(arguments) > 1 else None
            body = options.child_by_field_name("body") if options is not None and options.type == "composite_literal" else None
            prefix = index.string(keyed(body)["Prefix"]) if "Prefix" in keyed(body) else ""
            if struct and prefix is not None:
                emit = _Emitter(captures["call"][0], "caarlos0/env", types)
                _caarlos0(emit, struct, prefix)
                out.extend(emit.out)
        elif (path == KONG or path.startswith(KONG + "/")) and method in ("Parse", "Must", "New") and arguments:
            struct = struct_of(arguments[0], index)
            if struct:
                emit = _Emitter(captures["call"][0], "kong", types)
                _kong(emit, struct, "")
                out.extend(emit.out)
    return out
