"""Values as Helm templates see them: a chart's `values.yaml` (nodes, so each value keeps its
location), the synthetic `.Release`/`.Chart` objects, and `toYaml` of a value.

A value envlint cannot know (a key missing from values.yaml, a function it does not model) is
`UNKNOWN`; it renders as nothing or as a placeholder, never as a guess.
"""

from __future__ import annotations

import json

import yaml

from ..yamlsource import get, items, sequence


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


class _Missing(_Unknown):
    def __repr__(self) -> str:
        return "MISSING"


UNKNOWN = _Unknown()  # a function or object envlint does not model
MISSING = _Missing()  # a key values.yaml does not have: false in a test, unknown as text
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"


def field(value: object, name: str) -> object:
    if isinstance(value, yaml.MappingNode):
        found = get(value, name)
        return MISSING if found is None else found
    if isinstance(value, dict):
        return value.get(name, MISSING)
    return UNKNOWN if value is UNKNOWN else MISSING


def to_text(value: object) -> str | None:
    """What `{{ value }}` prints, or None when it is not known or not a scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if value is None:
        return ""  # Go prints nil as "<no value>", which Helm removes
    if isinstance(value, yaml.ScalarNode):
        return "" if value.tag == _NULL else str(value.value)
    return None


def truthy(value: object) -> bool:
    """Go template truth: empty and zero values are false; an unknown value counts as absent."""
    if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
        return bool(value.value)
    if isinstance(value, yaml.ScalarNode):
        return value.tag != _NULL and value.value not in ("", "false", "False", "0")
    if isinstance(value, dict | list | str):
        return bool(value)
    return bool(value) and not isinstance(value, _Unknown)


def is_empty_collection(value: object) -> bool:
    if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
        return not value.value
    return isinstance(value, (dict, list)) and not value


# Helm reads values through JSON, so every number is a float64.
_KINDS = {"tag:yaml.org,2002:bool": "bool", "tag:yaml.org,2002:int": "float64", "tag:yaml.org,2002:float": "float64",
          _STR: "string", _NULL: "invalid"}


def kind_of(value: object) -> str | None:
    """sprig's kindOf for a value from values.yaml (`map`, `slice`, `string`, ...), None if unknown."""
    if isinstance(value, (yaml.MappingNode, dict)):
        return "map"
    if isinstance(value, (yaml.SequenceNode, list)):
        return "slice"
    if isinstance(value, yaml.ScalarNode):
        return _KINDS.get(value.tag)
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "string"
    if value is None or isinstance(value, _Missing):
        return "invalid"
    return None


class ValuesKey(str):
    """A key of a values.yaml mapping that `range $key, $val := .Values.env` binds: a name printed from
    it (`{{ $key }}: ...`) is written in values.yaml, where a finding about it belongs."""

    line: int  # 1-based
    column: int

    def __new__(cls, text: str, node: yaml.Node) -> "ValuesKey":
        key = super().__new__(cls, text)
        key.line, key.column = node.start_mark.line + 1, node.start_mark.column + 1
        return key


def sequence_items(value: object) -> list[tuple[object, object]] | None:
    """(key or index, element) pairs that `range` walks (map keys sorted, as Go does), or None."""
    if isinstance(value, yaml.SequenceNode):
        return list(enumerate(sequence(value)))
    if isinstance(value, yaml.MappingNode):
        return sorted(((ValuesKey(k, key_node), v) for k, key_node, v in items(value)), key=lambda kv: kv[0])
    if isinstance(value, list):
        return list(enumerate(value))
    if isinstance(value, dict):
        return sorted(value.items())
    return None


def _scalar_text(node: yaml.ScalarNode) -> str:
    if node.tag == _STR:
        return json.dumps(node.value, ensure_ascii=False)  # quoted, so it stays a string
    return "null" if node.tag == _NULL else str(node.value)


# One line of emitted YAML: text, and the 0-based line and column of the value it came from.
YamlLine = tuple[str, int, int]


def yaml_lines(value: object) -> list[YamlLine] | None:
    """`toYaml` of a values node, line by line, each traced to its line in values.yaml."""
    if isinstance(value, yaml.ScalarNode):
        return [(_scalar_text(value), value.start_mark.line, value.start_mark.column)]
    if isinstance(value, yaml.MappingNode):
        if not value.value:
            return [("{}", value.start_mark.line, value.start_mark.column)]
        out: list[YamlLine] = []
        for key, key_node, child in items(value):
            at = (key_node.start_mark.line, key_node.start_mark.column)
            nested = yaml_lines(child)
            if nested is None:
                return None
            label = json.dumps(key) if not key.replace("_", "").replace("-", "").replace(".", "").isalnum() else key
            if isinstance(child, yaml.ScalarNode) or not child.value:
                out.append((f"{label}: {nested[0][0]}", *at))
            else:
                out.append((f"{label}:", *at))
                out.extend(("  " + text, line, column) for text, line, column in nested)
        return out
    if isinstance(value, yaml.SequenceNode):
        if not value.value:
            return [("[]", value.start_mark.line, value.start_mark.column)]
        out = []
        for child in value.value:
            nested = yaml_lines(child)
            if nested is None:
                return None
            # The item's first key stands two columns after its dash.
            out.append(("- " + nested[0][0], nested[0][1], nested[0][2] - 2))
            out.extend(("  " + text, line, column) for text, line, column in nested[1:])
        return out
    text = to_text(value)
    return None if text is None else [(text, -1, -1)]
