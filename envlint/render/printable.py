"""Strings from the analysed repository, made safe for a terminal or a CI log.

Names, values, paths and conditions come from files a stranger may have written. In text output a
newline in a compose key would start a line of its own, which GitHub Actions runs as a workflow command
when it starts with `::`; an ANSI escape or `\\r` would rewrite what the reader sees. Every control or
format character (Unicode categories Cc, Cf, Zl, Zp: newlines, escapes, bidirectional overrides) is
shown as a Python-style escape instead. The JSON, SARIF, GitHub and JUnit formats escape by their own
rules.
"""

from __future__ import annotations

import re
import unicodedata

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control or format character escaped; unchanged when it has none."""
    if _UNSAFE.search(text) is None and text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
