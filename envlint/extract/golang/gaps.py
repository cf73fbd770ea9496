"""Known gaps of the tree-sitter Go grammar: valid Go that it parses with an ERROR or MISSING node.

A problem on a valid file fails CI for nothing, so before a Go file is called broken its errors are
checked against this list. Each gap is recognised structurally, from the nodes tree-sitter built
around the error, and proposes an edit that keeps every byte offset (a same-length replacement, or a
newline appended at the end): the edited source is parsed again, and when the new tree has no error
left, the file is valid Go that the grammar misread. The edited tree is the one extracted from, so
nothing around the gap is lost; locations still come from the original bytes, which the edits never
shift. A file whose errors survive the edits is reported at the first error that remains.

The gaps (tests/test_go_gaps.py has one test per gap):

- ``new-expression``: Go 1.26 allows an expression as the operand of ``new`` (``new(int64(5))``,
  ``new(time.Now())``); the grammar only accepts a type there. Recognised as a call of ``new`` that
  holds an error; the edit renames that ``new`` to ``neW``, an ordinary call that takes any expression.
- ``one-line-group``: ``const ( A = 1 )``, ``var ( x = 1; y = 2 )``: the Go spec lets the semicolon
  before a closing ``)`` be omitted, the grammar wants one (it wraps a lone spec in an ERROR node, or
  inserts an invisible MISSING terminator and may misread the last spec). Recognised as a const or var
  group that holds an error; the edit turns the blank before ``)`` into ``;``, or, with no blank, turns
  the parentheses of a one-spec group into a space and a ``;`` (the same declaration ungrouped).
- ``empty-init``: ``if ; cond {}`` and ``switch ; x {}`` (an empty init statement); recognised as an
  ERROR node that holds only the ``;`` right after ``if``/``switch``; the edit blanks the ``;``.
- ``no-final-newline``: a file that ends in a declaration other than a function with no newline; the
  grammar wants a terminator there. The edit appends a newline, after every location.
- ``omitted-semicolon``: what ``one-line-group`` cannot edit, ``var (x = 1; y = 2)`` with no blank
  before ``)``: the grammar inserts an invisible MISSING terminator there and keeps the tree (the last
  spec may be misread), so it is accepted in place: a node whose only error is an invisible missing
  token, and whose last child is ``)`` or ``}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from .. import syntax
from ..syntax import Node, Tree


@dataclass(frozen=True)
class Edit:
    start: int  # byte offset; ``text`` replaces as many bytes (or is appended at the end of the file)
    text: bytes


@dataclass(frozen=True)
class Gap:
    name: str
    repair: Callable[[Node, bytes], Iterator[Edit]]  # the edits for the instances in this tree


MAX_ROUNDS = 4  # a repair can uncover the next gap (two on one line); each round fixes at least one


def _errors(root: Node) -> Iterator[Node]:
    """Every ERROR or MISSING node, without descending into subtrees that hold none."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            yield node
        stack.extend(c for c in reversed(node.children) if c.has_error)


# Where the search for the `new` call around an error stops: a gap lies within one statement.
_STATEMENT_BOUNDS = ("source_file", "statement_list", "block", "func_literal", "function_declaration",
                     "method_declaration")


def _new_expression(root: Node, data: bytes) -> Iterator[Edit]:
    for node in _errors(root):
        current = node
        while current is not None and current.type not in _STATEMENT_BOUNDS:
            function = current.child_by_field_name("function") if current.type == "call_expression" else None
            if function is not None and function.type == "identifier" and syntax.text(function) == "new":
                yield Edit(function.start_byte, b"neW")
            current = current.parent


def _groups(root: Node) -> Iterator[Node]:
    """const and var groups that hold an error: an ERROR around their spec, or an invisible one."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("const_declaration", "var_spec_list"):
            yield node
        stack.extend(c for c in reversed(node.children) if c.has_error)


def _one_line_group(root: Node, data: bytes) -> Iterator[Edit]:
    for group in _groups(root):
        closing = group.children[-1] if group.children else None
        opening = next((c for c in group.children if c.type == "("), None)
        if closing is None or closing.type != ")" or opening is None:
            continue
        if closing.start_byte > 0 and data[closing.start_byte - 1:closing.start_byte] in (b" ", b"\t"):
            yield Edit(closing.start_byte - 1, b";")  # `( A = 1 )` -> `( A = 1;)`
            continue
        inside = [c for c in group.children if c.is_named or c.is_error]
        lone = inside[0].named_children if len(inside) == 1 and inside[0].is_error else inside
        if [c.type for c in lone] in (["const_spec"], ["var_spec"]):
            yield Edit(opening.start_byte, b" ")  # `(A = 1)` -> ` A = 1;`: the same declaration ungrouped
            yield Edit(closing.start_byte, b";")


def _empty_init(root: Node, data: bytes) -> Iterator[Edit]:
    for node in _errors(root):
        keyword = node.prev_sibling
        if (node.is_error and [c.type for c in node.children] == [";"] and keyword is not None
                and keyword.type in ("if", "switch")):
            yield Edit(node.start_byte, b" ")


def _no_final_newline(root: Node, data: bytes) -> Iterator[Edit]:
    if data and not data.endswith(b"\n"):
        yield Edit(len(data), b"\n")


GAPS = (
    Gap("new-expression", _new_expression),
    Gap("one-line-group", _one_line_group),
    Gap("empty-init", _empty_init),
    Gap("no-final-newline", _no_final_newline),
)


def _omitted_semicolon(node: Node) -> bool:
    """An error that is only an invisible missing terminator before a closing bracket."""
    return (node.has_error and not node.is_error and not node.is_missing
            and not any(c.has_error for c in node.children)
            and bool(node.children) and node.children[-1].type in (")", "}"))


def first_error(root: Node) -> Node | None:
    """The first error that no gap explains in place, or None."""
    if not root.has_error:
        return None
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node
        erroneous = [c for c in node.children if c.has_error]
        if not erroneous and not _omitted_semicolon(node):
            return node  # an invisible missing token somewhere else: a real error
        stack.extend(reversed(erroneous))
    return None


def _apply(data: bytes, edits: set[Edit]) -> bytes:
    for edit in sorted(edits, key=lambda e: e.start):
        data = data[: edit.start] + edit.text + data[edit.start + len(edit.text):]
    return data


def parse(data: bytes) -> tuple[Tree, Node | None]:
    """The tree to extract from and its first real error (None for a valid file). Only a file with an
    error is parsed again, so valid files cost nothing more."""
    original = tree = syntax.parse("go", data)
    edited = data
    for _ in range(MAX_ROUNDS):
        if not tree.root_node.has_error:
            break
        changed = _apply(edited, {e for gap in GAPS for e in gap.repair(tree.root_node, edited)})
        if changed == edited:
            break
        edited, tree = changed, syntax.parse("go", changed)
    error = first_error(tree.root_node)
    if error is not None and first_error(original.root_node) is None:
        return original, None  # the edits made it worse; what the original has is accepted in place
    return tree, error
