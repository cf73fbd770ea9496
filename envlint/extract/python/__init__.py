"""Python extraction: one file's bytes -> FileFacts (reads, process sets, launch sites, imports).

Tree-sitter finds the candidates (rules/python/*.scm); the modules here decide what they mean:
names.py (imports, aliases, bindings per scope), values.py (literals through variables), reads.py and
required.py, process_sets.py, envdict.py (`env=` mappings), argv.py and launches.py.
"""

from __future__ import annotations

from ...model import FileFacts, Location, Problem
from .. import syntax
from ..syntax import Source
from .launches import find_launches
from .names import FileIndex
from .process_sets import find_process_sets
from .reads import build_reads, find_reads

__all__ = ["extract_python_file"]


def extract_python_file(path: str, data: bytes) -> FileFacts:
    """Facts of one Python file. Never raises: a syntax error still yields the facts of what parsed."""
    source = Source(path, data)
    problems: list[Problem] = []
    try:
        tree = syntax.parse("python", data)
        error = syntax.first_error(tree)
        if error is not None:
            problems.append(Problem(source.location(error), "syntax-error",
                                    "syntax error; the rest of the file was analysed"))
        index = FileIndex(source, tree.root_node)
        uses_os = index.imports_any("os")
        reads = build_reads(index, find_reads(index)) if uses_os else []
        process_sets = find_process_sets(index) if uses_os else []
        launches = find_launches(index) if index.imports_any("subprocess", "asyncio") else []
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the run; it is reported instead
        problems.append(Problem(Location(path, 1, 1), "extract-error", f"extraction failed: {exc!r}"))
        return FileFacts(path, "python", problems=tuple(problems))
    return FileFacts(
        path=path,
        language="python",
        imports=tuple(index.imports),
        reads=tuple(reads),
        process_sets=tuple(process_sets),
        launch_sites=tuple(launches),
        problems=tuple(problems),
        reads_dynamic=any(read.name is None for read in reads),
    )
