"""Static string values of Go expressions: literals, constants (package or local, never a shadowing
local variable), `+` concatenations, and `fmt.Sprintf` whose format and arguments are known.

`+` chains are flattened with an explicit stack, not recursion, so a generated file with thousands of
concatenated literals cannot exhaust Python's stack; only constant-to-constant chains recurse, bounded.
"""

from __future__ import annotations

import re
from typing import Callable

from .. import syntax
from ..syntax import Node

# Go's escapes that matter in environment names and values; anything rarer keeps its source text.
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'"}
# A fmt verb: flags, width, precision, then the verb letter ("%%" is a literal percent sign).
_VERB = re.compile(r"%[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?([a-zA-Z%])")
MAX_CONSTANT_DEPTH = 20

# Resolves an identifier to the node of the constant it names, or None (a variable, a parameter, ...).
ConstantOf = Callable[[Node], Node | None]


def string_literal(node: Node) -> str | None:
    if node.type == "raw_string_literal":
        return syntax.text(node)[1:-1].replace("\r", "")
    if node.type != "interpreted_string_literal":
        return None
    body = syntax.text(node)[1:-1]
    if "\\" not in body:
        return body
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body) and body[i + 1] in _ESCAPES:
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _operands(node: Node) -> list[Node]:
    """`a + b + (c + d)` -> [a, b, c, d], left to right, without recursion."""
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type == "parenthesized_expression" and current.named_child_count == 1:
            stack.append(current.named_children[0])
        elif current.type == "binary_expression" and syntax.text(current.child_by_field_name("operator")) == "+":
            stack.extend((current.child_by_field_name("right"), current.child_by_field_name("left")))
        else:
            out.append(current)
    return out


def sprintf_parts(node: Node) -> tuple[Node, list[Node]] | None:
    """(format, arguments) of `fmt.Sprintf(format, ...)`, else None."""
    if node.type != "call_expression" or syntax.text(node.child_by_field_name("function")) != "fmt.Sprintf":
        return None
    arguments = node.child_by_field_name("arguments")
    items = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
    return (items[0], items[1:]) if items else None


def evaluate(node: Node | None, constant_of: ConstantOf, depth: int = 0) -> tuple[str | None, str]:
    """(the full value or None, the literal prefix known before the first unknown part)."""
    if node is None or depth > MAX_CONSTANT_DEPTH:
        return None, ""
    known: list[str] = []
    for operand in _operands(node):
        value, prefix = _single(operand, constant_of, depth)
        if value is None:
            return None, "".join(known) + prefix
        known.append(value)
    return "".join(known), "".join(known)


def _single(node: Node, constant_of: ConstantOf, depth: int) -> tuple[str | None, str]:
    literal = string_literal(node)
    if literal is not None:
        return literal, literal
    if node.type == "identifier":
        constant = constant_of(node)
        return evaluate(constant, constant_of, depth + 1) if constant is not None else (None, "")
    parts = sprintf_parts(node)
    if parts is not None:
        return _sprintf(parts[0], parts[1], constant_of, depth)
    return None, ""


def _sprintf(format_node: Node, arguments: list[Node], constant_of: ConstantOf, depth: int) -> tuple[str | None, str]:
    """`fmt.Sprintf("%s=%s", keyConst, v)` -> (None, "KEY="): %s/%v/%q of known strings are filled in."""
    template, _ = evaluate(format_node, constant_of, depth + 1)
    if template is None:
        return None, ""
    out, position, used = [], 0, 0
    for verb in _VERB.finditer(template):
        out.append(template[position:verb.start()])
        position = verb.end()
        if verb.group(1) == "%":
            out.append("%")
            continue
        value = evaluate(arguments[used], constant_of, depth + 1)[0] if used < len(arguments) else None
        used += 1
        if value is None or verb.group(1) not in "sv":
            return None, "".join(out)
        out.append(value)
    out.append(template[position:])
    return "".join(out), "".join(out)
