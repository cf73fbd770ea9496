"""github.com/urfave/cli flags: `&cli.StringFlag{Name: "port", EnvVars: []string{"PORT"}, Value: "80"}`
(v2), `EnvVar: "PORT,APP_PORT"` (v1, comma separated), `Sources: cli.EnvVars("PORT")` (v3).

Each name is a read at its literal, with the flag's Value as default (the library takes a set
variable as is, even empty: covers_empty False). `Required: true` is not a required read: the flag on
the command line satisfies it too.
"""

from __future__ import annotations

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .structs import items, keyed

URFAVE = "github.com/urfave/cli"
_LITERALS = ("int_literal", "float_literal", "true", "false")


def _default(value: Node | None, index: PackageIndex) -> Default:
    if value is None:
        return NO_DEFAULT
    text = index.string(value)
    if text is not None:
        return Default(kind="literal", values=(text,))
    if value.type in _LITERALS:
        return Default(kind="literal", values=(syntax.text(value),))
    return Default(kind="expression", text=syntax.text(value))


def _names(fields: dict[str, Node], index: PackageIndex) -> list[tuple[str | None, Node]]:
    """(name, where it stands) for every variable the flag reads."""
    out: list[tuple[str | None, Node]] = []
    if "EnvVars" in fields and fields["EnvVars"].type == "composite_literal":
        out.extend((index.string(n), n) for n in items(fields["EnvVars"].child_by_field_name("body")))
    if "EnvVar" in fields:
        text = index.string(fields["EnvVar"])
        out.extend((n.strip() or None, fields["EnvVar"]) for n in (text.split(",") if text else [None]))
    sources = fields.get("Sources")
    for call in flow.calls_in(sources):
        if syntax.text(call.child_by_field_name("function")).endswith(".EnvVars"):
            arguments = call.child_by_field_name("arguments")
            out.extend((index.string(n), n) for n in (arguments.named_children if arguments is not None else ())
                       if n.type != "comment")
    return out


def flag_reads(go_file: GoFile, index: PackageIndex, literals: list[dict[str, list[Node]]]) -> list[Read]:
    out = []
    for captures in literals:
        if "body" not in captures:
            continue  # a slice of flags: each element is a literal of its own
        path = go_file.imports.get(syntax.text(captures["package"][0]), "")
        if not (path == URFAVE or path.startswith(URFAVE + "/")) or not syntax.text(captures["type"][0]).endswith("Flag"):
            continue
        fields = keyed(captures["body"][0])
        default = _default(fields.get("Value"), index)
        literal = captures["literal"][0]
        function = enclosing_function(literal)
        for name, node in _names(fields, index):
            out.append(Read(name=name, location=go_file.source.location(node), form="urfave/cli", default=default,
                            function=function_name(function), name_text="" if name else syntax.text(node),
                            condition=flow.condition_of(literal, function)))
    return out
