"""The one module that touches tree-sitter's parser and query API.

Extraction patterns are data: ``rules/<language>/<name>.scm``. The extractors ask this module for the
matches of a named query and walk the returned nodes; after extraction nothing looks at syntax.
The py-tree-sitter API pinned here is 0.25/0.26: ``Query(language, source)`` and
``QueryCursor(query).matches(node)`` returning ``[(pattern_index, {capture: [Node, ...]})]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Iterator

import tree_sitter

from ..model import Location

Node = tree_sitter.Node
Tree = tree_sitter.Tree


def rules_dir() -> Path:
    """Where the `.scm` files are: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


@lru_cache(maxsize=None)
def language(name: str) -> tree_sitter.Language:
    # A grammar is imported when first asked for: tree_sitter_go alone imports importlib.resources
    # (about 1 ms), which a repository without Go does not need.
    if name == "go":
        import tree_sitter_go as grammar
    elif name == "python":
        import tree_sitter_python as grammar
    else:
        raise KeyError(name)  # compile_all reports a query folder of no known language
    return tree_sitter.Language(grammar.language())


@lru_cache(maxsize=None)
def _parser(name: str) -> tree_sitter.Parser:
    return tree_sitter.Parser(language(name))


def parse(lang: str, source: bytes) -> Tree:
    _drop_node_caches()  # remembered parents hold their trees alive: a new file drops the earlier ones
    return _parser(lang).parse(source)


def _drop_node_caches() -> None:
    """Forget the remembered parents and the tree caches: they hold nodes, and so their trees."""
    _PARENTS.clear()
    for cache in _TREE_CACHES:
        cache.clear()


_TREE_CACHES: list[dict] = []


def tree_cache() -> dict:
    """A dict for facts computed once per node (an index of a function's assignments), emptied with
    the remembered parents whenever a file is parsed, so it never outlives the trees it describes."""
    cache: dict = {}
    _TREE_CACHES.append(cache)
    return cache


@lru_cache(maxsize=None)
def query(lang: str, name: str) -> tree_sitter.Query:
    source = (rules_dir() / lang / f"{name}.scm").read_text(encoding="utf-8")
    return tree_sitter.Query(language(lang), source)


def matches(lang: str, query_name: str, node: Node) -> list[dict[str, list[Node]]]:
    """Captures of every match of ``rules/<lang>/<query_name>.scm`` under ``node``, in source order
    (from the file's one combined pass when `prefetch` ran on ``node``)."""
    stored = _PREFETCHED.get(node)
    if stored is not None and query_name in stored:
        return list(stored[query_name])
    found = tree_sitter.QueryCursor(query(lang, query_name)).matches(node)
    return [captures for _, captures in found]


def matches_under(lang: str, query_name: str, node: Node, root: Node) -> list[dict[str, list[Node]]]:
    """`matches(lang, query_name, node)` for a node of the file ``root``, answered from the file's
    prefetched pass when there is one (the matches whose first capture lies inside ``node``), so that
    asking it per function does not start a cursor per function."""
    stored = _PREFETCHED.get(root)
    if stored is None or query_name not in stored:
        return matches(lang, query_name, node)
    found = stored[query_name]
    spans = _STARTS.get((root, query_name))
    if spans is None:  # (start, end, position) of each match's first capture, by start
        spans = _STARTS[(root, query_name)] = sorted(
            (first.start_byte, first.end_byte, i) for i, first in enumerate(map(_first, found)))
    low = bisect_left(spans, (node.start_byte, -1, -1))
    high = bisect_left(spans, (node.end_byte, -1, -1))
    inside = sorted(i for _, end, i in spans[low:high] if end <= node.end_byte)
    return [found[i] for i in inside]  # in the order of the file's pass, as a cursor on node gives


def _first(captures: dict[str, list[Node]]) -> Node:
    return min((n for nodes in captures.values() for n in nodes), key=lambda n: (n.start_byte, -n.end_byte))


_STARTS: dict[tuple[Node, str], list[tuple[int, int, int]]] = {}
_ANCHORS = re.compile(r"^;\s*anchors:(.*)$", re.MULTILINE)


@lru_cache(maxsize=None)
def anchors(lang: str, name: str) -> tuple[bytes, ...]:
    """The strings declared by a `; anchors: "a" "b"` line of the query: no match of it is used (or
    can exist) in a file that holds none of them. () when the query declares none: always run."""
    source = (rules_dir() / lang / f"{name}.scm").read_text(encoding="utf-8")
    return tuple(a.encode() for line in _ANCHORS.findall(source) for a in re.findall(r'"([^"]+)"', line))


@lru_cache(maxsize=None)
def _combined(lang: str, names: tuple[str, ...]) -> tuple[tree_sitter.Query, tuple[str, ...]]:
    """One query holding the patterns of ``names``, and the name each pattern index belongs to (the
    one whose text holds the pattern's start: compiling each query only to count its patterns cost
    more than the combined query)."""
    texts = [(rules_dir() / lang / f"{n}.scm").read_text(encoding="utf-8") for n in names]
    source = "\n".join(texts)
    ends = list(accumulate(len(t.encode("utf-8")) + 1 for t in texts))  # each text's end, its newline included
    combined = tree_sitter.Query(language(lang), source)
    owners = tuple(names[bisect_right(ends, combined.start_byte_for_pattern(i))] for i in range(combined.pattern_count))
    return combined, owners


