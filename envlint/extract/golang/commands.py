"""Sub-commands of a Go command line (spf13/cobra, urfave/cli): the reads of a top-level command's
handler run only when the program is started with that command.

cobra: `serveCmd := &cobra.Command{Use: "serve [flags]", RunE: runServe}` added with
`rootCmd.AddCommand(serveCmd)` to a command that is itself added to none. urfave/cli: a
`cli.Command{Name: "serve", Action: serve}` among the `Commands` of a `cli.App` (v2) or of a
`cli.Command` that is no element of another's `Commands` (v3). The handler (`RunE`/`Run`/`PreRunE`,
`Action`) is a function of the package, whose reads and callees inherit the guard `$1 == "serve"` as
calls under a guard do (inherited.py), or a function literal, whose reads get it directly. A command whose
place in the tree is not written out this plainly (built by a constructor, nested deeper) gets no guard.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import FIRST_ARGUMENT, Guard
from .. import syntax
from ..syntax import Node, parent_of
from .index import GoFile, PackageIndex
from .structs import items, keyed

COBRA = "github.com/spf13/cobra"
URFAVE = "github.com/urfave/cli"
_COBRA_HANDLERS = ("Run", "RunE", "PreRun", "PreRunE")


@dataclass
class CommandGuards:
    functions: dict[str, Guard] = field(default_factory=dict)  # handler function name -> its guard
    literals: dict[int, Guard] = field(default_factory=dict)  # func literal node id -> its guard


def _type_of(literal: Node, go_file: GoFile) -> tuple[str, str] | None:
    """(import path, type name) of `pkg.Type{...}`."""
    kind = literal.child_by_field_name("type")
    if kind is None or kind.type != "qualified_type":
        return None
    package = kind.child_by_field_name("package")
    return go_file.imports.get(syntax.text(package), ""), syntax.text(kind.child_by_field_name("name"))


def _library(path: str) -> str | None:
    for library in (COBRA, URFAVE):
        if path == library or path.startswith(library + "/"):
            return library
    return None


def _bound_name(literal: Node) -> str | None:
    """The variable a `&pkg.T{...}` literal is assigned to (`x := ...`, `var x = ...`, `x = ...`)."""
    value, parent = literal, parent_of(literal)
    if parent is not None and parent.type == "unary_expression":
        value, parent = parent, parent_of(parent)
    holder = parent_of(parent) if parent is not None and parent.type == "expression_list" else None
    if holder is None or holder.type not in ("short_var_declaration", "assignment_statement", "var_spec"):
        return None
    left = holder.child_by_field_name("name" if holder.type == "var_spec" else "left")
    names = left.named_children if left is not None and left.type == "expression_list" else [left]
    position = [c.id for c in parent.named_children].index(value.id)
    target = names[position] if position < len(names) else None
    return syntax.text(target) if target is not None and target.type == "identifier" else None


def _guard_handlers(handlers: list[Node], name: str | None, found: CommandGuards) -> None:
    if not name or name.startswith("-"):
        return
    guard = Guard(variable=FIRST_ARGUMENT, operator="==", value=name)
    for handler in handlers:
        if handler.type == "identifier":
            found.functions.setdefault(syntax.text(handler), guard)
        elif handler.type == "func_literal":
            found.literals.setdefault(handler.id, guard)


def _cobra(literals: list[tuple[Node, GoFile]], index: PackageIndex, found: CommandGuards) -> None:
    by_name: dict[str, Node] = {}
    for literal, _ in literals:
        bound = _bound_name(literal)
        if bound:
            by_name[bound] = literal
    children: dict[str, list[str]] = {}
    for go_file in index.files:
        if b"AddCommand" not in go_file.source.data:
            continue  # no such call in it (a grammar-gap edit never spells one): neither walked nor parsed
        for call in (n for n in syntax.walk(go_file.root) if n.type == "call_expression"):
            function = call.child_by_field_name("function")
            if function is None or function.type != "selector_expression" or \
                    syntax.text(function.child_by_field_name("field")) != "AddCommand":
                continue
            operand = function.child_by_field_name("operand")
            arguments = call.child_by_field_name("arguments")
            if operand is not None and operand.type == "identifier" and arguments is not None:
                children.setdefault(syntax.text(operand), []).extend(
                    syntax.text(a) for a in arguments.named_children if a.type == "identifier")
    added = {c for cs in children.values() for c in cs}
    for parent, names in children.items():
        if parent in added:
            continue  # a nested command: its children's first argument is this command's name
        for child in names:
            literal = by_name.get(child)
            if literal is None:
                continue
            fields = keyed(literal.child_by_field_name("body"))
            use = index.string(fields.get("Use"))
            _guard_handlers([fields[k] for k in _COBRA_HANDLERS if k in fields],
                            use.split()[0] if use and use.split() else None, found)


def _element_body(element: Node) -> Node | None:
    """The `{...}` of a list element: `{Name: ...}`, `cli.Command{...}` or `&cli.Command{...}`."""
    if element.type == "unary_expression" and element.named_children:
        element = element.named_children[0]
    if element.type == "composite_literal":
        return element.child_by_field_name("body")
    return element if element.type == "literal_value" else None


def _urfave(literals: list[tuple[Node, GoFile]], index: PackageIndex, found: CommandGuards) -> None:
    listed: set[int] = set()  # command literals that are elements of some Commands list
    lists: list[tuple[Node, Node]] = []  # (an App or Command literal, its Commands list)
    for literal, _ in literals:
        commands = keyed(literal.child_by_field_name("body")).get("Commands")
        if commands is None or commands.type != "composite_literal":
            continue
        listed.update(e.id for e in items(commands.child_by_field_name("body")))
        lists.append((literal, commands))
    for root, commands in lists:
        if root.id in listed or (parent_of(root) is not None and parent_of(root).id in listed):
            continue  # a sub-command's own Commands: nested
        for element in items(commands.child_by_field_name("body")):
            fields = keyed(_element_body(element))
            _guard_handlers([fields["Action"]] if "Action" in fields else [], index.string(fields.get("Name")), found)


def command_guards(index: PackageIndex) -> CommandGuards:
    """The guards of the package's top-level commands, found once per package."""
    cached = getattr(index, "command_guards", None)
    if cached is not None:
        return cached
    found = CommandGuards()
    literals: dict[str, list[tuple[Node, GoFile]]] = {COBRA: [], URFAVE: []}
    for go_file in index.files:
        if not any(_library(path) for path in go_file.imports.values()):
            continue
        for node in syntax.walk(go_file.root):
            if node.type == "composite_literal":
                kind = _type_of(node, go_file)
                library = _library(kind[0]) if kind else None
                if library is not None and kind is not None and kind[1] in ("Command", "App"):
                    literals[library].append((node, go_file))
    if literals[COBRA]:
        _cobra(literals[COBRA], index, found)
    if literals[URFAVE]:
        _urfave(literals[URFAVE], index, found)
    index.command_guards = found  # type: ignore[attr-defined]
    return found
