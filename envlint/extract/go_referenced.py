"""Which of the top-level functions that hold a Go read each Go file refers to (FileFacts.references),
for graph/goreach.py: a read in a top-level function no file of a program refers to never runs in it.

A worker records every name a Go file refers to (golang/references.py) as one space-separated string,
`referenced_words`: as a set of strings it was half the facts a run held (31 of 65 MB on the 2x bench
corpus), pickled back from every worker. Once extraction and resolution are done (the resolver makes
the reads of calls of another package's wrappers, and their functions count), each file keeps only
the read-holding functions among its words: all that goreach asks of it, for the union over a
program's files.
"""

from __future__ import annotations

import dataclasses

from ..model import FileFacts

# Reads outside these are reached by construction (goreach.py keeps methods, main, init).
_ALWAYS_RUN = ("main", "init")


def candidates(facts: list[FileFacts]) -> frozenset[str]:
    """The top-level functions, other than main and init, that hold a Go read."""
    return frozenset(r.function for f in facts if f.language == "go" for r in f.reads
                     if r.function and "." not in r.function and r.function not in _ALWAYS_RUN)


def mark_references(facts: list[FileFacts]) -> list[FileFacts]:
    """The facts with each Go file's `referenced_words` narrowed to `references`, the candidates it
    refers to."""
    names = candidates(facts)
    return [dataclasses.replace(f, references=names.intersection(f.referenced_words.split()), referenced_words="")
            if f.referenced_words else f for f in facts]
