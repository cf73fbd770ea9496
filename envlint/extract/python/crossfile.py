"""The per-file part of cross-module facts: constants, imported names, settings classes; `PythonExtra`.

What the file alone decides becomes reads now (settings classes whose bases are all in the file or the
library, same-module helper calls); what needs another module is recorded in `PythonExtra` for
envlint/resolve/python.py.
"""

from __future__ import annotations

from ...model import Read
from ..syntax import text
from .extra import ClassInfo, NameRef, PendingName
from .names import FileIndex
from .settings_reads import settings_reads, without_class
from .values import literals


def module_constants(index: FileIndex) -> list[tuple[str, str]]:
    """Module-level `NAME = "value"` (through other constants and concatenations)."""
    found: dict[str, str] = {}
    for statement in index.root.named_children:
        first = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children else None
        if first is None or first.type != "assignment":
            continue
        left, right = first.child_by_field_name("left"), first.child_by_field_name("right")
        if left is None or left.type != "identifier" or right is None or right.type in ("call", "list", "dictionary"):
            continue
        values = literals(index, left)  # every `=` of the name at module level must agree
        if values is not None and len(values) == 1:
            found[text(left)] = values[0].value
    return sorted(found.items())


def module_imports(index: FileIndex) -> list[tuple[str, NameRef]]:
    """Names imported at module level, so that another module's `from .this import X` can follow them."""
    return sorted(index.from_imports.items(), key=lambda item: item[0])


def pending_names(index: FileIndex, keys: list[tuple[object, Read]]) -> list[PendingName]:
    """Reads whose name expression is an imported constant: `os.getenv(OLLAMA_URL_VAR)`, `c.X`."""
    pending = []
    for key, read in keys:
        if read.name is None and key is not None:
            ref = index.import_ref(key)  # type: ignore[arg-type]
            if ref is not None:
                pending.append(PendingName(read.location, ref))
    return pending


def class_reads(classes: list[ClassInfo]) -> tuple[list[Read], list[str]]:
    """Reads of the file's settings classes, and the classes to complete in the resolver.

    A settings class that another settings class of the file extends is taken as a base only: its
    fields are read under the subclass's prefix, so its own reads (without that prefix) would be
    names the program never reads. The resolver does the same for bases in other modules."""
    by_name = {c.name: c for c in classes}

    def lookup(ref: NameRef, where: None) -> tuple[ClassInfo, None] | None:
        found = by_name.get(ref.name) if ref.local else None
        return (found, None) if found is not None else None

    reads: list[Read] = []
    unresolved: list[str] = []
    bases: set[str] = set()
    for info in classes:
        found, complete = settings_reads(info, None, lookup)
        if found:
            bases.update(b.name for b in info.bases if b.local)
        reads.extend(found)
        if not complete:
            unresolved.append(info.name)
    for name in bases:
        reads = without_class(tuple(reads), name)
    return reads, unresolved
