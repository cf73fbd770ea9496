"""`shlex.split`, done by regular expressions: the same words, the same errors. shlex reads a character
at a time in Python; the shell lines of one repository (every `run:` step, RUN instruction and script
line) called it thousands of times (jaeger: 7,111 calls, a fifth of its cold run), and after the
common case (no quote, backslash or `#`) was done by one `findall`, the quoted lines that were left
still took 0.04 s of jaeger's 46 scripts.

shlex.split's rules (posix mode, words split at whitespace only): a word runs until " \\t\\r\\n"; its
pieces are plain characters, 'single-quoted' text (taken as it is), "double-quoted" text (where a
backslash escapes only `"` and itself, and is kept before any other character) and a backslash
outside quotes (which escapes any character, a newline too). With comments on, `#` outside quotes
ends the word and skips to the end of the line, mid-word too. An empty quoted word ('') is a word.
"""

from __future__ import annotations

import re

# The POSIX-like shells whose command lines are split here: `sh -c "..."`, `bash script.sh`.
SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh"})

_WORD = re.compile(r"[^ \t\r\n]+")  # shlex's whitespace: " \t\r\n"
_SPECIAL = re.compile(r"['\"\\]")
_SPECIAL_OR_COMMENT = re.compile(r"['\"\\#]")
# One piece of a word, or what separates words. The groups: whitespace, a comment, '...', "...",
# a backslash and the character it escapes, plain characters.
_PIECES = r"""([ \t\r\n]+)|{comment}'([^']*)'|"((?:[^"\\]|\\[\s\S])*)"|\\([\s\S])|([^ \t\r\n'"\\{hash}]+)"""
_PIECE = re.compile(_PIECES.format(comment="()(?!)|", hash=""))  # the comment's group never matches
_PIECE_OR_COMMENT = re.compile(_PIECES.format(comment=r"(#[^\n]*\n?)|", hash="#"))
_ESCAPED_IN_DOUBLE = re.compile(r'\\(["\\])')


def split(text: str, comments: bool = False) -> list[str]:
    """Exactly what ``shlex.split(text, comments=comments)`` returns (or raises: ValueError on an
    unclosed quote or a trailing backslash)."""
    if (_SPECIAL_OR_COMMENT if comments else _SPECIAL).search(text) is None:
        return _WORD.findall(text)
    piece = _PIECE_OR_COMMENT if comments else _PIECE
    words: list[str] = []
    token: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        found = piece.match(text, index)
        if found is None:
            raise ValueError(_error(text[index:]))
        index = found.end()
        space, comment, single, double, escaped, plain = found.groups()
        if space is not None or comment is not None:
            if token or quoted:
                words.append("".join(token))
            token, quoted = [], False
        elif single is not None:
            token.append(single)
            quoted = True
        elif double is not None:
            token.append(_ESCAPED_IN_DOUBLE.sub(r"\1", double) if "\\" in double else double)
            quoted = True
        else:
            token.append(escaped if escaped is not None else plain)
    if token or quoted:
        words.append("".join(token))
    return words


def _error(rest: str) -> str:
    """shlex's message for the text from the first piece that does not close: a quote, or a backslash
    at the end (also inside double quotes, where the quote is still open when the text ends)."""
    if rest.startswith("'"):
        return "No closing quotation"
    if rest.startswith('"'):
        inside = re.fullmatch(r'"(?:[^"\\]|\\[\s\S])*(\\?)', rest)
        return "No escaped character" if inside is not None and inside.group(1) else "No closing quotation"
    return "No escaped character"
