"""Compose interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`,
`${VAR:+r}`, `${VAR+r}`.

Compose substitutes the host's variables (and the project `.env`) into every value before a container
starts, so a value written `${DB_HOST}` is not known statically. What is known is its shape: a lone
default-less reference becomes the empty string when the host lacks the variable, which a reader's
default then may or may not cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATOR = re.compile(r":?[-?+]")


@dataclass(frozen=True)
class Part:
    """A literal run of text, or one interpolation."""

    literal: str = ""  # the text, with `$$` already turned into `$`
    name: str = ""  # the variable, for an interpolation
    operator: str = ""  # "", ":-", "-", ":?", "?", ":+", "+"
    argument: str = ""  # default, error message or replacement, as written (may interpolate again)
    text: str = ""  # the interpolation as written


def _closing_brace(text: str, start: int) -> int:
    """Index of the `}` that closes the `${` opened before ``start``; -1 when unclosed. Defaults may
    nest (`${A:-${B}}`), so braces opened by `${` inside are counted."""
    depth = 1
    i = start
    while i < len(text):
        if text.startswith("$$", i):
            i += 2
            continue
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def parse(text: str) -> list[Part] | None:
    """The parts of a value, or None when the interpolation is malformed (compose refuses such a file,
    so nothing is known of the value)."""
    parts: list[Part] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "$":
            literal.append(text[i])
            i += 1
            continue
        if text.startswith("$$", i):
            literal.append("$")
            i += 2
            continue
        if text.startswith("${", i):
            end = _closing_brace(text, i + 2)
            if end < 0:
                return None
            body = text[i + 2:end]
            name = _NAME.match(body)
            if name is None:
                return None
            rest = body[name.end():]
            operator = _OPERATOR.match(rest)
            if rest and operator is None:
                return None
            op = operator.group(0) if operator else ""
            part = Part(name=name.group(0), operator=op, argument=rest[len(op):], text=text[i:end + 1])
            i = end + 1
        else:
            name = _NAME.match(text, i + 1)
            if name is None:
                # A `$` that starts nothing: kept as text rather than guessing what compose makes of it.
                literal.append("$")
                i += 1
                continue
            part = Part(name=name.group(0), text=text[i:name.end()])
            i = name.end()
        if literal:
            parts.append(Part(literal="".join(literal)))
            literal = []
        parts.append(part)
    if literal:
        parts.append(Part(literal="".join(literal)))
    return parts


def env_value(text: str) -> tuple[str | None, bool]:
    """(literal value or None, empty_if_unset) of an `environment:` value as written."""
    parts = parse(text)
    if parts is None:
        return None, False
    if all(not p.name for p in parts):
        return "".join(p.literal for p in parts), False
    # Only a value that is nothing but one reference without default (or with `+`, whose unset result
    # is empty too) is certainly empty when the host lacks the variable.
    alone = len(parts) == 1 and parts[0].operator in ("", ":+", "+")
    return None, alone


def lone_reference(text: str) -> str | None:
    """The variable of a value that is nothing but one interpolation (`${X}`, `$X`, `${X:-d}`)."""
    parts = parse(text)
    return parts[0].name if parts is not None and len(parts) == 1 and parts[0].name else None


def substitute_defaults(text: str) -> str:
    """The value with every `${VAR:-d}`/`${VAR-d}` replaced by its default and `$$` by `$`; references
    without a default stay as written (an image name is then still recognisable)."""
    parts = parse(text)
    if parts is None:
        return text
    out = []
    for part in parts:
        if not part.name:
            out.append(part.literal)
        elif part.operator in (":-", "-"):
            out.append(substitute_defaults(part.argument))
        else:
            out.append(part.text)
    return "".join(out)
