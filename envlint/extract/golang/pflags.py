"""spf13/pflag flags that viper binds to the environment.

`viper.BindPFlags(cmd.Flags())` on an instance with `AutomaticEnv()` makes every flag of that flag set
a variable: viper looks the flag's name up as a key, so `--x-frame-options` is read from
ARGO_X_FRAME_OPTIONS under `SetEnvPrefix("ARGO")` and a `-` -> `_` key replacer. Each flag defined in
the function that binds the set (`cmd.Flags().StringVar(&v, "x-frame-options", "DENY", "...")`) is a
read at its definition, with the flag's default. Only that function: cobra programs name every
command `command`, and another function's `command.Flags()` is another flag set.
"""

from __future__ import annotations

import re
from typing import Callable

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name

Captures = dict[str, list[Node]]

_TYPES = ("Bool|String|Int|Int8|Int16|Int32|Int64|Uint|Uint8|Uint16|Uint32|Uint64|Float32|Float64|Duration"
          "|StringSlice|StringArray|IntSlice|Int32Slice|Int64Slice|UintSlice|Float32Slice|Float64Slice|BoolSlice"
          "|DurationSlice|StringToString|StringToInt|StringToInt64|IP|IPSlice|IPMask|IPNet|BytesHex|BytesBase64")
# StringVar(&p, name, default, usage), StringVarP(&p, name, short, default, usage), String(name, default,
# usage), StringP(name, short, default, usage); Count has no default.
_DEFINER = re.compile(rf"^(?:(?P<type>{_TYPES})|(?P<count>Count))(?P<var>Var)?(?P<short>P)?$")
_LITERALS = ("int_literal", "float_literal", "true", "false")


def _args(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _default(node: Node | None, index: PackageIndex) -> Default:
    if node is None:
        return NO_DEFAULT
    text = index.string(node)
    if text is not None:
        return Default(kind="literal", values=(text,), covers_empty=True)
    if node.type in _LITERALS:
        return Default(kind="literal", values=(syntax.text(node),), covers_empty=True)
    # viper takes an empty variable for unset (AllowEmptyEnv is off by default): the default covers it
    return Default(kind="expression", text=syntax.text(node), covers_empty=True)


def pflag_reads(go_file: GoFile, bind: Node, env_name: Callable[[str], str], index: PackageIndex,
                calls: list[Captures]) -> list[tuple[str, Read]]:
    """The reads of the flags of the set that the `BindPFlags(set)` call ``bind`` binds."""
    args = _args(bind)
    function = enclosing_function(bind)
    if not args or function is None:
        return []
    flag_set = syntax.text(args[0])
    out = []
    for captures in calls:
        call = captures["call"][0]
        match = _DEFINER.match(syntax.text(captures["function"][0]))
        if match is None or syntax.text(captures["operand"][0]) != flag_set or enclosing_function(call) != function:
            continue
        defined = _args(call)
        at = 1 if match["var"] else 0
        name = index.string(defined[at]) if len(defined) > at else None
        if not name:
            continue
        default_at = at + 1 + (1 if match["short"] else 0)
        default = NO_DEFAULT if match["count"] else _default(
            defined[default_at] if len(defined) > default_at else None, index)
        out.append(
            (
                go_file.path,
                Read(
                    name=env_name(name),
                    location=go_file.source.location(call),
                    form="viper",
                    default=default,
                    function=function_name(function),
                    condition=flow.condition_of(call, function),
                ),
            )
        )
    return out
