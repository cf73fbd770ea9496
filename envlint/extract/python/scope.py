"""Where a node stands: its scope, the name of its function, and the `if`/`for` guarding it.

All of these climb `.parent` links from a node found by a query; nothing here searches the tree. A
node's scope, asked for most, is found by its position among the file's scopes when extraction indexed
them (remember_scopes), which costs a bisection instead of a climb.
"""

from __future__ import annotations

from bisect import bisect_right

from ..syntax import Node, parent_of, text, tree_cache

_SCOPES = frozenset({"function_definition", "class_definition"})
# Answers per node of the file being extracted (emptied when the next file is parsed). Exact: a node's
# scope, a scope's chain and a function's parameters are properties of the tree, which never changes.
_SCOPE_OF: dict[Node, Node | None] = tree_cache()
_CHAINS: dict[Node | None, tuple[Node | None, ...]] = tree_cache()
_PARAMETERS: dict[Node, frozenset[str]] = tree_cache()
# The file's scopes by position (see remember_scopes): starts, scopes, ends, the enclosing one's index.
_TABLE: dict[str, tuple[list[int], list[Node], list[int], list[int]]] = tree_cache()


def remember_scopes(root: Node, scopes: list[Node]) -> None:
    """Index every function and class of the file ``root`` (all of them, as rules/python/scopes.scm
    finds them) by position, for scope_of. Only for a tree without errors: there a node's ancestors
    are exactly the nodes whose byte range holds its own (siblings never overlap), so the innermost
    scope holding a node's range, other than a node of the very same range, is its scope. A tree with
    ERROR or MISSING nodes keeps the climb; so do nodes of no width."""
    if root.has_error:
        return
    ordered = sorted(scopes, key=lambda s: s.start_byte)
    starts, ends = [s.start_byte for s in ordered], [s.end_byte for s in ordered]
    outer: list[int] = []
    stack: list[int] = []  # the scopes holding the current one, innermost last (they nest or are apart)
    for i, end in enumerate(ends):
        while stack and ends[stack[-1]] < end:
            stack.pop()
        outer.append(stack[-1] if stack else -1)
        stack.append(i)
    _TABLE["scopes"] = (starts, ordered, ends, outer)


def forget_scopes() -> None:
    """Drop the index once the file is extracted: a node of another tree must never be looked up in it
    (the next parse empties it too; this also covers trees parsed by other means)."""
    _TABLE.clear()


def scope_of(node: Node) -> Node | None:
    """The innermost function or class whose body holds the node; None for module level."""
    table = _TABLE.get("scopes")
    start, end = node.start_byte, node.end_byte
    if table is not None and start < end:
        starts, scopes, ends, outer = table
        i = bisect_right(starts, start) - 1  # the last scope starting at or before the node
        while i >= 0:  # it, or one of the scopes around it, is the innermost holding the node
            if end <= ends[i] and (starts[i] != start or ends[i] != end):
                return scopes[i]
            i = outer[i]
        return None
    try:
        return _SCOPE_OF[node]
    except KeyError:
        pass
    # Every ancestor passed on the way up (below the scope) has the same answer: remembered too, so
    # that the climbs from the nodes of one statement stop where an earlier climb went through.
    passed = [node]
    current = parent_of(node)
    while current is not None and current.type not in _SCOPES:
        found = _SCOPE_OF.get(current, passed)
        if found is not passed:
            current = found
            break
        passed.append(current)
        current = parent_of(current)
    for seen in passed:
        _SCOPE_OF[seen] = current
    return current


def scope_chain(node: Node) -> tuple[Node | None, ...]:
    """Innermost scope first, ending with None (the module). Class bodies are skipped above a
    function because Python's name lookup skips them too."""
    innermost = scope_of(node)
    try:
        return _CHAINS[innermost]
    except KeyError:
        pass
    chain: list[Node | None] = []
    scope = innermost
    while scope is not None:
        if scope.type == "function_definition" or not chain:
            chain.append(scope)
        scope = scope_of(scope)
    chain.append(None)
    found = _CHAINS[innermost] = tuple(chain)
    return found


