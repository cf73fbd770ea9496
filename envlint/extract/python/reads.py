"""Reads of environment variables: os.getenv, os.environ.get/[]/setdefault, `"X" in os.environ`.

Candidates come from rules/python/env_reads.scm; a candidate is a read when its callee or container
resolves to os.getenv / os.environ through the file's imports. Defaults follow `or` chains
(`os.getenv("A") or os.getenv("B") or "d"`) and local variables assigned literals.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from ...model import Default, NO_DEFAULT, Read
from .. import syntax
from ..syntax import Node, parent_of, text
from .calls import argument, operator
from .guards import guards_of
from .names import FileIndex
from .optional import optional_default
from .required import is_required
from .scope import condition, function_name, unparen
from .values import Lit, literals

# Callee (as resolved through imports) -> Read.form.
_READ_CALLS = {"os.getenv": "os.getenv", "os.environ.get": "os.environ.get",
               "os.environ.setdefault": "os.environ.setdefault"}


@dataclass(frozen=True)
class RawRead:
    node: Node  # call, subscript or comparison: where the read stands
    form: str
    key: Node | None
    explicit: Node | None = None  # the default argument as written
    negated: bool = False  # `"X" not in os.environ`


def find_reads(index: FileIndex) -> list[RawRead]:
    found: dict[Node, RawRead] = {}
    spellings, data = index.spellings("os"), index.source.data
    for match in syntax.matches("python", "env_reads", index.root):
        resolved = match["func"][0] if "call" in match else match["environ"][0]  # what _candidate qualifies
        if spellings is not None and not data.startswith(spellings, resolved.start_byte):
            continue  # resolves to nothing of os
        raw = _candidate(index, match)
        if raw is not None:
            found.setdefault(raw.node, raw)
    return sorted(found.values(), key=lambda r: r.node.start_byte)


def _candidate(index: FileIndex, match: dict[str, list[Node]]) -> RawRead | None:
    if "call" in match:
        form = _READ_CALLS.get(index.qualify(match["func"][0]) or "")
        if form is None:
            return None
        args = match["args"][0]
        return RawRead(match["call"][0], form, argument(args, 0, "key"), argument(args, 1, "default"))
    if index.qualify(match["environ"][0]) != "os.environ":
        return None
    if "subscript" in match:
        node = match["subscript"][0]
        return RawRead(node, "os.environ[]", match["key"][0]) if _is_read_context(node) else None
    node = match["compare"][0]
    return RawRead(node, "in os.environ", match["key"][0], negated=text(match["op"][0]) == "not in")


def _is_read_context(node: Node) -> bool:
    """`os.environ["X"] = v` is a set and `del os.environ["X"]` nothing; `+=` reads then sets."""
    parent = node.parent
    if parent is None:
        return True
    if parent.type == "assignment" and parent.child_by_field_name("left") == node:
        return False
    if parent.type == "expression_list" and parent.parent is not None:
        parent = parent.parent
    return parent.type != "delete_statement"


def build_reads(index: FileIndex, raws: list[RawRead]) -> list[Read]:
    by_node = {r.node: r for r in raws}
    names = {r.node: _name(index, r.key) for r in raws}
    # `os.getenv("A", os.getenv("B"))`: B is read only as A's default, like `A or B`.
    default_of = {unparen(r.explicit): r.node for r in raws if unparen(r.explicit) in by_node}
    reads = []
    for raw in raws:
        name, name_text = names[raw.node]
        # Membership tests are booleans: an `or` between them chains no values.
        before, after = _or_neighbours(raw.node) if raw.form != "in os.environ" else (None, None)
        if after in by_node and by_node[after].form == "in os.environ":
            after = None
        # `os.environ[X]` under `try/except KeyError` or `if X in os.environ` fails nothing.
        optional = optional_default(index, raw.node, raw.key) if raw.form == "os.environ[]" else None
        default = optional if optional is not None else _default(index, raw, after, by_node, names)
        fallback_of = None
        if before in by_node and by_node[before].form != "in os.environ":
            fallback_of = names[before][0]
        elif raw.node in default_of:
            fallback_of = names[default_of[raw.node]][0]
        reads.append(Read(
            name=name, location=index.source.location(raw.node), form=raw.form, default=default,
            required=optional is None and is_required(index, raw.node, raw.form, raw.negated, default),
            function=function_name(raw.node), name_text=name_text, fallback_of=fallback_of,
            condition=condition(raw.node), guards=guards_of(index, raw.node),
            compared_to=_compared_to(index, raw.node),
        ))
    return reads


def _compared_to(index: FileIndex, node: Node) -> tuple[str, ...]:
    """The literals the read's value is compared to where it is read: `os.getenv("X") == "1"`,
    `os.getenv("X", "").lower() in ("1", "true")` (a method call such as `.lower()` keeps the meaning)."""
    while True:
        parent = node.parent
        if parent is not None and parent.type == "parenthesized_expression":
            node = parent
        elif (parent is not None and parent.type == "attribute" and parent.parent is not None
              and parent.parent.type == "call"):
            node = parent.parent
        else:
            break
    parent = node.parent
    if parent is None or parent.type != "comparison_operator":
        return ()
    out: list[str] = []
    for other in parent.named_children:
        if other == node:
            continue
        items = other.named_children if other.type in ("tuple", "list", "set") else [other]
        for item in items:
            values = literals(index, item)
            out.extend(v.value for v in values or () if isinstance(v.value, str))
    return tuple(out)


def _name(index: FileIndex, key: Node | None) -> tuple[str | None, str]:
    values = literals(index, key)
    if values is not None and len(values) == 1:
        return values[0].value, text(key)
    return None, text(key)


def _default(index: FileIndex, raw: RawRead, after: Node | None, by_node: dict[Node, RawRead],
             names: dict[Node, tuple[str | None, str]]) -> Default:
    explicit = value_default(index, raw.explicit) if raw.explicit is not None else NO_DEFAULT
    if unparen(raw.explicit) in by_node and names[unparen(raw.explicit)][0]:
        explicit = Default(kind="fallback", fallbacks=(names[unparen(raw.explicit)][0],))
    falsy = explicit.kind == "none" or explicit.values == ("",)
    if after is None or not falsy:
        return explicit  # an empty default is falsy, so a following `or` decides
    # `os.getenv("X") or d`: the `or` also replaces an empty value, so `X=` does not defeat it.
    if after in by_node:
        name, name_text = names[after]
        if name:
            return Default(kind="fallback", fallbacks=(name,), covers_empty=True)
        return Default(kind="expression", text=name_text, covers_empty=True)
    return dataclasses.replace(value_default(index, after), covers_empty=True)


def value_default(index: FileIndex, node: Node) -> Default:
    """A default argument as written: its literals (None is no default), else its source text."""
    values = literals(index, node, scalars=True)
    if values is None:
        return Default(kind="expression", text=text(node))
    kept = [v.value for v in values if not _is_none(v)]
    # `os.environ.get("X", None)`: no default, but written out: the code means to handle the absence.
    return Default(kind="literal", values=tuple(kept)) if kept else Default(text="None")


def _is_none(value: Lit) -> bool:
    return value.scalar and value.node.type == "none"


def _or_neighbours(node: Node) -> tuple[Node | None, Node | None]:
    """The operands just before and after the node in the `or` chain it stands in."""
    top, above = node, parent_of(node)
    while above is not None and (above.type == "parenthesized_expression" or _is_or(above)):
        top, above = above, parent_of(above)
    if top == node:
        return None, None
    return _or_chain(top).get(node, (None, None))


@lru_cache(maxsize=64)
def _or_chain(top: Node) -> dict[Node, tuple[Node | None, Node | None]]:
    """Each operand of the `or` chain under ``top`` with its neighbours: flattened once per chain, not
    once per read in it (an `or` of 800 reads was quadratic)."""
    operands: list[Node] = []
    stack = [top]
    while stack:
        current = unparen(stack.pop())
        if current is not None and _is_or(current):
            stack.append(current.child_by_field_name("right"))
            stack.append(current.child_by_field_name("left"))
        elif current is not None:
            operands.append(current)
    return {operand: (operands[i - 1] if i > 0 else None, operands[i + 1] if i + 1 < len(operands) else None)
            for i, operand in enumerate(operands)}


def _is_or(node: Node) -> bool:
    return node.type == "boolean_operator" and operator(node) == "or"
