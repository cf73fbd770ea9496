"""What one Go file leaves for the cross-package resolver (envlint/resolve/go.py): `FileFacts.extra`.

Extraction sees one package, so a name written `config.EnvX` (a constant of another package of the
module) or a call `envutil.Get("X", "d")` (a wrapper in another package) is only recorded here, as
parts and pending items; the resolver completes them once every package's facts are known.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Default, Location
from .. import syntax
from ..syntax import Node
from . import strings
from .index import GoFile, PackageIndex


@dataclass(frozen=True, slots=True)
class Part:
    """One operand of a name: a known literal, a constant of an imported package, or unknown."""

    text: str | None = None
    package: str = ""  # import path, when the part is `pkg.Const`
    const: str = ""


@dataclass(frozen=True, slots=True)
class PendingName:
    """A read or set whose name holds a constant of another package."""

    location: Location  # the Read's or EnvSet's location
    parts: tuple[Part, ...]
    kind: str  # "read" or "set"
    passthrough: bool = False  # a docker `-e NAME` entry: a name without "=" passes the value on


@dataclass(frozen=True, slots=True)
class Arg:
    parts: tuple[Part, ...]
    text: str


@dataclass(frozen=True, slots=True)
class PendingCall:
    """`alias.Func(args)` where alias is an imported package: a wrapper call if that package is ours."""

    location: Location
    package: str  # import path
    name: str  # the function called
    args: tuple[Arg, ...]
    function: str | None  # enclosing function of the call
    condition: str | None


@dataclass(frozen=True, slots=True)
class WrapperSpec:
    """An exported wrapper function of this package, for calls from other packages."""

    name: str
    key: int
    fallback: int | None
    default: Default
    required: bool


@dataclass(frozen=True, slots=True)
class GoExtra:
    constants: tuple[tuple[str, str], ...] = ()  # exported string constants declared in this file
    wrappers: tuple[WrapperSpec, ...] = ()  # exported wrappers declared in this file
    names: tuple[PendingName, ...] = ()
    calls: tuple[PendingCall, ...] = ()
    # A file of a whole package that the prefilter does not want and that spells none of the package's
    # wrappers (light.py): its calls into other packages were not recorded. extract_all extracts its
    # package again, every file in full, when it spells another package's exported wrapper.
    light: bool = False


def name_parts(node: Node | None, go_file: GoFile, index: PackageIndex, depth: int = 0) -> tuple[Part, ...]:
    """`config.EnvX + "=" + v` -> (ref config.EnvX, "=", unknown); stops after the first unknown part."""
    out: list[Part] = []
    if node is None or depth > 4:
        return (Part(),)
    for operand in strings._operands(node):
        value = index.string(operand)
        if value is not None:
            out.append(Part(value))
            continue
        ref = foreign_constant(operand, go_file, index)
        if ref is not None:
            out.append(ref)
            continue
        parts = strings.sprintf_parts(operand)
        template = index.string(parts[0]) if parts is not None else None
        if parts is None or template is None:
            out.append(Part())
            break
        out.extend(_sprintf(template, parts[1], go_file, index, depth))
        if out[-1] == Part():
            break
    return tuple(out)


def _sprintf(template: str, arguments: list[Node], go_file: GoFile, index: PackageIndex, depth: int) -> list[Part]:
    out: list[Part] = []
    position, used = 0, 0
    for verb in strings._VERB.finditer(template):
        out.append(Part(template[position:verb.start()]))
        position = verb.end()
        if verb.group(1) == "%":
            out.append(Part("%"))
            continue
        if verb.group(1) not in "sv" or used >= len(arguments):
            return out + [Part()]
        out.extend(name_parts(arguments[used], go_file, index, depth + 1))
        used += 1
        if out[-1] == Part():
            return out
    out.append(Part(template[position:]))
    return out


def foreign_constant(node: Node, go_file: GoFile, index: PackageIndex) -> Part | None:
    """`alias.Name` where alias is an imported package (not a local variable of that name)."""
    if node.type != "selector_expression":
        return None
    operand, field = node.child_by_field_name("operand"), node.child_by_field_name("field")
    if operand is None or field is None or operand.type != "identifier":
        return None
    path = go_file.imports.get(syntax.text(operand))
    if path is None or index.scopes.local(operand) is not None:
        return None
    return Part(None, path, syntax.text(field))


def has_foreign(parts: tuple[Part, ...]) -> bool:
    return any(p.package for p in parts)
