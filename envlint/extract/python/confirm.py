"""Confirm a syntax error that tree-sitter found with CPython's own parser before reporting it.

The tree-sitter grammar lags the language and misreads some valid code: `f"{msg:=^40}"` (a format spec
whose fill character is `=`) reads as a walrus. A problem on a valid file fails CI for nothing, so a
tree with an ERROR or MISSING node is re-parsed with `ast.parse`, the reference; files that tree-sitter
parsed cleanly are never re-parsed, so this costs nothing on them.

There is no `--target-version`: this is the running interpreter's parser (3.11 or newer). A file valid
only in a newer Python than the one running envlint is still reported; that is accepted, and running
envlint on the repository's own Python version avoids it.
"""

from __future__ import annotations

import ast
import warnings

from ...model import Location, Problem
from ..syntax import Node, Source

KIND = "syntax-error"
ANALYSED = "the rest of the file was analysed"


def confirmed_problem(source: Source, error: Node) -> Problem | None:
    """The problem to report for a file in which tree-sitter found ``error``, or None when CPython
    accepts the file (a gap of the grammar: its facts are extracted from the tree as usual)."""
    fallback = Problem(source.location(error), KIND, f"syntax error; {ANALYSED}")
    try:
        text = source.data.decode("utf-8")  # already UTF-8 (recoded from a PEP 263 encoding if declared)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings (invalid escapes) are not envlint's output
            ast.parse(text, filename=source.path)
    except SyntaxError as exc:
        if not exc.lineno:
            return fallback
        line, column = exc.lineno, max(exc.offset or 1, 1)
        return Problem(Location(source.path, line, column), KIND, f"syntax error ({exc.msg}); {ANALYSED}")
    except (RecursionError, MemoryError, ValueError, UnicodeDecodeError):
        # A hostile file (thousands of nested brackets, NUL bytes) can exhaust CPython's parser where
        # tree-sitter did not: tree-sitter's verdict stands, as before this check existed.
        return fallback
    return None