_PREFETCHED: dict[Node, dict[str, list[dict[str, list[Node]]]]] = {}
QUERY_PASSES = [0]  # cursors run by prefetch, for a test that counts work rather than time


def prefetch(lang: str, root: Node, data: bytes, names: tuple[str, ...], empty: tuple[str, ...] = (),
             run: tuple[str, ...] | None = None) -> None:
    """Run the queries ``names`` over a file in one cursor (one walk of the tree instead of one per
    query), skipping those whose anchors the file's bytes do not hold; `matches` then answers from
    what was found. Only a speed-up: a query asked without it runs as before. The queries ``empty``
    are answered with no match and not searched for: the caller found their anchors missing already.
    ``run``, a superset of the queries run, is the combination the cursor runs instead (the matches of
    the others are dropped): a few combinations compiled once serve files that want different sets."""
    wanted = tuple(n for n in names if not anchors(lang, n) or any(a in data for a in anchors(lang, n)))
    found: dict[str, list[dict[str, list[Node]]]] = {n: [] for n in names + empty}
    if wanted:
        combined, owners = _combined(lang, wanted if run is None else run)
        QUERY_PASSES[0] += 1
        lists = [found[owner] if owner in wanted else None for owner in owners]  # each pattern's list
        for pattern, captures in tree_sitter.QueryCursor(combined).matches(root):
            kept = lists[pattern]
            if kept is not None:
                kept.append(captures)
    if len(_PREFETCHED) >= _PREFETCH_LIMIT:
        release()  # a cache: what is dropped is queried again when asked
    _PREFETCHED[root] = found


_PREFETCH_LIMIT = 5_000


def forget(root: Node) -> None:
    """Drop what is remembered of one file's tree (its prefetched matches, and the parents and tree
    caches, which may hold its nodes), so that the tree is freed while the unit goes on (a light Go
    file, envlint/extract/golang/lazy.py)."""
    _PREFETCHED.pop(root, None)
    for key in [k for k in _STARTS if k[0] == root]:
        del _STARTS[key]
    _drop_node_caches()


def release() -> None:
    """Forget the prefetched matches (and the trees they hold alive): called after each unit."""
    _PREFETCHED.clear()
    _STARTS.clear()


def compile_all() -> list[tuple[str, str]]:
    """Compile every shipped query; returns (path, error) for those that fail. Used by a meta-test."""
    errors = []
    for path in sorted(rules_dir().glob("*/*.scm")):
        try:
            tree_sitter.Query(language(path.parent.name), path.read_text(encoding="utf-8"))
        except (tree_sitter.QueryError, KeyError) as exc:
            errors.append((path.as_posix(), str(exc)))
    return errors


_PARENTS: dict[Node, Node | None] = {}
_PARENTS_LIMIT = 500_000  # never more, whatever one file holds


def parent_of(node: Node) -> Node | None:
    """``node.parent``, remembered. Tree-sitter finds a parent by descending from the root, so each
    `.parent` costs the node's depth: climbing from every read of a deeply nested expression (800
    `os.getenv` defaults inside one another) was cubic. Remembered, each parent is found once."""
    try:
        return _PARENTS[node]
    except KeyError:
        if len(_PARENTS) > _PARENTS_LIMIT:
            _PARENTS.clear()  # bounded: a cache, never the only copy of anything
        found = _PARENTS[node] = node.parent
        return found


def text(node: Node | None) -> str:
    if node is None:
        return ""
    found = node.text  # each `.text` copies the bytes out of the tree: asked once
    return "" if found is None else found.decode("utf-8", "replace")


def field_nodes(node: Node, field: str) -> list[Node]:
    """`node.children_by_field_name(field)`, named nodes only: a grammar rule that puts a whole list
    under one field files its separators there too (Go's `const A, B = "a", "b"` names A, "," and B)."""
    return [child for child in node.children_by_field_name(field) if child.is_named]


def walk(node: Node) -> Iterator[Node]:
    """Pre-order walk without recursion, so deeply nested files cannot exhaust the stack."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def first_error(tree: Tree) -> Node | None:
    """The first ERROR or MISSING node, or None when the file parsed cleanly."""
    if not tree.root_node.has_error:
        return None
    for node in walk(tree.root_node):
        if node.is_error or node.is_missing:
            return node
    return tree.root_node


class Source:
    """A file's bytes with the helpers to turn nodes into 1-based, character-counted locations."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self._line_starts: list[int] | None = None

    def location(self, node: Node) -> Location:
        return self.location_at(node.start_point[0], node.start_point[1])

    def location_at(self, row: int, byte_column: int) -> Location:
        if self._line_starts is None:
            # Each line's start is the sum of the lengths before it, newlines included: no loop of finds.
            self._line_starts = [0, *accumulate(len(line) + 1 for line in self.data.split(b"\n")[:-1])]
        start = self._line_starts[row] if row < len(self._line_starts) else 0
        prefix = self.data[start : start + byte_column].decode("utf-8", "replace")
        return Location(self.path, row + 1, len(prefix) + 1)
