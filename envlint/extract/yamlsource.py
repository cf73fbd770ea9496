"""YAML with locations, for the launch sites written as configuration (compose, Kubernetes, Helm).

PyYAML's composer keeps every node's line and column, which a finding needs; its safe loader builds
no objects, so a hostile file cannot run code. Aliases resolve to the shared node; `<<` merge keys
are expanded by `items`. A file that does not parse is one `Problem`, and the rest goes on.
"""

from __future__ import annotations

import yaml

from ..model import Location, Problem

Node = yaml.Node
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_documents(path: str, data: bytes) -> tuple[list[Node], Problem | None]:
    """Every document of the file (empty ones dropped), or the problem that stopped the parser."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], Problem(
            location=Location(path, 1, 1), kind="not-utf8", message=f"not valid UTF-8 ({exc.reason}); skipped"
        )
    try:
        documents = [d for d in yaml.compose_all(text, Loader=_LOADER) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, column = _within(text, mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [], Problem(
            location=Location(path, line, column), kind="invalid-yaml", message=f"not valid YAML ({reason}); skipped"
        )
    except RecursionError:
        return [], Problem(
            location=Location(path, 1, 1), kind="too-deep", message="nested too deeply to analyse; skipped"
        )
    return documents, None


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """PyYAML marks the end of a stream without a final newline one line past the last: point at the end."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def location(path: str, node: Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def is_mapping(node: Node | None) -> bool:
    return isinstance(node, yaml.MappingNode)


def is_sequence(node: Node | None) -> bool:
    return isinstance(node, yaml.SequenceNode)


def scalar(node: Node | None) -> str | None:
    """The text of a scalar node (numbers and booleans as written), else None."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def items(node: Node | None) -> list[tuple[str, Node, Node]]:
    """(key, key node, value node) of a mapping, with `<<: *anchor` merges expanded (own keys win, then
    earlier merge sources over later ones, as YAML's merge key says).

    Each mapping's expansion is computed once and kept on the node, and holds each key once: anchors
    that merge an anchor twice (`<<: [*a, *a]`, nested twenty levels) would otherwise expand to millions
    of entries from a 1 KB file."""
    if not isinstance(node, yaml.MappingNode):
        return []
    cached = getattr(node, "_envlint_items", None)
    if cached is not None:
        return cached
    node._envlint_items = []  # type: ignore[attr-defined]  # a merge cycle sees an empty mapping
    own: list[tuple[str, Node, Node]] = []
    sources: list[Node] = []
    for key_node, value_node in node.value:
        key = scalar(key_node)
        if key == "<<":
            sources.extend(value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node])
        elif key is not None:
            own.append((key, key_node, value_node))
    names = {k for k, _, _ in own}
    result = list(own)
    for source in sources:
        for entry in items(source):
            if entry[0] not in names:
                names.add(entry[0])
                result.append(entry)
    node._envlint_items = result  # type: ignore[attr-defined]
    return result


def get(node: Node | None, key: str) -> Node | None:
    for name, _, value in items(node):
        if name == key:
            return value
    return None


def sequence(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []
