"""Nodes of a light file (light.py) whose tree is not kept: what the package takes from such a file is
held as plain data, and a node is found again by parsing the file anew only when it is really needed.

A big package's light files are most of its bytes (a compiler's 17 generated files, 6 MB, whose trees
took 220 MB), yet the package asks them for little: the names they declare, the values of their
constants (for string evaluation), and rarely a variable's or a function's node (for what a launch
runs) or the calls of one of the package's functions (for inherited guards, inherited.InheritedGuards).
So each light file is parsed, summarised, and its tree dropped before the next one is parsed
(index.build_index); what is rarely asked is found in its tree parsed again.

- `Handle`: where a node stands (byte range and type); `GoFile.node` finds it in the file's tree,
  parsed again (and then kept for the rest of the unit) when it was dropped. Parsing the same bytes
  gives the same tree, so the node found is the one recorded; a handle that would not find its own
  node again is never made (the file then keeps its tree), see `findable`.
- `Detached`: a copy of a package constant's value, limited to what strings.evaluate reads (the `+`
  operands, parentheses, fmt.Sprintf's function and arguments, and every node's type and text), so that
  the constants of every light file can still be evaluated without their trees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..syntax import Node

if TYPE_CHECKING:
    from .index import GoFile


@dataclass(frozen=True, eq=False, slots=True)
class Handle:
    """A node of ``file`` by its byte range and type."""

    file: GoFile
    start: int
    end: int
    type: str

    def node(self) -> Node:
        return self.file.node(self.start, self.end, self.type)


def find(root: Node, start: int, end: int, kind: str) -> Node | None:
    """The innermost node of type ``kind`` spanning exactly [start, end) in the tree ``root``."""
    node = root.named_descendant_for_byte_range(start, end)
    while node is not None and node.start_byte == start and node.end_byte == end:
        if node.type == kind:
            return node
        node = node.parent
    return None


def findable(root: Node, node: Node) -> bool:
    """Whether `find` gives ``node`` back from its range and type (never false for a call or a
    declaration in a valid tree; checked all the same, as a handle that missed would be a wrong fact)."""
    return find(root, node.start_byte, node.end_byte, node.type) == node


class Detached:
    """The part of a constant's value expression that strings.evaluate reads, without its tree.

    Its text is read from the file's bytes (only files whose tree was parsed from their bytes unedited
    are summarised, so the two agree). It has no parent: a package constant's value lies in no function
    (rules/go/declarations.scm matches top-level declarations only), which is all scope.py climbs for."""

    __slots__ = ("type", "start_byte", "end_byte", "named_children", "_fields", "_data", "file")
    parent = None

    def __init__(self, node: Node, data: bytes) -> None:
        self.type = node.type
        self.start_byte, self.end_byte = node.start_byte, node.end_byte
        self.named_children: list[Detached] = []
        self._fields: dict[str, Detached] = {}
        self._data = data
        self.file: GoFile | None = None  # set on the value itself: where to find its node again

    @property
    def text(self) -> bytes:
        return self._data[self.start_byte:self.end_byte]

    @property
    def named_child_count(self) -> int:
        return len(self.named_children)

    def child_by_field_name(self, name: str) -> Detached | None:
        return self._fields.get(name)


def unedited(root: Node, data: bytes) -> bool:
    """Whether the tree ``root`` was parsed from ``data`` itself (no grammar gap repaired, gaps.py): only
    then can a `Detached` copy read its text from the file's bytes."""
    return root.text == data[root.start_byte:root.end_byte]


def detach(value: Node, go_file: GoFile) -> Detached:
    """The copy of ``value`` that strings.evaluate needs (strings._operands, _single, sprintf_parts),
    made without recursion, as a generated `+` chain can be thousands of operands deep."""
    data = go_file.source.data
    top = Detached(value, data)
    top.file = go_file
    stack = [(value, top)]
    while stack:
        node, copy = stack.pop()
        if node.type == "parenthesized_expression":
            children = node.named_children
        elif node.type == "binary_expression":
            operator = node.child_by_field_name("operator")
            fields = {"operator": operator}
            if operator is not None and operator.text == b"+":
                fields.update(left=node.child_by_field_name("left"), right=node.child_by_field_name("right"))
            children = []
        elif node.type == "call_expression":
            fields = {"function": node.child_by_field_name("function"), "arguments": node.child_by_field_name("arguments")}
            children = []
        elif node.type == "argument_list":
            children = node.named_children
        else:
            continue
        if node.type in ("binary_expression", "call_expression"):
            for name, child in fields.items():
                if child is not None:
                    copy._fields[name] = Detached(child, data)
                    stack.append((child, copy._fields[name]))
        for child in children:
            copy.named_children.append(Detached(child, data))
            stack.append((child, copy.named_children[-1]))
    return top
