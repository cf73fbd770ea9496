"""Sub-commands of a Python command-line program (click, typer): the reads inside the function of a
command of the program's root group run only when the program is started with that command.

`@cli.command()` / `@cli.command("serve")` on `def serve()` where `cli` is a root `@click.group()`
function of the file, or `@app.command()` where `app = typer.Typer()` is never added to another Typer,
makes the reads inside serve() carry the guard `$1 == "serve"` (the command's name: the one given, else
the function's with `_` spelled `-`, as both libraries do). Commands of nested groups (`@cli.group()`)
are left alone: their first argument is the group's name, which a guard on them would get wrong.
argparse: `sub = parser.add_subparsers()` on a root `argparse.ArgumentParser()`, then `p =
sub.add_parser("serve")` and `p.set_defaults(func=serve)` (any keyword) guards the reads in serve().
"""

from __future__ import annotations

from ...model import FIRST_ARGUMENT, Guard
from .. import syntax
from ..syntax import Node, text
from .names import FileIndex


def _decorator_call(decorator: Node) -> tuple[Node | None, Node | None]:
    """(the decorating expression without its call, the arguments) of `@x.y(...)` or `@x.y`."""
    expression = decorator.named_children[0] if decorator.named_children else None
    if expression is not None and expression.type == "call":
        return expression.child_by_field_name("function"), expression.child_by_field_name("arguments")
    return expression, None


def _root_groups(index: FileIndex) -> frozenset[str]:
    """Names of the file's root click groups and typer apps."""
    roots: set[str] = set()
    added: set[str] = set()
    for node in index.root.named_children:
        if node.type == "decorated_definition":
            definition = node.child_by_field_name("definition")
            for decorator in (c for c in node.named_children if c.type == "decorator"):
                function, _ = _decorator_call(decorator)
                if index.qualify(function) == "click.group" and definition is not None:
                    roots.add(text(definition.child_by_field_name("name")))
        elif node.type == "expression_statement" and node.named_children:
            statement = node.named_children[0]
            if statement.type == "assignment":
                right = statement.child_by_field_name("right")
                if right is not None and right.type == "call" and \
                        index.qualify(right.child_by_field_name("function")) == "typer.Typer":
                    roots.add(text(statement.child_by_field_name("left")))
            elif statement.type == "call":
                function = statement.child_by_field_name("function")
                if function is not None and function.type == "attribute" and \
                        text(function.child_by_field_name("attribute")) == "add_typer":
                    arguments = statement.child_by_field_name("arguments")
                    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
                    if first is not None and first.type == "identifier":
                        added.add(text(first))
    return frozenset(roots - added)


def command_guard(index: FileIndex, function: Node, roots: frozenset[str]) -> Guard | None:
    """The sub-command guard of a function that is a command of a root group, else None."""
    decorated = function.parent
    if decorated is None or decorated.type != "decorated_definition" or not roots:
        return None
    for decorator in (c for c in decorated.named_children if c.type == "decorator"):
        expression, arguments = _decorator_call(decorator)
        if expression is None or expression.type != "attribute":
            continue
        owner = expression.child_by_field_name("object")
        if owner is None or owner.type != "identifier" or text(owner) not in roots \
                or text(expression.child_by_field_name("attribute")) != "command":
            continue
        named = None
        for argument in arguments.named_children if arguments is not None else ():
            value = argument.child_by_field_name("value") if argument.type == "keyword_argument" else argument
            if argument.type == "keyword_argument" and text(argument.child_by_field_name("name")) != "name":
                continue
            if value is not None and value.type == "string" and value.named_children:
                content = [c for c in value.named_children if c.type == "string_content"]
                named = text(content[0]) if len(content) == 1 else None
            break
        name = named or text(function.child_by_field_name("name")).replace("_", "-")
        return Guard(variable=FIRST_ARGUMENT, operator="==", value=name)
    return None


def _assignments(index: FileIndex) -> list[tuple[str, Node]]:
    """`name = call(...)` statements anywhere in the file, in order."""
    out = []
    for node in syntax.walk(index.root):
        if node.type == "assignment":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and left.type == "identifier" and right is not None and right.type == "call":
                out.append((text(left), right))
    return out


def _method(call: Node) -> tuple[str, str] | None:
    """(object name, method) of `obj.method(...)`."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "attribute":
        return None
    owner = function.child_by_field_name("object")
    return (text(owner), text(function.child_by_field_name("attribute"))) if owner is not None and \
        owner.type == "identifier" else None


def _argparse_handlers(index: FileIndex) -> dict[str, Guard]:
    """Function name -> the guard of the argparse sub-command whose defaults name it."""
    parsers, subparsers, commands = set(), set(), {}
    for name, call in _assignments(index):
        method = _method(call)
        if index.qualify(call.child_by_field_name("function")) == "argparse.ArgumentParser":
            parsers.add(name)
        elif method is not None and method[0] in parsers and method[1] == "add_subparsers":
            subparsers.add(name)
        elif method is not None and method[0] in subparsers and method[1] == "add_parser":
            arguments = call.child_by_field_name("arguments")
            first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
            content = [c for c in first.named_children if c.type == "string_content"] \
                if first is not None and first.type == "string" else []
            if len(content) == 1:
                commands[name] = text(content[0])
    handlers: dict[str, Guard] = {}
    for node in syntax.walk(index.root) if commands else ():
        method = _method(node) if node.type == "call" else None
        if method is None or method[0] not in commands or method[1] != "set_defaults":
            continue
        for argument in node.child_by_field_name("arguments").named_children:
            value = argument.child_by_field_name("value") if argument.type == "keyword_argument" else None
            if value is not None and value.type == "identifier":
                handlers.setdefault(
                    text(value), Guard(variable=FIRST_ARGUMENT, operator="==", value=commands[method[0]])
                )
    return handlers


class SubCommands:
    """Per file: the root groups and argparse handlers, found once, and the guard of each command
    function."""

    def __init__(self, index: FileIndex) -> None:
        self.index = index
        self.roots = _root_groups(index) if index.imports_any("click", "typer") else frozenset()
        self.handlers = _argparse_handlers(index) if index.imports_any("argparse") else {}

    def guard_of(self, function: Node) -> Guard | None:
        if self.handlers and function.parent is not None and function.parent.type == "module":
            name = text(function.child_by_field_name("name"))
            if name in self.handlers:
                return self.handlers[name]
        return command_guard(self.index, function, self.roots) if self.roots else None
