"""Bash arrays that a script assigns literally and expands into a command: `params=(--rm --env K=V)`
then `docker run "${params[@]}" image`. The expansion stands for the array's words, each located where
it is written in the array (the `--env K=V` an ENV rule names is on the array's line, not the run's).

Only `NAME=( ... )` (also after `local`, `declare -a`, `readonly`) is read, possibly over several lines;
`+=` appends. An array assigned in another file, or built by a loop, is unknown: its expansion is an
unknown number of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import shellwords
from ..model import Location

_START = re.compile(r"^\s*(?:local\s+|declare\s+-a\s+|readonly\s+|typeset\s+-a\s+)?([A-Za-z_]\w*)(\+?)=\(")
EXPANSION = re.compile(r"^\$\{([A-Za-z_]\w*)\[[@*]\]\}$")


@dataclass(frozen=True)
class Word:
    text: str
    location: Location


def _close(text: str) -> int | None:
    """The offset of the `)` that closes an array literal (quotes and comments respected), else None."""
    quote = ""
    offset = 0
    while offset < len(text):
        char = text[offset]
        if char == "\\" and not quote == "'":
            offset += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (offset == 0 or text[offset - 1].isspace()):
            end = text.find("\n", offset)
            if end < 0:
                return None
            offset = end
        elif char == ")":
            return offset
        offset += 1
    return None


def _words(path: str, text: str, base: int, line_of) -> list[Word]:
    out: list[Word] = []
    cursor = 0
    for raw in text.splitlines(keepends=True):
        try:
            words = shellwords.split(raw, comments=True)
        except ValueError:
            words = raw.split()
        for word in words:
            found = raw.find(word.split("=")[0] if "$" in word else word)
            found = found if found >= 0 else 0
            out.append(Word(word, line_of(base + cursor + found)))
        cursor += len(raw)
    return out


def arrays_before(path: str, lines: list[str], stop: int, line_of) -> dict[str, list[Word]]:
    """The arrays assigned in lines[:stop] (by index), with their words; `line_of(offset)` locates an
    offset of the text of all lines joined by newlines."""
    arrays: dict[str, list[Word]] = {}
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    index = 0
    while index < stop:
        match = _START.match(lines[index])
        if match is None:
            index += 1
            continue
        begin = starts[index] + match.end()
        end = _close(text[begin:])
        if end is None:
            break
        words = _words(path, text[begin:begin + end], begin, line_of)
        arrays[match.group(1)] = (arrays.get(match.group(1), []) if match.group(2) else []) + words
        index = text.count("\n", 0, begin + end) + 1
    return arrays
