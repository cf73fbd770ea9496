"""What an environment mapping holds: `env=` of a launch, or the argument of os.environ.update().

Follows dict literals (`{**os.environ, "K": v}`), `dict(os.environ, K=v)`, `os.environ.copy()`, and a
variable built up before the launch (`env = os.environ.copy(); env["K"] = v; env.update(...)`).
A part that cannot be followed (a parameter, a helper's result) is kept as opaque: a launch then counts
as inheriting, since it may carry anything, and os.environ.update() gets a dynamic set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import EnvSet
from ..syntax import Node, text
from .calls import keywords, positional
from .names import FileIndex
from .scope import function_name, guard, unparen
from .values import literals, single_string

_MAX_DEPTH = 4


@dataclass
class EnvShape:
    inherits: bool = False
    sets: list[EnvSet] = field(default_factory=list)
    opaque: list[Node] = field(default_factory=list)  # parts not followed

    def merge(self, other: "EnvShape") -> None:
        self.inherits = self.inherits or other.inherits
        self.sets.extend(other.sets)
        self.opaque.extend(other.opaque)


class EnvReader:
    def __init__(self, index: FileIndex, launch: Node | None) -> None:
        self.index = index
        self.launch = launch  # guards that also hold the launch are not conditions of its sets

    def expression(self, node: Node | None, depth: int = 0) -> EnvShape:
        node = unparen(node)
        if node is None or node.type == "none" or self.index.qualify(node) == "os.environ":
            return EnvShape(inherits=True)
        if depth > _MAX_DEPTH:
            return EnvShape(opaque=[node])
        if node.type == "dictionary":
            return self._dictionary(node, None, depth)
        if node.type == "call":
            return self._call(node, depth)
        if node.type == "identifier":
            return self._variable(node, depth)
        if node.type == "binary_operator" and text(node.child_by_field_name("operator")) == "|":
            shape = self.expression(node.child_by_field_name("left"), depth + 1)
            shape.merge(self.expression(node.child_by_field_name("right"), depth + 1))
            return shape
        return EnvShape(opaque=[node])

    def arguments(self, args: Node, condition: str | None, depth: int = 0) -> EnvShape:
        """`dict(base, K=v, **more)` and `.update(base, K=v)`: a mapping, then keyword sets."""
        shape = EnvShape()
        for arg in positional(args)[:1]:
            if unparen(arg).type == "dictionary":
                shape.merge(self._dictionary(unparen(arg), condition, depth + 1))
            else:
                shape.merge(self.expression(arg, depth + 1))
        for arg in keywords(args):
            name = text(arg.child_by_field_name("name"))
            shape.sets.extend(self._set(None, name, arg.child_by_field_name("value"), arg, condition))
        for arg in args.named_children:
            if arg.type == "dictionary_splat" and arg.named_children:
                shape.merge(self.expression(arg.named_children[0], depth + 1))
        return shape

    def _dictionary(self, node: Node, condition: str | None, depth: int) -> EnvShape:
        shape = EnvShape()
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                shape.sets.extend(self._set(key, None, child.child_by_field_name("value"), child, condition))
            elif child.type == "dictionary_splat" and child.named_children:
                shape.merge(self.expression(child.named_children[0], depth + 1))
        return shape

    def _call(self, node: Node, depth: int) -> EnvShape:
        callee = node.child_by_field_name("function")
        args = node.child_by_field_name("arguments")
        if self.index.qualify(callee) == "os.environ.copy":
            return EnvShape(inherits=True)
        if args is not None and callee is not None and callee.type == "identifier" and text(callee) == "dict" \
                and not self.index.is_local(callee, "dict"):
            return self.arguments(args, None, depth)
        if callee is not None and callee.type == "attribute" and text(callee.child_by_field_name("attribute")) == "copy":
            return self.expression(callee.child_by_field_name("object"), depth + 1)
        return EnvShape(opaque=[node])

    def _variable(self, node: Node, depth: int) -> EnvShape:
        """The last `name = ...` before the use, then the sets made to it until the use."""
        _, bindings = self.index.bindings(node, text(node))
        bases = [b for b in bindings if b.kind == "=" and b.node.end_byte <= node.start_byte]
        if not bases:
            return EnvShape(opaque=[node])
        base = bases[-1]
        shape = self.expression(base.value, depth + 1)
        for change in bindings:
            if not base.node.end_byte <= change.node.start_byte < node.start_byte:
                continue
            condition = guard(change.node, self.launch)
            if change.kind == "item" and change.key is not None:
                shape.sets.extend(self._set(change.key, None, change.value, change.node, condition))
            elif change.kind == "update" and change.value is not None:
                shape.merge(self.arguments(change.value, condition, depth))
            elif change.kind == "setdefault":
                given = positional(change.value)
                if given:
                    value = given[1] if len(given) > 1 else None
                    shape.sets.extend(self._set(given[0], None, value, change.node, condition))
            elif change.kind == "+=":  # `env |= {...}`
                shape.merge(self.expression(change.value, depth + 1))
        return shape

    def _set(self, key: Node | None, name: str | None, value: Node | None, at: Node,
             condition: str | None) -> list[EnvSet]:
        """One EnvSet per name the key can hold; a dynamic one when it holds no literal."""
        return make_sets(self.index, key, name, value, at, condition)


def make_sets(index: FileIndex, key: Node | None, name: str | None, value: Node | None, at: Node,
              condition: str | None) -> list[EnvSet]:
    location = index.source.location(at)
    literal = single_string(index, value) if value is not None else None
    function = function_name(at)
    if name is not None:
        return [EnvSet(name=name, location=location, value=literal, condition=condition, function=function)]
    names = literals(index, key)
    if not names:
        return [
            EnvSet(
                name=None, location=location, value=literal, condition=condition, name_text=text(key), function=function
            )
        ]
    return [EnvSet(name=n.value, location=location, value=literal, condition=condition, function=function,
                   via="" if n.via == "literal" else n.via) for n in names]


def describe_env(node: Node | None, shape: EnvShape) -> str:
    """Short text of how the environment was determined, for `envlint facts`."""
    if node is None:
        return "env= not given: inherits"
    source = text(node)
    if len(source) > 40:
        source = source[:37] + "..."
    if shape.opaque:
        return f"env={source}: not followed ({text(shape.opaque[0])[:30]}), assumed to inherit"
    return f"env={source}: {'inherits' if shape.inherits else 'closed'}"
