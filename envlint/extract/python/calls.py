"""Arguments of a call by position or keyword, as Python binds them."""

from __future__ import annotations

from ..syntax import Node, text

_NOT_POSITIONAL = frozenset({"keyword_argument", "list_splat", "dictionary_splat", "comment"})


def positional(args: Node | None) -> list[Node]:
    if args is None:
        return []
    return [a for a in args.named_children if a.type not in _NOT_POSITIONAL]


def keyword(args: Node | None, name: str) -> Node | None:
    """The value of `name=...`, or None when not given."""
    for arg in args.named_children if args is not None else ():
        if arg.type == "keyword_argument" and text(arg.child_by_field_name("name")) == name:
            return arg.child_by_field_name("value")
    return None


def keywords(args: Node | None) -> list[Node]:
    return [a for a in (args.named_children if args is not None else ()) if a.type == "keyword_argument"]


def argument(args: Node | None, position: int, name: str) -> Node | None:
    """The argument bound to a parameter that can be given by position or keyword."""
    given = positional(args)
    if position < len(given):
        return given[position]
    return keyword(args, name)


def operator(node: Node) -> str:
    """`or`/`and` of a boolean_operator, `in`/`not in`/`is`/`==` of a two-operand comparison."""
    named = set(node.named_children)
    return next((text(c) for c in node.children if c not in named), "")
