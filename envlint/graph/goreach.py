"""Reads a Go program never reaches: those in a top-level function that no file of the program refers
to (a test helper in a shared package, called only from `_test.go` files, which are not read). Methods
are kept (an interface call names no type), and so are `main`, `init` and reads outside functions.

A worker records every name a Go file refers to (extract/golang/references.py) as one space-separated
string, `referenced_words`: as a set of strings it was half the facts a run held (31 of 65 MB on the
2x bench corpus), pickled back from every worker. After resolution (the resolver makes the reads of
calls of another package's wrappers, and their functions count), mark_references narrows each file's
words to the functions asked about here: all that unreached_reads needs, for the union over a
program's files.
"""

from __future__ import annotations

import dataclasses

from ..model import FileFacts, Location


def _asked(function: str | None) -> bool:
    """Whether a read in ``function`` may go unreached: a top-level function other than main and init."""
    return function is not None and function not in ("", "main", "init") and "." not in function


def mark_references(facts: list[FileFacts]) -> list[FileFacts]:
    """The facts with each Go file's `referenced_words` narrowed to `references`: the functions holding
    a Go read, of any program, that the file refers to."""
    names = frozenset(r.function for f in facts if f.language == "go" for r in f.reads if _asked(r.function))
    return [dataclasses.replace(f, references=names.intersection(f.referenced_words.split()), referenced_words="")
            if f.referenced_words else f for f in facts]


def unreached_reads(facts: list[FileFacts]) -> frozenset[Location]:
    go = [f for f in facts if f.language == "go"]
    if not go:
        return frozenset()
    referenced: set[str] = set()
    for item in go:
        referenced |= item.references
    return frozenset(r.location for f in go for r in f.reads if _asked(r.function) and r.function not in referenced)
