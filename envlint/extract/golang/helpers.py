"""Reads through calls envlint knows by shape rather than by definition.

`os.ExpandEnv("...$X...${Y}...")` and `os.Expand(template, os.Getenv)` read every name of a static
template (`os.Expand` with another mapping function reads nothing from the environment).
Env helpers from outside the repository: `env.GetAsString("X", ...)`, `envutil.MustGet("X")`,
`getenv.String("X", "d")`: a call of an imported package whose package or function name says "env",
with an upper-case name first. `Must`/`Required` in the name makes it required; a second string
literal as last argument is the default, other extra arguments an unknown default (kind
"expression"). If the package turns out to be one of the repository's, the resolver replaces this
guess with what that package's wrapper does.
"""

from __future__ import annotations

import re

from ...model import NO_DEFAULT, Default, Read
from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function, function_name

# Go's os.Expand: ${NAME} or $NAME where NAME is letters, digits and underscores.
_EXPAND = re.compile(r"\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))")
_UPPER = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Packages whose Getenv-like calls are handled elsewhere (os, syscall) or are no reads of a name.
_NOT_HELPERS = {"os", "syscall", "github.com/spf13/viper", "github.com/kelseyhightower/envconfig"}
_NOT_READING = ("Set", "Unset", "Clear", "Expand", "Parse", "Process", "Bind")


def _args(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    return [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []


def _read(go_file: GoFile, call: Node, name: str, form: str, default: Default = NO_DEFAULT,
          required: bool = False) -> Read:
    function = enclosing_function(call)
    return Read(
        name=name,
        location=go_file.source.location(call),
        form=form,
        default=default,
        required=required,
        function=function_name(function),
        condition=flow.condition_of(call, function),
    )


def expand_reads(go_file: GoFile, index: PackageIndex, package: str, method: str, call: Node) -> list[Read]:
    if package != "os" or method not in ("ExpandEnv", "Expand"):
        return []
    args = _args(call)
    if not args or (method == "Expand" and (len(args) < 2 or syntax.text(args[1]).replace(" ", "") not in
                                            {f"{a}.Getenv" for a, p in go_file.imports.items() if p == "os"})):
        return []
    template = index.string(args[0])
    names = dict.fromkeys(a or b for a, b in _EXPAND.findall(template or ""))
    return [_read(go_file, call, n, f"os.{method}") for n in names if not n.isdigit()]


def helper_read(go_file: GoFile, index: PackageIndex, package: str, alias: str, method: str,
                call: Node) -> Read | None:
    if package in _NOT_HELPERS or package.startswith("github.com/caarlos0/env") \
            or package.startswith("github.com/urfave/cli"):
        return None
    base = package.rsplit("/", 1)[-1]
    if "env" not in f"{alias} {base} {method}".lower() or method.startswith(_NOT_READING):
        return None
    args = _args(call)
    name = index.string(args[0]) if args else None
    if name is None or not _UPPER.match(name):
        return None
    required = "Must" in method or "Required" in method
    default = NO_DEFAULT
    if len(args) == 2 and index.string(args[1]) is not None:
        default = Default(kind="literal", values=(index.string(args[1]) or "",))
    elif len(args) > 1:  # `GetAsString("X", true, "")`: which argument is the default is unknown
        default = Default(kind="expression", text=", ".join(syntax.text(a) for a in args[1:]))
    return _read(go_file, call, name, f"env helper {alias}.{method}", default, required)
