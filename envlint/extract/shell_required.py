"""A shell script that stops when a variable is empty requires it: `if [ -z "$X" ]; then ... exit 1; fi`,
`[ -z "${X}" ] && exit 1`, `[[ -z $X ]] && { echo ...; exit 2; }`. The offsets of those `$X` are returned
so the reads there are marked required. A test that does not end the script (`exit 0`, or no exit) is
a choice between branches, not a requirement; so is one nested in another `if` or `case`: the script
stops only when that condition holds too (`if [ "$MODE" = bad ]; then if [ -z "$DEBUG" ]; then exit 1`).
"""

from __future__ import annotations

import re

_TEST = re.compile(r"""\[\[?[ \t]+-z[ \t]+"?(\$\{?[A-Za-z_]\w*\}?)"?[ \t]+\]\]?""")
_FAILS = re.compile(r"\bexit[ \t]+[1-9]\d*\b")


_OPENS = re.compile(r"[ \t]*(?:if|case)\b")
_CLOSES = re.compile(r"[ \t]*(?:fi|esac)\b")


def _nested(text: str, line_start: int) -> bool:
    """The line starting at ``line_start`` stands inside a multi-line `if` or `case` block."""
    depth = 0
    for line in text[:line_start].splitlines():
        if _OPENS.match(line) and not re.search(r"\b(?:fi|esac)[ \t;]*$", line):
            depth += 1
        elif _CLOSES.match(line):
            depth = max(0, depth - 1)
    return depth > 0


def required_offsets(text: str) -> set[int]:
    out = set()
    for match in _TEST.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _nested(text, line_start):
            continue
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:match.start()], text[match.end():line_end]
        if re.match(r"[ \t]*(?:if|elif)[ \t]+$", before) and re.match(r"[ \t]*;?[ \t]*(?:then)?[ \t]*$", after):
            block = _then_block(text, line_end)
        elif re.match(r"[ \t]*$", before) and re.match(r"[ \t]*&&", after):
            block = after + _brace_block(text, line_end, after)
        else:
            continue
        if _FAILS.search(block):
            out.add(match.start(1))
    return out


def _then_block(text: str, start: int) -> str:
    """The lines after `if ...; then` up to its `else`/`elif`/`fi` (nested `if`s are skipped over)."""
    depth, lines = 0, []
    for line in text[start:].splitlines()[1:]:
        word = line.strip().split(" ", 1)[0].rstrip(";")
        if word == "if":
            depth += 1
        elif word in ("fi", "else", "elif") and depth == 0:
            break
        elif word == "fi":
            depth -= 1
        lines.append(line)
    return "\n".join(lines)


def _brace_block(text: str, start: int, after: str) -> str:
    """`[ -z "$X" ] && {` continued on the next lines up to the closing `}`."""
    if not after.rstrip().endswith("{"):
        return ""
    end = text.find("\n}", start)
    return text[start:end if end >= 0 else len(text)]
