"""Confirm a syntax error that tree-sitter found with CPython's own parser before reporting it.

The tree-sitter grammar lags the language and misreads some valid code: `f"{msg:=^40}"` (a format spec
whose fill character is `=`) reads as a walrus. A problem on a valid file fails CI for nothing, so a
tree with an ERROR or MISSING node is re-parsed with `ast.parse`, the reference; files that tree-sitter
parsed cleanly are never re-parsed, so this costs nothing on them.

There is no `--target-version`: this is the running interpreter's parser (3.11 or newer). Where it
rejects a line written in syntax a newer Python added (PEP 695 type parameters and `type` aliases in
3.12, PEP 696 parameter defaults in 3.13, PEP 758 unparenthesised `except A, B:` in 3.14), the file is
taken to be valid Python of that version: a note in `facts` (kind "newer-python"), never a problem.
"""

from __future__ import annotations

import ast
import re
import warnings

from ...model import Location, Problem
from ..syntax import Node, Source

KIND = "syntax-error"
NEWER = "newer-python"
# Lines in syntax newer than 3.11 (the oldest Python envlint runs on), with the version that added it.
_NEWER_SYNTAX = (
    (re.compile(r"^\s*type\s+[A-Za-z_]\w*\s*(\[.*\])?\s*="), "3.12"),
    (re.compile(r"^\s*(async\s+)?def\s+[A-Za-z_]\w*\s*\["), "3.12"),
    (re.compile(r"^\s*class\s+[A-Za-z_]\w*\s*\["), "3.12"),
    (re.compile(r"^\s*except\*?\s+[^():,]+(,\s*[^():,]+)+\s*(:|as\b)"), "3.14"),
)
ANALYSED = "the rest of the file was analysed"


def confirmed_problem(source: Source, error: Node) -> Problem | None:
    """The problem to report for a file in which tree-sitter found ``error``, or None when CPython
    accepts the file (a gap of the grammar: its facts are extracted from the tree as usual)."""
    fallback = Problem(location=source.location(error), kind=KIND, message=f"syntax error; {ANALYSED}")
    try:
        text = source.data.decode("utf-8")  # already UTF-8 (recoded from a PEP 263 encoding if declared)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings (invalid escapes) are not envlint's output
            ast.parse(text, filename=source.path)
    except SyntaxError as exc:
        if not exc.lineno:
            return fallback
        line, column = exc.lineno, max(exc.offset or 1, 1)
        where = Location(source.path, line, column)
        newer = _newer_syntax(text.splitlines()[line - 1] if line <= text.count("\n") + 1 else "")
        if newer:
            return Problem(
                location=where,
                kind=NEWER,
                message=f"syntax of Python {newer} or newer, which the Python running envlint "
                f"does not parse ({exc.msg}); the rest of the file was analysed",
            )
        return Problem(location=where, kind=KIND, message=f"syntax error ({exc.msg}); {ANALYSED}")
    except (RecursionError, MemoryError, ValueError, UnicodeDecodeError):
        # A hostile file (thousands of nested brackets, NUL bytes) can exhaust CPython's parser where
        # tree-sitter did not: tree-sitter's verdict stands, as before this check existed.
        return fallback
    return None


def _newer_syntax(line: str) -> str | None:
    """The Python version that made ``line`` valid, when it is written in syntax newer than 3.11."""
    return next((version for pattern, version in _NEWER_SYNTAX if pattern.match(line)), None)
