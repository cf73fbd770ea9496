"""Shell functions that read a variable named by their argument: `get_bool() { local name="$1";
v="${!name:-}"; ... }` (or `${!1}`), called as `get_bool DEBUG` or `X="$(get_bool X True)"`. Each call
with a literal name reads that name, with the call's second word, or the function's own `${2-d}`, as
its default. The indirection inside the function is then no unknown read: its names are the calls'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FUNCTION = re.compile(r"^([ \t]*)(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*\(\)[ \t]*\{?[ \t]*$", re.MULTILINE)
_ONE_LINE = re.compile(r"^[ \t]*(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*\(\)[ \t]*\{(.*)\}[ \t]*$", re.MULTILINE)
_PARAM = re.compile(r"""(?:local|declare|readonly)?[ \t]*([A-Za-z_]\w*)=["']?\$\{?1\}?["']?[ \t]*(?:;|$)""",
                    re.MULTILINE)
_OWN_DEFAULT = re.compile(r"\$\{2:?-([^}]*)\}")
_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")


@dataclass(frozen=True)
class Reader:
    name: str
    body: tuple[int, int]  # offsets of the body in the script
    default: str | None  # the function's own default for a call without a second word


@dataclass(frozen=True)
class Call:
    offset: int  # of the variable's name
    name: str
    default: str | None


def _bodies(text: str):
    """(name, start, end) of each function's body: `f() {` to the `}` at its indentation, or one line."""
    for match in _FUNCTION.finditer(text):
        end = re.compile(r"^" + re.escape(match.group(1)) + r"\}[ \t]*$", re.MULTILINE).search(text, match.end())
        if end is not None:
            yield match.group(2), match.end(), end.start()
    for match in _ONE_LINE.finditer(text):
        yield match.group(1), match.start(2), match.end(2)


def readers(text: str) -> list[Reader]:
    out = []
    for name, start, stop in _bodies(text):
        body = text[start:stop]
        if "${!" not in body:  # no indirect expansion at all: the pattern below cannot match
            continue
        params = {m.group(1) for m in _PARAM.finditer(body)}
        indirect = r"\$\{!(?:1|" + "|".join(map(re.escape, sorted(params))) + r")(?=[}:\-=?+])" if params else r"\$\{!1(?=[}:\-=?+])"
        if not re.search(indirect, body):
            continue
        own = _OWN_DEFAULT.search(body)
        out.append(Reader(name, (start, stop), own.group(1).strip("'\"") if own else None))
    return out


def calls(text: str, found: list[Reader]) -> list[Call]:
    out = []
    for reader in found:
        pattern = re.compile(r"(?:^|[\s;|&(`])" + re.escape(reader.name) +
                             r"[ \t]+([\"']?)([A-Za-z_]\w*)\1(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|[^\s;)|&`]+))?")
        for match in pattern.finditer(text):
            if reader.body[0] <= match.start() < reader.body[1] or not _ENV_NAME.fullmatch(match.group(2)):
                continue
            word = match.group(3)
            default = word.strip("'\"") if word is not None and "$" not in word else reader.default
            out.append(Call(match.start(2), match.group(2), default))
    return sorted(out, key=lambda c: c.offset)
