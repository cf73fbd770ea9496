"""Struct types, their fields and tags, and which struct a variable holds: for the libraries that read
the environment through struct tags (envconfig, caarlos0/env) and for keyed composite literals.

Purely syntactic: `var cfg Config`, `cfg := Config{}`, `cfg := &Config{}`, `new(Config)`, a
parameter or named result `cfg *Config`, and a package variable of the same shapes tell the type; anything else (a call's result, another package's
type) is not followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import syntax
from ..syntax import Node
from . import flow
from .index import GoFile, PackageIndex, enclosing_function
from .strings import string_literal

# reflect.StructTag's convention: key:"value" pairs separated by spaces.
_TAG = re.compile(r'([^\s:"]+):"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class Field:
    name: str  # the field name; for an embedded field, its type's name
    type_name: str  # the type as written, without `*` and package: "Config", "string", "Duration"
    tags: tuple[tuple[str, str], ...]
    node: Node  # where reads from this field stand
    embedded: bool

    def tag(self, key: str) -> str | None:
        return next((v for k, v in self.tags if k == key), None)

    @property
    def exported(self) -> bool:
        return self.name[:1].isupper()


def parse_tag(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple((m.group(1), m.group(2).replace('\\"', '"')) for m in _TAG.finditer(raw))


def struct_types(index: PackageIndex) -> dict[str, tuple[GoFile, Node]]:
    """Struct type name -> (file, struct_type node), over every file of the package."""
    found: dict[str, tuple[GoFile, Node]] = {}
    for go_file in index.files:
        for captures in syntax.matches("go", "structs", go_file.root):
            found.setdefault(syntax.text(captures["name"][0]), (go_file, captures["struct"][0]))
    return found


def _type_name(node: Node | None) -> str:
    while node is not None and node.type in ("pointer_type", "qualified_type"):
        node = node.named_children[-1] if node.named_children else None
    return syntax.text(node)


def fields(struct: Node) -> list[Field]:
    out: list[Field] = []
    body = next((c for c in struct.named_children if c.type == "field_declaration_list"), None)
    for declaration in body.named_children if body is not None else ():
        if declaration.type != "field_declaration":
            continue
        tag_node = declaration.child_by_field_name("tag")
        raw = string_literal(tag_node) if tag_node is not None else None
        tags = parse_tag(raw or "")
        type_node = declaration.child_by_field_name("type")
        type_name = _type_name(type_node)
        names = declaration.children_by_field_name("name")
        if not names:
            out.append(Field(type_name, type_name, tags, type_node or declaration, True))
        out.extend(Field(syntax.text(n), type_name, tags, n, False) for n in names)
    return out


def struct_of(node: Node, index: PackageIndex, depth: int = 0) -> str | None:
    """The name of the struct type ``node`` holds or points to, when the syntax says it."""
    if depth > 6:
        return None
    if node.type == "unary_expression" and syntax.text(node.child_by_field_name("operator")) == "&":
        return struct_of(node.child_by_field_name("operand"), index, depth + 1)
    if node.type == "composite_literal":
        return _type_name(node.child_by_field_name("type")) or None
    if node.type == "call_expression" and syntax.text(node.child_by_field_name("function")) == "new":
        arguments = node.child_by_field_name("arguments")
        return _type_name(arguments.named_children[0]) if arguments is not None and arguments.named_children else None
    if node.type != "identifier":
        return None
    name = syntax.text(node)
    scopes = [s for s in (enclosing_function(node),) if s is not None] + [f.root for f in index.files]
    for scope in scopes:
        for spec in syntax.walk(scope):
            if spec.type in ("var_spec", "parameter_declaration") and name in [syntax.text(n) for n in spec.children_by_field_name("name")] \
                    and spec.child_by_field_name("type") is not None:
                return _type_name(spec.child_by_field_name("type"))
        for _, value in flow.assignments_to(scope, name):
            found = struct_of(value, index, depth + 1)
            if found:
                return found
    return None


def keyed(body: Node | None) -> dict[str, Node]:
    """`{Name: "x", Env: ...}` -> {"Name": value node} (the literal_element wrappers removed)."""
    out: dict[str, Node] = {}
    for element in body.named_children if body is not None else ():
        if element.type != "keyed_element":
            continue
        key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
        if key is not None and value is not None:
            out[syntax.text(key)] = value.named_children[0] if value.type == "literal_element" and value.named_children else value
    return out


def items(body: Node | None) -> list[Node]:
    """Positional elements of `{a, b}` (the literal_element wrappers removed, comments skipped)."""
    return [e.named_children[0] for e in (body.named_children if body is not None else ())
            if e.type == "literal_element" and e.named_children and e.named_children[0].type != "comment"]
