"""Classes as settings candidates: bases (through the imports), configuration and fields, as records.

Every module-level class with a base is recorded (`ClassInfo`), since a base may be a settings class of
another module; settings_reads.py decides which are pydantic-settings classes and what they read.
Fields are the annotated assignments of the class body, except `ClassVar`s, private names (`_x`) and
`model_config`; methods and properties are no assignments, so never fields. The configuration is
`model_config = SettingsConfigDict(...)` (or a dict literal), v1's inner `class Config:`, or class
keywords (`class S(BaseSettings, env_prefix="APP_")`).
"""

from __future__ import annotations

from ...model import NO_DEFAULT
from .. import syntax
from ..syntax import Node, text
from .calls import argument, keyword, keywords
from .extra import ClassInfo, DotenvLoad, NameRef, SettingsConfig, SettingsField
from .names import FileIndex
from .reads import value_default
from .scope import scope_of, unparen
from .values import single_string

_FIELD_FUNCTIONS = frozenset({"pydantic.Field", "pydantic.v1.Field", "pydantic.fields.Field"})
_CONFIG_KEYS = ("env_prefix", "case_sensitive", "env_nested_delimiter")


def find_classes(index: FileIndex) -> tuple[list[ClassInfo], list[DotenvLoad]]:
    if not any(c.type in ("class_definition", "decorated_definition") for c in index.root.named_children):
        return [], []  # only module-level classes are candidates: skip the query
    found = [m for m in syntax.matches("python", "classes", index.root) if scope_of(m["class"][0]) is None]
    local = {text(m["name"][0]) for m in found}
    classes: list[ClassInfo] = []
    loads: list[DotenvLoad] = []
    for match in found:
        bases_node = match.get("bases", [None])[0]
        if bases_node is None:
            continue
        bases = [r for a in bases_node.named_children if a.type not in ("keyword_argument", "comment")
                 if (r := class_ref(index, a, local)) is not None]
        if not bases:
            continue
        settings: dict[str, Node] = {text(k.child_by_field_name("name")): k.child_by_field_name("value")
                                     for k in keywords(bases_node)}
        body = match["body"][0]
        settings.update(_config_entries(index, body))
        config = SettingsConfig(
            single_string(index, settings["env_prefix"]) if "env_prefix" in settings else None,
            text(settings["case_sensitive"]) == "True" if "case_sensitive" in settings else None,
            single_string(index, settings["env_nested_delimiter"]) if "env_nested_delimiter" in settings else None,
        )
        if "env_file" in settings:
            node = settings["env_file"]
            loads.append(DotenvLoad("pydantic-settings env_file", single_string(index, node), text(node),
                                    index.source.location(node)))
        fields = [f for s in body.named_children if (f := _field(index, s, local)) is not None]
        classes.append(ClassInfo(text(match["name"][0]), index.source.location(match["class"][0]),
                                 tuple(bases), config, tuple(fields)))
    return classes, loads


def class_ref(index: FileIndex, node: Node | None, local: set[str]) -> NameRef | None:
    """What a base or an annotation names: a class of this file, or one imported (maybe a library's)."""
    node = unparen(node)
    if node is None:
        return None
    if node.type == "identifier" and text(node) in local and not index.is_local(node, text(node)):
        return NameRef("", 0, text(node))
    ref = index.import_ref(node)
    if ref is None and node.type == "identifier" and text(node) in index.aliases:
        dotted = index.aliases[text(node)]
        module, _, name = dotted.rpartition(".")
        ref = NameRef(module, 0, name) if module else None
    return ref


def _config_entries(index: FileIndex, body: Node) -> dict[str, Node]:
    entries: dict[str, Node] = {}
    for statement in body.named_children:
        if statement.type == "class_definition" and text(statement.child_by_field_name("name")) == "Config":
            inner = statement.child_by_field_name("body")
            for child in inner.named_children if inner is not None else ():
                left, right = _assignment(child)
                if left is not None and right is not None:
                    entries[text(left)] = right
        left, right = _assignment(statement)
        if left is None or text(left) != "model_config" or right is None:
            continue
        if right.type == "call":
            for arg in keywords(right.child_by_field_name("arguments")):
                entries[text(arg.child_by_field_name("name"))] = arg.child_by_field_name("value")
        elif right.type == "dictionary":
            for pair in right.named_children:
                key = single_string(index, pair.child_by_field_name("key")) if pair.type == "pair" else None
                if key is not None:
                    entries[key] = pair.child_by_field_name("value")
    return entries


def _assignment(statement: Node) -> tuple[Node | None, Node | None]:
    first = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
    if first is None or first.type != "assignment":
        return None, None
    left = first.child_by_field_name("left")
    return (left if left is not None and left.type == "identifier" else None), first.child_by_field_name("right")


def _field(index: FileIndex, statement: Node, local: set[str]) -> SettingsField | None:
    left, value = _assignment(statement)
    assignment = statement.named_children[0] if left is not None else None
    annotation = assignment.child_by_field_name("type") if assignment is not None else None
    if left is None or annotation is None or text(left).startswith("_") or text(left) == "model_config":
        return None
    if "ClassVar" in text(annotation):
        return None
    name, location = text(left), index.source.location(left)
    type_ref = class_ref(index, _unwrap_optional(annotation), local)
    value = unparen(value)
    if value is None or value.type == "ellipsis":
        return SettingsField(name, location, type_ref)
    function = value.child_by_field_name("function") if value.type == "call" else None
    if function is None or (index.qualify(function) not in _FIELD_FUNCTIONS and text(function) != "Field"):
        return SettingsField(name, location, type_ref, (), value_default(index, value), required=False)
    args = value.child_by_field_name("arguments")
    aliases = _aliases(index, args)
    given, factory = argument(args, 0, "default"), keyword(args, "default_factory")
    if factory is not None:
        return SettingsField(name, location, type_ref, aliases, value_default(index, factory), required=False)
    if given is None or unparen(given).type == "ellipsis":
        return SettingsField(name, location, type_ref, aliases, NO_DEFAULT, required=True)
    return SettingsField(name, location, type_ref, aliases, value_default(index, given), required=False)


def _aliases(index: FileIndex, args: Node | None) -> tuple[str, ...]:
    """validation_alias wins over alias for reading; AliasChoices gives every choice, in order;
    v1's `env=` is a name or a list of names."""
    for name in ("validation_alias", "alias", "env"):
        node = unparen(keyword(args, name))
        if node is None:
            continue
        if node.type == "call":
            node = node.child_by_field_name("arguments")  # AliasChoices("A", "B")
        if node is not None and node.type in ("argument_list", "list", "tuple"):
            names = [single_string(index, c) for c in node.named_children]
            return tuple(n for n in names if n is not None)
        single = single_string(index, node)
        return (single,) if single is not None else ()
    return ()


def _unwrap_optional(annotation: Node) -> Node | None:
    """`Db`, `Optional[Db]`, `Db | None` -> `Db`; anything else as it is."""
    node = annotation.named_children[0] if annotation.type == "type" and annotation.named_children else annotation
    if node.type == "generic_type" or node.type == "subscript":
        inner = [c for c in node.named_children if c.type != "comment"]
        head = text(inner[0]) if inner else ""
        if head.endswith("Optional") and len(inner) == 2:
            arg = inner[1]
            return arg.named_children[0] if arg.type == "type_parameter" and arg.named_children else arg
        return None
    if node.type in ("binary_operator", "union_type"):
        parts = [c for c in node.named_children if text(c) != "None"]
        return _unwrap_optional(parts[0]) if len(parts) == 1 else None
    return node
