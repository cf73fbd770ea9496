"""`shlex.split`, with the common case done in C: a text without quotes or backslashes (nor `#`, when
comments are on) splits at shlex's whitespace and nowhere else, so a regular expression gives the
same words. shlex reads a character at a time in Python; the shell lines of one repository (every
`run:` step, RUN instruction and script line) called it thousands of times (jaeger: 7,111 calls,
a fifth of its cold run).
"""

from __future__ import annotations

import re
import shlex

_WORD = re.compile(r"[^ \t\r\n]+")  # shlex's whitespace: " \t\r\n"
_SPECIAL = re.compile(r"['\"\\]")
_SPECIAL_OR_COMMENT = re.compile(r"['\"\\#]")


def split(text: str, comments: bool = False) -> list[str]:
    """Exactly what ``shlex.split(text, comments=comments)`` returns (or raises: ValueError on an
    unclosed quote or a trailing backslash)."""
    if (_SPECIAL_OR_COMMENT if comments else _SPECIAL).search(text) is None:
        return _WORD.findall(text)
    return shlex.split(text, comments=comments)
