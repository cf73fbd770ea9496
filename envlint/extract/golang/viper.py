"""github.com/spf13/viper: which variables a viper instance reads.

`BindEnv("key", "X")` reads X (at the call); `BindEnv("key")` reads PREFIX_KEY. A getter
(`GetString("a.b")`) reads a variable only after `AutomaticEnv()`: the key with the prefix of
`SetEnvPrefix`, upper-cased, through the `SetEnvKeyReplacer(strings.NewReplacer(...))` pairs, so
"a.b" is APP_A_B. Without AutomaticEnv a getter reads nothing (unless its key was bound). Settings are
gathered over the whole package, per instance (the package itself, or a variable set from viper.New()),
ignoring order: a setting made anywhere applies to every getter of that instance. `BindPFlags` makes
the flags of a flag set variables too (pflags.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .pflags import pflag_reads

VIPER = "github.com/spf13/viper"
Captures = dict[str, list[Node]]


@dataclass
class _Instance:
    prefix: str = ""
    automatic: bool = False
    replacements: list[tuple[str, str]] = field(default_factory=list)
    defaults: dict[str, str] = field(default_factory=dict)
    bound: set[str] = field(default_factory=set)

    def env_name(self, key: str) -> str:
        name = (f"{self.prefix}_{key}" if self.prefix else key).upper()
        for old, new in self.replacements:
            name = name.replace(old, new)
        return name


def _args(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _instance(go_file: GoFile, operand: Node, index: PackageIndex, variables: set[str]) -> str | None:
    text = syntax.text(operand)
    if operand.type == "identifier" and go_file.imports.get(text) == VIPER and index.scopes.local(operand) is None:
        return "<package>"
    return text if text in variables else None


def _variables(index: PackageIndex) -> set[str]:
    """Left sides assigned `viper.New()` anywhere in the package (`v`, `c.v`)."""
    found = set()
    for go_file in index.files:
        aliases = {a for a, p in go_file.imports.items() if p == VIPER}
        for node in syntax.walk(go_file.root):
            if node.type in ("short_var_declaration", "assignment_statement", "var_spec"):
                left = node.child_by_field_name("left") or node.child_by_field_name("name")
                right = node.child_by_field_name("right") or node.child_by_field_name("value")
                if left is not None and right is not None and any(
                        syntax.text(v.child_by_field_name("function")) in {f"{a}.New" for a in aliases}
                        for v in right.named_children if v.type == "call_expression"):
                    found.add(syntax.text(left).split(",")[0].strip())
    return found


def viper_reads(index: PackageIndex, calls: dict[str, list[Captures]]) -> list[tuple[str, Read]]:
    if not any(VIPER in f.imports.values() for f in index.files):
        return []  # the common case: no walk over the package's syntax
    variables = _variables(index)
    instances: dict[str, _Instance] = {}
    found: list[tuple[GoFile, str, str, Node]] = []  # (file, instance, method, call)
    for go_file in index.files:
        for captures in calls[go_file.path]:
            name = _instance(go_file, captures["operand"][0], index, variables)
            if name is not None:
                found.append((go_file, name, syntax.text(captures["function"][0]), captures["call"][0]))
    for _, name, method, call in found:
        _configure(instances.setdefault(name, _Instance()), method, _args(call), index)
    out: list[tuple[str, Read]] = []
    for go_file, name, method, call in found:
        instance = instances[name]
        args = _args(call)
        if method == "BindPFlags" and instance.automatic:
            out.extend(pflag_reads(go_file, call, instance.env_name, index, calls[go_file.path]))
            continue
        key = index.string(args[0]) if args else None
        if key is None:
            continue
        default = Default(kind="literal", values=(instance.defaults[key.lower()],), covers_empty=True) \
            if key.lower() in instance.defaults else NO_DEFAULT
        if method == "BindEnv":
            names = [index.string(a) for a in args[1:]] or [instance.env_name(key)]
            out.extend(_read(go_file, call, n, default) for n in names if n)
        elif method.startswith("Get") and instance.automatic and key.lower() not in instance.bound:
            out.append(_read(go_file, call, instance.env_name(key), default))
    return out


def _configure(instance: _Instance, method: str, args: list[Node], index: PackageIndex) -> None:
    first = index.string(args[0]) if args else None
    if method == "SetEnvPrefix" and first is not None:
        instance.prefix = first
    elif method == "AutomaticEnv":
        instance.automatic = True
    elif method == "SetDefault" and first is not None and len(args) > 1 and index.string(args[1]) is not None:
        instance.defaults[first.lower()] = index.string(args[1]) or ""
    elif method == "BindEnv" and first is not None:
        instance.bound.add(first.lower())
    elif method == "SetEnvKeyReplacer" and args and args[0].type == "call_expression" \
            and syntax.text(args[0].child_by_field_name("function")).endswith("NewReplacer"):
        pairs = [index.string(a) for a in _args(args[0])]
        instance.replacements = [(o, n) for o, n in zip(pairs[::2], pairs[1::2]) if o is not None and n is not None]
        instance.replacements = [(o.upper(), n.upper()) for o, n in instance.replacements]


def _read(go_file: GoFile, call: Node, name: str, default: Default) -> tuple[str, Read]:
    function = enclosing_function(call)
    return go_file.path, Read(name=name, location=go_file.source.location(call), form="viper", default=default,
                              function=function_name(function), condition=flow.condition_of(call, function))
