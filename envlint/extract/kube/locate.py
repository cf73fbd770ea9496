"""Where a YAML node stands, what it says, and under which condition: one interface for every kind of
Kubernetes file.

A plain manifest answers from its own nodes. A Helm template is parsed after rendering, so its nodes
stand in the rendered text; `helm.py` subclasses this to map them back to the template, helper or
values line they came from, and to tell values it could not render from literal ones.
"""

from __future__ import annotations

from ..yamlsource import Node, load_documents, location, scalar
from ...model import Location, Problem


class Locator:
    """A plain YAML file: locations and texts are the nodes' own."""

    def __init__(self, path: str) -> None:
        self.path = path

    def at(self, node: Node) -> Location:
        return location(self.path, node)

    def text(self, node: Node | None) -> str | None:
        """The scalar's text, or None when it is not a scalar or not known statically."""
        return scalar(node)

    def image(self, node: Node | None) -> str | None:
        """The image a container names, as far as it is known."""
        return self.text(node)

    def source_text(self, node: Node | None) -> str:
        """The text as written, for a value that is not known (shown as `<dynamic ...>`)."""
        return scalar(node) or ""

    def condition(self, node: Node, outer: Node | None = None) -> str | None:
        """The guard of the node that does not also guard ``outer`` (the container): none in plain YAML."""
        return None

    def unrendered(self, node: Node) -> str:
        """Why content inside the node is not known (a template action left unrendered), else ""."""
        return ""


class ShiftedLocator(Locator):
    """YAML parsed from a block scalar inside another file (an inline kustomize patch): lines and
    columns shift to where the block stands in that file."""

    def __init__(self, path: str, line_offset: int, column_offset: int) -> None:
        super().__init__(path)
        self.line_offset = line_offset
        self.column_offset = column_offset

    def at(self, node: Node) -> Location:
        return Location(self.path, node.start_mark.line + 1 + self.line_offset,
                        node.start_mark.column + 1 + self.column_offset)


def load(path: str, data: bytes) -> tuple[list[Node], Problem | None]:
    """`load_documents`, also for bytes that are not UTF-8 (the pipeline rejects those before, but
    extraction must never raise on what it is given)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], Problem(
            location=Location(path, 1, 1),
            kind="not-utf8",
            message=f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); skipped",
        )
    return load_documents(path, data)
