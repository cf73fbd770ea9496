"""Reads of the environment in shell: `$X`, `${X}`, `${X:-default}`, `${X:?message}` (required), in a
script or a shell-form ENTRYPOINT/CMD. A name the script assigns before it reads it is the script's own
variable, not the environment's; `${X:-d}` inside `X=...` still reads X. Single-quoted text expands
nothing. Only names without lower-case letters count: by convention those are the environment's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..model import Default, Location, Read
from .shell_indirect import calls, readers
from .shell_required import required_offsets

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ASSIGN = re.compile(r"^\s*(?:export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
_LOOP_OR_READ = re.compile(r"^\s*(?:for\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b|read\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_ ]*))")
# Names the shell sets by itself: never the launcher's to provide.
_SHELL_OWN = frozenset({"IFS", "PWD", "OLDPWD", "RANDOM", "LINENO", "SECONDS", "BASH_SOURCE", "BASH_VERSION",
                        "FUNCNAME", "PPID", "UID", "EUID", "HOSTNAME", "OPTARG", "OPTIND", "REPLY", "PIPESTATUS"})


@dataclass(frozen=True, kw_only=True)
class ShellReads:
    reads: tuple[Read, ...]
    dynamic: bool  # `${!PREFIX@}`, `${!name}`, `env`/`printenv`/`compgen -e`: names it never spells out


def _expansions(text: str):
    """(offset, name, operator, word) for each `$NAME` / `${NAME<op><word>}` outside single quotes."""
    i, quote = 0, ""
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "'" and quote != '"':
            quote = "" if quote == "'" else "'"
        elif ch == '"' and quote != "'":
            quote = "" if quote == '"' else '"'
        elif ch == "$" and quote != "'" and i + 1 < len(text):
            if text[i + 1] == "{":
                end = text.find("}", i + 2)
                body = text[i + 2:end] if end > 0 else ""
                if body.startswith("!"):
                    yield i, "", "!", body
                else:
                    match = _NAME.match(body)
                    if match:
                        rest = body[match.end():]
                        op = next((o for o in (":-", ":=", ":?", ":+", "-", "=", "?", "+") if rest.startswith(o)), "")
                        yield i, match.group(0), op, rest[len(op):]
                i = end if end > 0 else i + 1
            else:
                match = _NAME.match(text, i + 1)
                if match:
                    yield i, match.group(0), "", ""
                    i = match.end() - 1
        i += 1


def _default(op: str, word: str) -> tuple[Default, bool]:
    literal = word.strip("'\"")
    if op in (":-", ":=", "-", "="):
        if "$" in word:
            return Default("expression", text=word), False
        return Default("literal", (literal,), covers_empty=op.startswith(":")), False
    return Default(), op in (":?", "?")


def scan(text: str, where: Callable[[int], Location], function: str | None = None) -> ShellReads:
    """Reads of ``text`` (a script, or one shell-form command), located by ``where(offset)``."""
    # Where each name becomes the script's own: its first assignment that does not read it.
    local_from: dict[str, int] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        assignment = _ASSIGN.match(line)
        if assignment and not re.search(r"\$\{?" + assignment.group(1) + r"\b", assignment.group(2)):
            local_from.setdefault(assignment.group(1), offset)
        loop = _LOOP_OR_READ.match(line)
        if loop:
            for name in (loop.group(1) or loop.group(2) or "").split():
                local_from.setdefault(name, offset)
        offset += len(line)
    reads, dynamic = [], False
    commented = _comment_spans(text)
    found = readers(text)
    stops = required_offsets(text)
    for call in calls(text, found):
        # a call on the line that assigns the name still reads the environment's (`X="$(f X)"`)
        line_start = text.rfind("\n", 0, call.offset) + 1
        if line_start > local_from.get(call.name, len(text) + 1):
            continue
        if not any(start <= call.offset < end for start, end in commented):
            default = Default() if call.default is None else Default("literal", (call.default,), covers_empty=True)
            reads.append(Read(call.name, where(call.offset), "shell indirect", default, function=function,
                              name_text=call.name))
    for position, name, op, word in _expansions(text):
        if any(start <= position < end for start, end in commented):
            continue
        if op == "!":
            # `${!name}` in a function that reads the variable its argument names: the calls say which
            dynamic = dynamic or not any(r.body[0] <= position < r.body[1] for r in found)
            continue
        if name in _SHELL_OWN or not any(c.isupper() for c in name) or any(c.islower() for c in name):
            continue
        if position >= local_from.get(name, len(text) + 1):
            continue
        default, required = _default(op, word)
        required = required or position in stops
        reads.append(Read(name, where(position), "shell ${}" if op else "shell $", default, required,
                          function=function, name_text=name))
    dynamic = dynamic or bool(re.search(r"(^|[\s;|(])(printenv|env|compgen\s+-e)(\s*$|\s*[|;)])", text, re.M))
    return ShellReads(reads=tuple(reads), dynamic=dynamic)


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """Whole-line comments (a `#` after code may be inside a string; those lines are kept)."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("#"):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans
