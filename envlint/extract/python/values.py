"""The literal values an expression can hold, followed through constants and local variables.

`x = "a" if c else ""` gives x two values; every `=` of a name in its scope counts (a default set in
two branches has two values). Anything not made of literals gives None, so callers fall back to the
source text. Depth and count limits keep `x = x + "a"` and huge products finite.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..syntax import Node, text
from .names import FileIndex
from .scope import unparen

_MAX_DEPTH = 5
_MAX_VALUES = 16
_SCALARS = frozenset({"integer", "float", "true", "false", "none"})


@dataclass(frozen=True)
class Lit:
    value: str
    node: Node  # the literal in the source
    via: str = "literal"  # or "variable NAME" when reached through a name
    scalar: bool = False  # a number, bool or None (given as source text)


def string_value(node: Node) -> str | None:
    """The value of a `string` without placeholders; None for an f-string with `{...}`."""
    children = node.children  # a new list of new nodes at each access: read once
    start = next((c for c in children if c.type == "string_start"), None)
    prefix = text(start).lower().rstrip("'\"")
    raw = "r" in prefix
    out: list[str] = []
    for child in children:
        kind = child.type
        if kind == "interpolation":
            return None
        if kind == "string_content":
            out.append(_content(child, raw))
    return "".join(out)


def _content(node: Node, raw: bool) -> str:
    if not node.child_count:  # no escapes: the text as it stands (what the loop below gives)
        return text(node)
    data, pos, parts = node.text or b"", 0, []
    for child in node.children:
        start, end = child.start_byte - node.start_byte, child.end_byte - node.start_byte
        parts.append(data[pos:start].decode("utf-8", "replace"))
        piece = data[start:end].decode("utf-8", "replace")
        if child.type == "escape_interpolation":
            piece = piece[0]
        elif child.type == "escape_sequence" and not raw:
            try:
                piece = codecs.decode(piece, "unicode_escape")
            except (UnicodeDecodeError, ValueError):
                pass
        parts.append(piece)
        pos = end
    parts.append(data[pos:].decode("utf-8", "replace"))
    return "".join(parts)


def literals(index: FileIndex, node: Node | None, scalars: bool = False, depth: int = 0) -> list[Lit] | None:
    """Every literal the expression can hold, or None when some branch is not a literal."""
    node = unparen(node)
    if node is None or depth > _MAX_DEPTH:
        return None
    kind = node.type
    if kind == "string":
        value = string_value(node)
        return None if value is None else [Lit(value, node)]
    if kind == "concatenated_string":
        return _concat(index, node.named_children, scalars, depth)
    if kind == "binary_operator" and text(node.child_by_field_name("operator")) == "+":
        return _concat(index, [node.child_by_field_name("left"), node.child_by_field_name("right")], False, depth)
    if kind == "conditional_expression" and node.named_child_count == 3:
        first = literals(index, node.named_children[0], scalars, depth + 1)
        second = literals(index, node.named_children[2], scalars, depth + 1)
        return None if first is None or second is None else _unique(first + second)
    if kind in _SCALARS and scalars:
        return [Lit(text(node), node, scalar=True)]
    if kind == "identifier":
        return name_literals(index, node, scalars, depth)
    return None


def name_literals(index: FileIndex, node: Node, scalars: bool = False, depth: int = 0) -> list[Lit] | None:
    """The literals of every `=` of the name in the scope that binds it; None if one is not literal."""
    name = text(node)
    _, bindings = index.bindings(node, name)
    if not bindings or any(b.kind != "=" for b in bindings):
        return None
    found: list[Lit] = []
    for binding in bindings:
        values = literals(index, binding.value, scalars, depth + 1)
        if values is None:
            return None
        found.extend(Lit(v.value, v.node, f"variable {name}", v.scalar) for v in values)
    return _unique(found)


def single_string(index: FileIndex, node: Node | None) -> str | None:
    """The value when the expression holds exactly one string literal."""
    values = literals(index, node)
    return values[0].value if values is not None and len(values) == 1 else None


def literal_prefix(node: Node | None) -> str:
    """Literal start of a computed string: `f"K={v}"` and `"K=" + v` give "K="."""
    node = unparen(node)
    if node is None:
        return ""
    if node.type == "string":
        out = []
        for child in node.children:
            if child.type == "interpolation":
                break
            if child.type == "string_content":
                out.append(_content(child, False))
        return "".join(out)
    if node.type == "binary_operator":
        return literal_prefix(node.child_by_field_name("left"))
    if node.type == "concatenated_string" and node.named_children:
        return literal_prefix(node.named_children[0])
    return ""


def _concat(index: FileIndex, parts: list[Node | None], scalars: bool, depth: int) -> list[Lit] | None:
    combined: list[Lit] | None = None
    for part in parts:
        values = literals(index, part, False, depth + 1)
        if values is None:
            return None
        if combined is None:
            combined = values
            continue
        combined = [Lit(a.value + b.value, a.node, a.via if a.via != "literal" else b.via)
                    for a in combined for b in values][:_MAX_VALUES]
    return combined


def _unique(values: list[Lit]) -> list[Lit]:
    seen: set[str] = set()
    out = []
    for item in values:
        if item.value not in seen:
            seen.add(item.value)
            out.append(item)
    return out[:_MAX_VALUES]