def function_name(node: Node) -> str | None:
    """`f`, `Class.method`, `outer.inner` (like __qualname__ without `<locals>`); None at module level."""
    parts: list[str] = []
    scope = scope_of(node)
    if scope is None or (scope.type == "class_definition" and scope_of(scope) is None):
        # A class body at module level runs at import time, like module-level code.
        return None
    while scope is not None:
        parts.append(text(scope.child_by_field_name("name")))
        scope = scope_of(scope)
    return ".".join(reversed(parts))


def parameters(scope: Node | None) -> frozenset[str]:
    """Names a function binds as parameters (they shadow imports and module constants)."""
    if scope is None or scope.type != "function_definition":
        return frozenset()
    try:
        return _PARAMETERS[scope]
    except KeyError:
        pass
    names: set[str] = set()
    params = scope.child_by_field_name("parameters")
    for param in params.named_children if params is not None else ():
        if param.type == "identifier":
            names.add(text(param))
        else:
            name = param.child_by_field_name("name")
            if name is None:  # *args, **kwargs
                name = next((c for c in param.named_children if c.type == "identifier"), None)
            if name is not None:
                names.add(text(name))
    found = _PARAMETERS[scope] = frozenset(names)
    return found


def contains(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def guard(node: Node, launch: Node | None = None) -> str | None:
    """Text of the nearest `if`/`elif`/`else`/`for`/`while` whose body holds the node.

    A guard that also holds ``launch`` guards the launch as a whole, not this one set, so the search
    stops there.
    """
    child, current = node, parent_of(node)
    while current is not None and current.type not in _SCOPES:
        if launch is not None and contains(current, launch):
            return None
        found = _guard_text(current, child)
        if found is not None:
            return found
        child, current = current, parent_of(current)
    return None


def condition(node: Node) -> str | None:
    """Text of the nearest `if`/`elif`/`else` whose body holds the node, inside its function; loops
    are looked through (a read in a loop is still reached, at least when the loop runs)."""
    child, current = node, parent_of(node)
    while current is not None and current.type not in _SCOPES:
        if current.type in ("if_statement", "elif_clause", "else_clause"):
            found = _guard_text(current, child)
            if found is not None:
                return found
        child, current = current, parent_of(current)
    return None


def _guard_text(statement: Node, child: Node) -> str | None:
    kind = statement.type
    if kind in ("if_statement", "elif_clause", "while_statement"):
        if child == statement.child_by_field_name("consequence") or child == statement.child_by_field_name("body"):
            return text(statement.child_by_field_name("condition"))
    elif kind == "else_clause" and parent_of(statement) is not None and parent_of(statement).type == "if_statement":
        return f"not ({text(parent_of(statement).child_by_field_name('condition'))})"
    elif kind == "for_statement" and child == statement.child_by_field_name("body"):
        left = text(statement.child_by_field_name("left"))
        return f"for {left} in {text(statement.child_by_field_name('right'))}"
    return None


def unparen(node: Node | None) -> Node | None:
    """`(x)` -> `x`; comments inside the parentheses are named children too, so they are skipped."""
    while node is not None and node.type == "parenthesized_expression":
        inner = [c for c in node.named_children if c.type != "comment"]
        if len(inner) != 1:
            break
        node = inner[0]
    return node


def main_block_lines(root: Node) -> list[tuple[int, int]]:
    """1-based line ranges of the module-level `if __name__ == "__main__":` bodies (not their `else`)."""
    out = []
    for statement in root.named_children:
        if statement.type != "if_statement":
            continue
        test = unparen(statement.child_by_field_name("condition"))
        body = statement.child_by_field_name("consequence")
        if test is None or body is None or test.type != "comparison_operator" or test.named_child_count != 2:
            continue
        sides = {text(n).strip("'\"") if n.type == "string" else f"<{text(n)}>" for n in test.named_children}
        if sides == {"<__name__>", "__main__"} and "==" in {text(c) for c in test.children}:
            out.append((body.start_point[0] + 1, body.end_point[0] + 1))
    return out
