"""The argument list of a launch as far as it is known statically.

`["agentd", "--x"]`, `("python", "-m", "pkg")`, a literal command string (split like a shell),
`shlex.split("...")`, and a list variable built up before the launch (`cmd = ["docker", "run"];
if debug: cmd += ["-e", "DEBUG=1"]; cmd.append(image)`), whose appends keep the guarding condition.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from ..syntax import Node, text
from .calls import positional
from .names import FileIndex
from .scope import guard, unparen
from .values import Lit, literal_prefix, literals

_MAX_DEPTH = 4


@dataclass(frozen=True)
class Arg:
    node: Node  # where the argument stands (a whole command string for its split words)
    text: str | None  # the literal value, None when computed
    source: str = ""
    prefix: str = ""  # literal start of a computed value (`f"K={v}"` -> "K=")
    spread: bool = False  # `*extra` or an unknown list: any number of elements
    condition: str | None = None
    literals: tuple[Lit, ...] = ()  # values a computed argument can hold (through variables)
    python: bool = False  # sys.executable


class ArgvReader:
    def __init__(self, index: FileIndex, launch: Node) -> None:
        self.index = index
        self.launch = launch  # guards that also hold the launch are not conditions of an append

    def command(self, node: Node | None, condition: str | None = None, depth: int = 0) -> list[Arg]:
        """Arguments of a whole command: a sequence, a command string, or a variable holding one."""
        node = unparen(node)
        if node is None:
            return []
        if depth > _MAX_DEPTH:
            return [self._spread(node, condition)]
        if node.type in ("list", "tuple"):
            return self.elements(node.named_children, condition, depth)
        if node.type in ("string", "concatenated_string"):
            return self._split(node, condition)
        if node.type == "identifier":
            return self._variable(node, condition, depth)
        if node.type == "binary_operator" and text(node.child_by_field_name("operator")) == "+":
            parts = [unparen(node.child_by_field_name(f)) for f in ("left", "right")]
            if any(p is not None and p.type in ("list", "tuple") for p in parts):
                return [a for p in parts for a in self.command(p, condition, depth + 1)]
        if node.type == "call" and self.index.qualify(node.child_by_field_name("function")) == "shlex.split":
            given = positional(node.child_by_field_name("arguments"))
            return self.command(given[0], condition, depth + 1) if given else []
        if node.type == "string" or literals(self.index, node) is not None:
            return self._split(node, condition)
        return [self._spread(node, condition)]

    def elements(self, nodes: list[Node], condition: str | None, depth: int = 0) -> list[Arg]:
        out: list[Arg] = []
        for node in nodes:
            if node.type in ("comment", "keyword_argument", "dictionary_splat"):
                continue
            if node.type == "list_splat" and node.named_children:
                inner = unparen(node.named_children[0])
                if inner is not None and inner.type == "identifier" and self._holds_sequence(inner):
                    out.extend(self.command(inner, condition, depth + 1))
                else:
                    out.append(self._spread(node, condition))
            else:
                out.append(self.element(node, condition))
        return out

    def element(self, node: Node, condition: str | None) -> Arg:
        inner = unparen(node) or node
        values = literals(self.index, inner)
        if values is not None and len(values) == 1 and inner.type in ("string", "concatenated_string", "binary_operator"):
            return Arg(inner, values[0].value, text(inner), condition=condition)
        python = self.index.qualify(inner) == "sys.executable"
        return Arg(inner, None, text(inner), literal_prefix(inner), condition=condition,
                   literals=tuple(values or ()), python=python)

    def _variable(self, node: Node, condition: str | None, depth: int) -> list[Arg]:
        _, bindings = self.index.bindings(node, text(node))
        bases = [b for b in bindings if b.kind == "=" and b.node.end_byte <= node.start_byte]
        if not bases:
            return [self._spread(node, condition)]
        base = bases[-1]
        out = self.command(base.value, condition, depth + 1)
        for change in bindings:
            if not base.node.end_byte <= change.node.start_byte < node.start_byte:
                continue
            where = guard(change.node, self.launch) or condition
            given = positional(change.value) if change.kind in ("append", "extend") else []
            if change.kind == "append" and given:
                out.append(self.element(given[0], where))
            elif change.kind == "extend" and given:
                out.extend(self.command(given[0], where, depth + 1))
            elif change.kind == "+=":
                out.extend(self.command(change.value, where, depth + 1))
            elif change.kind in ("insert", "item"):
                out.append(self._spread(change.node, where))  # position unknown to a linear reading
        return out

    def _holds_sequence(self, node: Node) -> bool:
        _, bindings = self.index.bindings(node, text(node))
        bases = [b for b in bindings if b.kind == "=" and b.node.end_byte <= node.start_byte]
        value = unparen(bases[-1].value) if bases else None
        return value is not None and value.type in ("list", "tuple", "binary_operator")

    def _split(self, node: Node, condition: str | None) -> list[Arg]:
        values = literals(self.index, node)
        if values is None or len(values) != 1:
            return [Arg(node, None, text(node), literal_prefix(node), condition=condition)]
        try:
            words = shlex.split(values[0].value)
        except ValueError:  # unbalanced quotes: not a command we can read
            return [self._spread(node, condition)]
        return [Arg(node, word, text(node), condition=condition) for word in words]

    def _spread(self, node: Node, condition: str | None) -> Arg:
        return Arg(node, None, text(node), spread=True, condition=condition)
