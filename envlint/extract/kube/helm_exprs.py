"""Pipelines inside Helm actions: `.Values.a.b | default "x" | quote`, `include "name" . | nindent 8`,
`toYaml .Values.env`, `printf "%s-%s" .Release.Name .Chart.Name`, variables and parentheses.

Only the functions charts use to build names and environments are modelled; any other makes the
value UNKNOWN. `default` treats an unknown value as absent, as Helm treats a missing key.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Callable

from .helm_output import Origin, Piece, Segment, indent, text_piece
from .helm_values import UNKNOWN, field, is_empty_collection, kind_of, to_text, truthy, yaml_lines

Include = Callable[[str, object, Origin], object]
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_TEXT_FUNCTIONS: dict[str, Callable[..., str]] = {
    "quote": lambda *a: " ".join(json.dumps(x, ensure_ascii=False) for x in a),
    "squote": lambda *a: " ".join(f"'{x}'" for x in a),
    "upper": str.upper, "lower": str.lower, "title": str.title, "trim": str.strip,
    "toString": str, "int": str, "int64": str,
    "trunc": lambda n, s: s[: int(n)] if int(n) >= 0 else s[int(n):],
    "trimSuffix": lambda suffix, s: s[: -len(suffix)] if suffix and s.endswith(suffix) else s,
    "trimPrefix": lambda prefix, s: s[len(prefix):] if s.startswith(prefix) else s,
    "replace": lambda old, new, s: s.replace(old, new),
    "b64enc": lambda s: base64.b64encode(s.encode()).decode(),
    "printf": lambda fmt, *a: re.sub(r"%[-+ #0]*\d*(?:\.\d+)?[svdq]", "{}", fmt).format(*a),
}

# No chart indents a value this far; a wider indent is left unrendered rather than allocated.
MAX_INDENT = 1024


# The characters split_outside looks at, per separator: the rest is skipped by the regex engine, not
# stepped through one by one (the loop over every character was most of a Helm chart's time).
_SPECIAL = {"|": re.compile(r'["`()|]'), " ": re.compile(r'["`() \t\n]')}


def split_outside(text: str, separator: str) -> list[str]:
    """Split on a character that is not inside quotes or parentheses (``separator`` is "|" or " ",
    which also splits on tabs and newlines)."""
    parts, depth, quote, start = [], 0, "", 0
    for found in _SPECIAL[separator].finditer(text):
        i = found.start()
        ch = text[i]
        if quote:
            quote = "" if ch == quote and text[i - 1] != "\\" else quote
        elif ch in "\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


class Evaluator:
    def __init__(self, root: dict[str, object], include: Include, values_path: str = "") -> None:
        self.root = root
        self.include = include
        self.values_path = values_path

    def text(self, value: object) -> str | None:
        return value.text() if isinstance(value, Piece) else to_text(value)

    def pipeline(self, source: str, dot: object, variables: dict[str, object], origin: Origin) -> object:
        value: object = None
        for number, command in enumerate(split_outside(source, "|")):
            words = split_outside(command, " ")
            args = [self.operand(w, dot, variables, origin) for w in words[1:]]
            if number and not words:
                return UNKNOWN
            if number:
                args.append(value)
            if words and (words[0][0].isalpha() and words[0] not in ("true", "false", "nil")):
                value = self.call(words[0], args, origin)
            elif len(words) == 1 and not number:
                value = self.operand(words[0], dot, variables, origin)
            else:
                return UNKNOWN  # a method call (.Files.Get "x") or a value where a function belongs
        return value

    def operand(self, word: str, dot: object, variables: dict[str, object], origin: Origin) -> object:
        if word.startswith("(") and word.endswith(")"):
            return self.pipeline(word[1:-1], dot, variables, origin)
        if word.startswith('"'):
            try:
                return json.loads(word)
            except ValueError:
                return UNKNOWN
        if word.startswith("`") and word.endswith("`"):
            return word[1:-1]
        if _NUMBER.match(word):
            return word
        if word in ("true", "false"):
            return word == "true"
        if word == "nil":
            return None
        head, *path = word.split(".")
        if head == "":  # `.`, `.a.b`
            value = dot
        elif head in variables:
            value = variables[head]
        else:
            return UNKNOWN
        for name in (p for p in path if p):
            value = field(value, name)
        return value

    def call(self, name: str, args: list[object], origin: Origin) -> object:
        if name in ("include", "template") and len(args) == 2 and isinstance(args[0], str):
            return self.include(args[0], args[1], origin)
        if name == "dict" and len(args) % 2 == 0:
            # sprig's `dict "root" . "repo" .Values.image.repository`: how charts pass several values to
            # a helper they `include`
            keys = [to_text(k) for k in args[::2]]
            return UNKNOWN if None in keys else dict(zip(keys, args[1::2]))
        if name == "default" and len(args) == 2:
            return args[1] if truthy(args[1]) else args[0]
        if name == "required" and len(args) == 2:
            return args[1]
        if name in _TESTS:
            return _test(name, args)
        if name == "toYaml" and len(args) == 1:
            return self._to_yaml(args[0], origin)
        if name in ("indent", "nindent") and len(args) == 2 and (width := to_text(args[0])) and width.isdigit():
            if int(width) > MAX_INDENT:  # `nindent 100000000` in a hostile chart would allocate the spaces
                return UNKNOWN
            piece = args[1] if isinstance(args[1], Piece) else None
            if piece is None and (text := to_text(args[1])) is not None:
                piece = text_piece(text, origin)
            return UNKNOWN if piece is None else indent(piece, int(width), name == "nindent", origin)
        if name in _TEXT_FUNCTIONS:
            texts = [self.text(a) for a in args]
            if any(t is None for t in texts):
                return UNKNOWN
            try:
                return _TEXT_FUNCTIONS[name](*texts)
            except (TypeError, ValueError, IndexError):
                return UNKNOWN
        return UNKNOWN

    def _to_yaml(self, value: object, origin: Origin) -> object:
        if origin.conditions and is_empty_collection(value):
            # `{{ if .Values.podLabels }}{{ toYaml .Values.podLabels }}`: values.yaml's `{}` is a slot for
            # what an install gives; under a condition that `{}` fails, Helm renders nothing. What the
            # install's values would put there is unknown: a note, not a `{}` among the labels.
            return UNKNOWN
        lines = yaml_lines(value)
        if lines is None:
            return UNKNOWN
        piece = Piece([])
        for text, line, column in lines:
            where = Origin(self.values_path, line + 1, column + 1, origin.conditions) if line >= 0 else origin
            body = text.lstrip(" ")
            # The indentation is the emitter's own; the text after it stands at the value's column.
            pad = [Segment(text[: len(text) - len(body)], where)] if body != text else []
            piece.lines.append(pad + [Segment(body, where)])
        return piece


_TESTS = ("not", "and", "or", "eq", "ne", "empty", "contains", "hasPrefix", "hasSuffix", "kindIs", "typeIs")

# typeIs names Go types where kindIs names their kinds (sprig's typeIs/kindIs).
_GO_TYPES = {"map": "map[string]interface {}", "slice": "[]interface {}"}


def _test(name: str, args: list[object]) -> object:
    """The tests `if` conditions use; only decided inside names and labels (see helm_render)."""
    if name in ("not", "empty") and len(args) == 1:
        return not truthy(args[0])
    if name == "and":
        return all(truthy(a) for a in args)
    if name == "or":
        return any(truthy(a) for a in args)
    if name in ("kindIs", "typeIs") and len(args) == 2 and isinstance(args[0], str):
        kind = kind_of(args[1])
        if kind is None:
            return UNKNOWN
        return args[0] == (kind if name == "kindIs" else _GO_TYPES.get(kind, kind))
    texts = [to_text(a) for a in args]
    if len(texts) != 2 or None in texts:
        return UNKNOWN
    left, right = str(texts[0]), str(texts[1])
    return {"eq": left == right, "ne": left != right, "contains": left in right,
            "hasPrefix": right.startswith(left), "hasSuffix": right.endswith(left)}.get(name, UNKNOWN)
