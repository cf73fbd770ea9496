"""What a Go file's top-level children say, read without a query when its tree has no errors: its
imports (index.read_file) and its package-level declarations (index.build_index). Both are what every
file of a package is asked, and a query would walk the whole tree for them: only a tree with errors,
where they may stand inside an ERROR node, is searched by imports.scm and declarations.scm.
"""

from __future__ import annotations

import re

from .. import syntax
from ..syntax import Node
from .strings import string_literal


def _package_name(path: str) -> str:
    """The name an unaliased import gives: its last element, or the one before a major version
    suffix (`github.com/urfave/cli/v2` is package cli)."""
    elements = path.split("/")
    if len(elements) > 1 and re.fullmatch(r"v[0-9]+", elements[-1]):
        return elements[-2]
    return elements[-1]


def _import_specs(root: Node) -> list[tuple[Node | None, Node]]:
    """(alias, path) of every import spec, in source order. A tree without errors holds them only in its
    top-level import declarations, read directly (a query walks the whole tree, which is all a header-only
    file would otherwise pay for); a tree with errors is searched by the query, which finds them anywhere."""
    if root.has_error:
        return [((c.get("alias") or [None])[0], c["path"][0]) for c in syntax.matches("go", "imports", root)]
    specs: list[tuple[Node | None, Node]] = []
    for declaration in root.named_children:
        if declaration.type != "import_declaration":
            continue
        for child in declaration.named_children:
            for spec in (child.named_children if child.type == "import_spec_list" else [child]):
                path = spec.child_by_field_name("path") if spec.type == "import_spec" else None
                if path is not None:
                    specs.append((spec.child_by_field_name("name"), path))
    return specs


def imports(root: Node) -> tuple[dict[str, str], tuple[str, ...]]:
    """(local name -> path for the imports code can name, every import path in source order)."""
    found: dict[str, str] = {}
    paths: list[str] = []
    for alias, path_node in _import_specs(root):
        path = string_literal(path_node) or ""
        paths.append(path)
        local = syntax.text(alias) if alias is not None else _package_name(path)
        if local not in ("_", "."):  # blank and dot imports give no name to qualify calls with
            found[local] = path
    return found, tuple(dict.fromkeys(paths))


def declarations(root: Node) -> list[tuple[str, str, Node]]:
    """(kind, name, node) of the file's package-level declarations, in source order: a function's
    declaration, a constant's or variable's value (rules/go/declarations.scm). A tree without errors
    holds them only among its top-level children, read directly; a tree with errors asks the query."""
    if not root.has_error:
        return top_level_declarations(root)
    out: list[tuple[str, str, Node]] = []
    for captures in syntax.matches("go", "declarations", root):
        name = syntax.text(captures["name"][0])
        if "function" in captures:
            out.append(("function", name, captures["function"][0]))
            continue
        spec = (captures.get("const") or captures["var"])[0]
        out.extend(_named_values("const" if "const" in captures else "var", spec, captures["value"][0]))
    return out


def top_level_declarations(root: Node) -> list[tuple[str, str, Node]]:
    """What declarations.scm finds in a tree without errors, without a walk of the tree: a function
    declaration, and each name of a `const` or `var` spec (in a var list too) that has a value."""
    out: list[tuple[str, str, Node]] = []
    for declaration in root.named_children:
        kind = declaration.type
        if kind == "function_declaration":
            name = declaration.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                out.append(("function", syntax.text(name), declaration))
            continue
        if kind == "const_declaration":
            specs = [c for c in declaration.named_children if c.type == "const_spec"]
        elif kind == "var_declaration":
            specs = [s for c in declaration.named_children
                     for s in (c.named_children if c.type == "var_spec_list" else [c]) if s.type == "var_spec"]
        else:
            continue
        for spec in specs:
            value = spec.child_by_field_name("value")
            if value is not None and value.type == "expression_list":
                out.extend(_named_values("const" if kind == "const_declaration" else "var", spec, value))
    return out


def _named_values(kind: str, spec: Node, value: Node) -> list[tuple[str, str, Node]]:
    """(kind, name, value) for each name of a `const` or `var` spec that has a value at its position."""
    values = value.named_children
    names = [syntax.text(n) for n in syntax.field_nodes(spec, "name")]
    return [(kind, each, values[position]) for position, each in enumerate(names) if position < len(values)]
