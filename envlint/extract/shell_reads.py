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


# `$NAME` or `${NAME`, the name whole: one pattern for every name (a pattern per assigned name, as
# `\$\{?NAME\b` was, overflowed the re module's cache of 512 and was compiled again at each line).
_SELF = re.compile(r"\$\{?(\w+)")


def _reads_itself(name: str, value: str) -> bool:
    r"""Whether the assigned ``value`` expands ``name`` (what `\$\{?NAME\b` finds)."""
    return "$" in value and any(m.group(1) == name for m in _SELF.finditer(value))


_EXPANDING = re.compile(r"[\\#'\"$]")


def _expansions(text: str):
    """(offset, name, operator, word) for each `$NAME` / `${NAME<op><word>}` outside single quotes."""
    if "$" not in text:  # nothing to find: most lines
        return
    i, quote = 0, ""
    while (found := _EXPANDING.search(text, i)) is not None:  # the characters the loop acts on
        i = found.start()
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "#" and not quote and (i == 0 or text[i - 1] in " \t\n;"):
            end = text.find("\n", i)  # a comment: its quotes (`the user's`) open nothing
            i = end if end > 0 else len(text)
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
            return Default(kind="expression", text=word), False
        return Default(kind="literal", values=(literal,), covers_empty=op.startswith(":")), False
    return Default(), op in (":?", "?")


def scan(text: str, where: Callable[[int], Location], function: str | None = None) -> ShellReads:
    """Reads of ``text`` (a script, or one shell-form command), located by ``where(offset)``."""
    # Where each name is the script's own: after its first assignment that does not read it. An
    # assignment in one branch of an `if` is not the script's own in the other branches: `if [ -n "$1" ];
    # then IMAGE=x; else IMAGE="${IMAGE-d}"; fi` reads the environment's IMAGE in the else branch.
    local: dict[str, list[tuple[int, int]]] = {}
    lines = text.splitlines(keepends=True)
    blocks = _if_blocks(lines)
    offset = 0
    for number, line in enumerate(lines):
        names = []
        assignment = _ASSIGN.match(line)
        if assignment and not _reads_itself(assignment.group(1), assignment.group(2)):
            names.append(assignment.group(1))
        loop = _LOOP_OR_READ.match(line)
        if loop:
            names.extend((loop.group(1) or loop.group(2) or "").split())
        for name in names:
            local.setdefault(name, []).extend(_own_spans(offset, blocks[number]))
        offset += len(line)
    reads, dynamic = [], False
    commented = _comment_spans(text)
    found = readers(text)
    stops = required_offsets(text)
    for call in calls(text, found):
        # a call on the line that assigns the name still reads the environment's (`X="$(f X)"`)
        line_start = text.rfind("\n", 0, call.offset) + 1
        if any(start < line_start < end for start, end in local.get(call.name, ())):
            continue
        if not any(start <= call.offset < end for start, end in commented):
            default = (
                Default()
                if call.default is None
                else Default(kind="literal", values=(call.default,), covers_empty=True)
            )
            reads.append(
                Read(
                    name=call.name,
                    location=where(call.offset),
                    form="shell indirect",
                    default=default,
                    function=function,
                    name_text=call.name,
                )
            )
    for position, name, op, word in _expansions(text):
        if any(start <= position < end for start, end in commented):
            continue
        if op == "!":
            # `${!name}` in a function that reads the variable its argument names: the calls say which
            dynamic = dynamic or not any(r.body[0] <= position < r.body[1] for r in found)
            continue
        if name in _SHELL_OWN or not any(c.isupper() for c in name) or any(c.islower() for c in name):
            continue
        if any(start <= position < end for start, end in local.get(name, ())):
            continue
        default, required = _default(op, word)
        required = required or position in stops
        reads.append(
            Read(
                name=name,
                location=where(position),
                form="shell ${}" if op else "shell $",
                default=default,
                required=required,
                function=function,
                name_text=name,
            )
        )
    dynamic = dynamic or bool(re.search(r"(^|[\s;|(])(printenv|env|compgen\s+-e)(\s*$|\s*[|;)])", text, re.M))
    return ShellReads(reads=tuple(reads), dynamic=dynamic)


_IF = re.compile(r"^\s*if\b")
_ELSE = re.compile(r"^\s*(?:elif\b|else\b)")
_FI = re.compile(r"^\s*fi\b")
_FOREVER = 1 << 62


def _if_blocks(lines: list[str]) -> list[tuple[int, int] | None]:
    """Per line: (end of its branch, end of its `if` block) as offsets, for a line inside a multi-line
    `if`; None outside. Only the innermost `if` counts."""
    out: list[tuple[int, int] | None] = [None] * len(lines)
    stack: list[list[int]] = []  # per open `if`: line numbers of its current branch
    ends: list[list[tuple[list[int], int]]] = []
    offset = 0
    for number, line in enumerate(lines):
        if _IF.match(line) and not re.search(r"\bfi\s*;?\s*$", line):
            if stack:
                stack[-1].append(number)
            stack.append([])
            ends.append([])
        elif stack and _ELSE.match(line):
            ends[-1].append((stack[-1], offset))
            stack[-1] = []
        elif stack and _FI.match(line):
            ends[-1].append((stack[-1], offset))
            block_end = offset + len(line)
            for branch, branch_end in ends.pop():
                for inner in branch:
                    out[inner] = (branch_end, block_end)
            stack.pop()
            if stack:
                stack[-1].append(number)
        elif stack:
            stack[-1].append(number)
        offset += len(line)
    return out


def _own_spans(offset: int, block: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Where a name assigned at ``offset`` is the script's own: to the end of its branch, and after its
    `if` (one branch or the other ran, so its value may be the script's)."""
    if block is None:
        return [(offset, _FOREVER)]
    return [(offset, block[0]), (block[1], _FOREVER)]


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """Whole-line comments (a `#` after code may be inside a string; those lines are kept)."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("#"):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans
