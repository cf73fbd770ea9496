"""The names a Go file refers to, outside comments, strings and its own function declarations' names.

A read in a top-level function that no file of a program refers to never runs in that program: a
helper for tests (`func PrepareTestForPostgresSQL()` in a non-test file of a shared package, called
only from `_test.go` files) is compiled in but never called. Test files are not read, so their calls
do not count. The set is taken from the text (a name in any expression, a selector `pkg.Name`, a
function used as a value), which errs on the side of "referred to": an unrelated name spelled the
same keeps the read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

_NOISE = re.compile(rb'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'', re.DOTALL)
# Every byte that is not a word character (`\w` of a bytes pattern: ASCII letters, digits and _) made
# a space: `code.translate(_SPACES).split()` is `re.findall(rb"\w+", code)`, three times faster.
_SPACES = bytes(b if (chr(b).isascii() and chr(b).isalnum()) or b == ord("_") else ord(" ") for b in range(256))
_DIGITS = b"0123456789"
_AFTER_FUNC = re.compile(rb"func (\w*)")
_DECLARATION = re.compile(rb"^func\s+([A-Za-z_]\w*)\s*[\[(]", re.MULTILINE)


def referenced_words(data: bytes) -> str:
    """The names the file refers to, sorted and joined by spaces (FileFacts.referenced_words)."""
    code = _NOISE.sub(b" ", data)
    words = code.translate(_SPACES).split()
    names = set(words)
    # A name is a maximal run of word characters less its leading digits (what `[A-Za-z_]\w*` finds in
    # it): one tokenisation serves both the names and the mentions below. Runs that start with a digit
    # sort first (digits come before letters and _), so only they are looked at.
    ordered = sorted(names)
    numbers = ordered[:bisect_left(ordered, b":")]  # ":" follows "9"
    if numbers:
        names.difference_update(numbers)
        names.update(w.lstrip(_DIGITS) for w in numbers)
        names.discard(b"")
    declarations = set(_DECLARATION.findall(code))
    if declarations:
        # Whole words, counted in one pass (a search per declared function was quadratic in the file):
        # `\bname\b` matches exactly where a maximal run of word characters is the name.
        mentions = Counter(words)
        after_func = sorted(_AFTER_FUNC.findall(code))
        for declared in declarations:
            # Its declaration is one mention; any other (a call, a use as a value) refers to it.
            if mentions[declared] <= _starting_with(after_func, declared):
                names.discard(declared)
    if numbers or declarations:
        ordered = sorted(names)
    return b" ".join(ordered).decode("ascii")


def _starting_with(words: list[bytes], prefix: bytes) -> int:
    """How many of the sorted ``words`` start with ``prefix``: `code.count(b"func " + prefix)` when
    ``words`` are the word runs after each `func ` of the code (a name is all word characters, so
    each occurrence lies inside one run), without a scan of the code per declared function."""
    return bisect_left(words, prefix + b"\xff") - bisect_left(words, prefix)
