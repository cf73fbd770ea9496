"""The string literals that can reach an expression, for what a launch site runs (a program, an image).

Followed within the package: constants, local and package variables, `filepath.Join(dir, "name")`,
`exec.LookPath("name")`, and the return values of a same-package helper that finds the binary.
`os.Executable()` means the program runs itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import syntax
from ..syntax import Node
from . import flow
from .index import PackageIndex, enclosing_function

SELF = "\0self"  # the value standing for os.Executable()


@dataclass(frozen=True)
class Reaching:
    value: str  # a literal, or SELF
    node: Node  # where the literal stands
    via: str  # how it reached the expression


def _call_name(node: Node) -> str:
    return syntax.text(node.child_by_field_name("function"))


def literals_reaching(node: Node, index: PackageIndex, via: str = "literal", depth: int = 0) -> list[Reaching]:
    if depth > 8:
        return []
    if node.type == "identifier":
        constant = index.constant_node(node)
        if constant is not None:  # the TargetRef stands at the constant's literal, not at its use
            name = syntax.text(node)
            return literals_reaching(constant, index, f"constant {name}" if via == "literal" else via, depth + 1)
    value = index.string(node)
    if value is not None:
        return [Reaching(value, node, via)]
    if node.type == "identifier":
        name = syntax.text(node)
        scope = enclosing_function(node)
        found: list[Reaching] = []
        if scope is not None:
            for statement, expression in flow.assignments_to(scope, name, before=node.start_byte):
                line = statement.start_point[0] + 1
                found.extend(literals_reaching(expression, index, f"variable {name} assigned at line {line}", depth + 1))
        if not found and name in index.variables:
            found = literals_reaching(index.variable(name), index, f"package variable {name}", depth + 1)
        return found
    if node.type == "call_expression":
        name = _call_name(node)
        arguments = node.child_by_field_name("arguments")
        args = arguments.named_children if arguments is not None else []
        if name == "os.Executable":
            return [Reaching(SELF, node, "os.Executable()")]
        if name in ("filepath.Join", "path.Join", "exec.LookPath") and args:
            return literals_reaching(args[-1], index, name, depth + 1)
        if name in index.functions:
            return _returns(index.function(name), index, name, depth)
    return []


def _returns(function: Node, index: PackageIndex, name: str, depth: int) -> list[Reaching]:
    found: list[Reaching] = []
    for node in syntax.walk(function):
        if node.type == "return_statement" and node.named_children:
            values = node.named_children[0].named_children
            if values:
                found.extend(literals_reaching(values[0], index, f"return of {name}", depth + 1))
    return found
