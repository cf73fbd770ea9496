"""github.com/alecthomas/kingpin flags bound to a variable: `kingpin.Flag("port", "...").Envar("PORT")
.Default("8080").String()` (also `app.Flag(...)`, `cmd.Flag(...)`, and v1's `OverrideDefaultFromEnvar`).

Each `.Envar("X")` is a read at its argument, with the chain's `.Default(...)` as default (which an
empty variable also gets). A flag given on the command line satisfies `.Required()` too, so the read is
never a required one.
"""

from __future__ import annotations

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node, parent_of
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name

KINGPIN = ("gopkg.in/alecthomas/kingpin", "github.com/alecthomas/kingpin")
_ENVAR = ("Envar", "OverrideDefaultFromEnvar")


def _arguments(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _chain_default(call: Node, index: PackageIndex) -> Default:
    """The `.Default(...)` later in the same method chain (`x.Envar("P").Default("80").String()`)."""
    current = call
    while True:
        selector = parent_of(current)
        outer = parent_of(selector) if selector is not None else None
        if selector is None or selector.type != "selector_expression" or outer is None or outer.type != "call_expression":
            return NO_DEFAULT
        if syntax.text(selector.child_by_field_name("field")) == "Default":
            values = [index.string(a) for a in _arguments(outer)]
            # kingpin takes an empty variable for an unset one: the default covers it.
            return (
                Default(kind="literal", values=tuple(values), covers_empty=True)
                if values and all(v is not None for v in values)
                else Default(
                    kind="expression", text=syntax.text(outer.child_by_field_name("arguments")), covers_empty=True
                )
            )
        current = outer


def kingpin_reads(go_file: GoFile, index: PackageIndex, calls: list[dict[str, list[Node]]]) -> list[Read]:
    if not any(path.startswith(KINGPIN) for path in go_file.imports.values()):
        return []
    out = []
    for captures in calls:
        if syntax.text(captures["function"][0]) not in _ENVAR:
            continue
        call = captures["call"][0]
        arguments = _arguments(call)
        if len(arguments) != 1:
            continue
        name = index.string(arguments[0])
        function = enclosing_function(call)
        out.append(
            Read(
                name=name,
                location=go_file.source.location(arguments[0]),
                form="kingpin",
                default=_chain_default(call, index),
                function=function_name(function),
                name_text="" if name else syntax.text(arguments[0]),
                condition=flow.condition_of(call, function),
            )
        )
    return out
