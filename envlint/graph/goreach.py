"""Reads a Go program never reaches: those in a top-level function that no file of the program refers
to (a test helper in a shared package, called only from `_test.go` files, which are not read). Methods
are kept (an interface call names no type), and so are `main`, `init` and reads outside functions.
"""

from __future__ import annotations

from ..model import FileFacts, Location


def unreached_reads(facts: list[FileFacts]) -> frozenset[Location]:
    go = [f for f in facts if f.language == "go"]
    if not go:
        return frozenset()
    referenced: set[str] = set()
    for item in go:
        referenced |= item.references
    return frozenset(r.location for f in go for r in f.reads
                     if r.function and "." not in r.function and r.function not in ("main", "init")
                     and r.function not in referenced)
