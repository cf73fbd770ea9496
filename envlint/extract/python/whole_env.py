"""Whether a file reads the whole environment: iterates `os.environ` (`.items()`, `for k in
os.environ`) or hands it to a function (`load_config(os.environ)`). Such a program may read names it
never spells out (`APP_*` by prefix), so no launch site's set can be called unread for its service.
Building a child's environment (`env=os.environ`, `{**os.environ}`, `dict(os.environ)`,
`os.environ.copy()`) and single reads are not such uses.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..syntax import Node, text
from .names import FileIndex

_ITERATING = frozenset({"items", "keys", "values", "__iter__"})
_COPYING = frozenset({"dict", "os.environ.copy", "copy.copy", "copy.deepcopy"})


def _call_of(arguments: Node) -> str:
    call = arguments.parent
    return text(call.child_by_field_name("function")) if call is not None else ""


def _whole(index: FileIndex, node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "attribute" and parent.child_by_field_name("object") == node:
        return text(parent.child_by_field_name("attribute")) in _ITERATING
    if parent.type in ("for_statement", "for_in_clause") and parent.child_by_field_name("right") == node:
        return True
    if parent.type == "argument_list":
        return _call_of(parent) not in _COPYING
    if parent.type == "keyword_argument":
        return text(parent.child_by_field_name("name")) != "env"
    return False


_STARTSWITH = re.compile(r"\.startswith\(\s*(?:(['\"])([A-Za-z0-9_]+)\1|([A-Za-z_]\w*))\s*\)")
_LOOPS = ("for_statement", "list_comprehension", "dictionary_comprehension", "set_comprehension",
          "generator_expression")


def read_prefixes(index: FileIndex) -> tuple[str, ...]:
    """The families of names the file reads by iterating `os.environ`: the prefix the loop filters by
    (`k.startswith("APP_")`, or a module constant), or "" for every name (no filter it can read, or the
    environment handed to a function)."""
    found: set[str] = set()
    for node in _environ_uses(index):
        parent = node.parent
        if parent is not None and parent.type == "attribute" and parent.child_by_field_name("attribute") == node:
            node = parent  # the `environ` of `os.environ`: the attribute is the use
        if index.qualify(node) == "os.environ" and _whole(index, node):
            found.add(_prefix(node, text(index.root)))
    return tuple(sorted(found))


def _environ_uses(index: FileIndex) -> Iterator[Node]:
    """Every identifier `environ` of the file, found by its bytes: a query pattern for it
    (`((identifier) @x (#eq? @x "environ"))`) tested the text of every identifier and attribute of the
    file. An identifier is the leaf spanning exactly its bytes, so the smallest node spanning an
    occurrence of `environ` is one exactly when it is that identifier (`environment`, a string or a
    comment span more)."""
    data, root = index.source.data, index.root
    start = data.find(b"environ")
    while start >= 0:
        end = start + len(b"environ")
        node = root.descendant_for_byte_range(start, end)
        if node is not None and node.type == "identifier" and node.start_byte == start and node.end_byte == end:
            yield node
        start = data.find(b"environ", end)


def _prefix(node: Node, source: str) -> str:
    loop = node.parent
    while loop is not None and loop.type not in _LOOPS:
        loop = loop.parent
    match = _STARTSWITH.search(text(loop)) if loop is not None else None
    if match is None:
        return ""
    if match.group(2):
        return match.group(2)
    constant = re.search(rf"^{re.escape(match.group(3))}\s*(?::\s*\w+\s*)?=\s*(['\"])([A-Za-z0-9_]+)\1", source, re.M)
    return constant.group(2) if constant else ""
