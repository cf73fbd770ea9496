"""Which of the functions that hold a Go read each Go file refers to (FileFacts.references), for
graph/goreach.py: a read in a top-level function no file of a program refers to never runs in it.

Found once extraction and resolution are done (the resolver makes the reads of calls of another
package's wrappers, and their functions count), from the bytes read, rather than per file in the
workers: a file's whole set of referenced names (golang/references.py) was half the facts a run held
(31 of 65 MB on the 2x bench corpus) and was pickled back from every worker, while goreach only asks
about the functions that hold a read. The answer is the same: goreach asks whether such a function is
in the union of the files' sets, and a file's set meets those functions only where its bytes spell one
of them (a referenced name is a run of the file's word characters), so the other files are not
tokenised at all.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import FileFacts
from .golang.references import referenced_names

# Reads outside these are reached by construction (goreach.py keeps methods, main, init).
_ALWAYS_RUN = ("main", "init")


def candidates(facts: list[FileFacts]) -> frozenset[str]:
    """The top-level functions, other than main and init, that hold a Go read."""
    return frozenset(r.function for f in facts if f.language == "go" for r in f.reads
                     if r.function and "." not in r.function and r.function not in _ALWAYS_RUN)


def mark_references(facts: list[FileFacts], texts: dict[str, bytes]) -> list[FileFacts]:
    """The facts with `references` set on each Go file to the candidates it refers to."""
    names = candidates(facts)
    if not names:
        return facts
    spelled = re.compile(b"|".join(re.escape(n.encode()) for n in sorted(names, key=len, reverse=True)))
    out = []
    for item in facts:
        data = texts.get(item.path) if item.language == "go" else None
        if data is not None and spelled.search(data):
            found = referenced_names(data) & names
            if found:
                item = dataclasses.replace(item, references=found)
        out.append(item)
    return out
