"""One Python file's extraction: its bytes -> its FileFacts (see __init__.py for the modules)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ...model import FileFacts, Location, Problem, Read
from .. import syntax
from ..syntax import Node, Source
from .confirm import NEWER, confirmed_problem
from .crossfile import class_reads, module_constants, module_imports, pending_names
from .extra import NameRef, PythonExtra
from .helpers import find_calls, find_helpers, local_reads, outside
from .launches import find_launches
from .sdk_launches import find_sdk_launches
from .libraries import LIBRARIES, library_facts
from .names import FileIndex
from .process_sets import find_process_sets
from .reads import build_reads, find_reads
from .scope import forget_scopes, main_block_lines, remember_scopes
from .whole_env import read_prefixes
from .settings import find_classes
from .star_calls import module_definitions, star_calls, stars

__all__ = ["extract_python_file"]


def _shebang(data: bytes) -> str:
    """The interpreter a `#!` line names (`/usr/bin/env bash` -> `bash`), or ""."""
    if not data.startswith(b"#!"):
        return ""
    words = data[2:].split(b"\n", 1)[0].decode("utf-8", "replace").split()
    if words and words[0].endswith("/env") and len(words) > 1:
        words = [w for w in words[1:] if not w.startswith("-")] or [""]
    return words[0].rsplit("/", 1)[-1] if words else ""


# Whether a file may import these modules: an import spells the module's name as a word, so a file in
# which none of them is a word imports none of them (a superset of `FileIndex.imports_any`, which is
# known only once the imports are read).
_MAY_IMPORT = (
    (("os",), ("env_reads", "env_sets")),
    (("subprocess", "asyncio"), ("subprocess_calls",)),
    (("docker", "testcontainers"), ("docker_sdk_calls",)),
)
_WORD_ENDS = {m: re.compile(re.escape(m.encode()) + rb"\b") for modules, _ in _MAY_IMPORT for m in modules}
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _names_word(data: bytes, word: str) -> bool:
    """`re.search(rb"\bWORD\b", data)`, ten times faster: a pattern that starts with a literal is
    searched for by that literal, one that starts with \b is tried at every byte."""
    for found in _WORD_ENDS[word].finditer(data):
        start = found.start()
        if start == 0 or data[start - 1] not in _WORD_BYTES:
            return True
    return False


_BASE = ("imports", "scopes", "assignments", "calls", "classes")
# A combination of queries is compiled once per process, at 4 to 14 ms (more patterns, more time): a
# repository's files want 4 to 7 of them, most of those for a few files. Until the files that want a
# combination hold _EXACT_AFTER bytes, they run all of the queries instead, the matches of those they do
# not want dropped (which costs about 7 ms a megabyte), so that a rare combination is never compiled
# (a ski rental: compiling costs about what running the extra patterns over a megabyte does).
_ALL = _BASE + tuple(name for _, names in _MAY_IMPORT for name in names)
_EXACT_AFTER = 1_000_000
_WANTED: Counter[tuple[str, ...]] = Counter()


def _queries(data: bytes) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...] | None]:
    """The queries the file may be asked, run in one pass (syntax.prefetch) with the imports: the
    reads and sets of os, subprocess launches and the Docker SDK only where the file may import them
    (they are asked only where it does; a file that names a module it does not import just runs a
    query whose matches nobody asks for); and the queries known to find nothing, whose anchors the
    file does not hold (prefetch answers them without searching its bytes for the anchors again)."""
    out = _BASE
    empty: tuple[str, ...] = ()
    for modules, names in _MAY_IMPORT:
        anchored = tuple(name for name in names if _anchored(data, name))
        empty += tuple(name for name in names if name not in anchored)
        # The word search only where a query would run: without anchors none of them would.
        if anchored and any(_names_word(data, m) for m in modules):
            out += anchored
    if out == _BASE:
        return out, empty, None
    exact = _WANTED[out] >= _EXACT_AFTER
    _WANTED[out] += len(data)
    return out, empty, (None if exact else _ALL)


def _anchored(data: bytes, name: str) -> bool:
    """Whether syntax.prefetch runs the query ``name`` on ``data`` (as it tests it)."""
    anchors = syntax.anchors("python", name)
    return not anchors or any(a in data for a in anchors)


class _Source(Source):
    """`Source` whose node locations need no table of the file's line starts: a node's line starts
    `column` bytes before the node, as tree-sitter counts rows at each "\n" and columns in bytes, like
    the table (a file with one located node no longer splits all of its lines)."""

    def location(self, node: Node) -> Location:
        row, column = node.start_point
        start = node.start_byte
        return Location(self.path, row + 1, len(self.data[start - column:start].decode("utf-8", "replace")) + 1)


def extract_python_file(path: str, data: bytes) -> FileFacts:
    """Facts of one Python file. Never raises: a syntax error still yields the facts of what parsed."""
    try:
        return _extract(path, data)
    finally:
        forget_scopes()
        syntax.release()  # the file's tree and matches are not needed by the next one


def _extract(path: str, data: bytes) -> FileFacts:
    source = _Source(path, data)
    problems: list[Problem] = []
    notes: list[Problem] = []
    interpreter = _shebang(data)
    if interpreter and "python" not in interpreter:
        # `manage.py` starting `#!/bin/sh` is a shell script with a Python name: not Python, not broken.
        note = Problem(
            location=Location(path, 1, 1),
            kind="not-python",
            message=f"a {interpreter} script with a .py name; not read",
        )
        return FileFacts(path=path, language="python", notes=(note,))
    try:
        tree = syntax.parse("python", data)
        error = syntax.first_error(tree)
        problem = confirmed_problem(source, error) if error is not None else None
        if problem is not None and problem.kind == NEWER:
            notes.append(problem)  # valid Python of a newer version: said in facts, not a finding
        elif problem is not None:
            problems.append(problem)
        syntax.prefetch("python", tree.root_node, data, *_queries(data))
        remember_scopes(tree.root_node, [m["scope"][0] for m in syntax.matches("python", "scopes", tree.root_node)])
        index = FileIndex(source, tree.root_node)
        uses_os = index.imports_any("os")
        raws = find_reads(index) if uses_os else []
        reads = build_reads(index, raws)
        process_sets = find_process_sets(index) if uses_os else []
        launches = find_launches(index) if index.imports_any("subprocess", "asyncio") else []
        launches += find_sdk_launches(index) if index.imports_any("docker", "testcontainers") else []
        prefixes = read_prefixes(index) if uses_os else ()
        whole_env = "" in prefixes  # every name; a prefix family is not
        reads, extra = _more_reads(index, raws, reads, whole_env)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the run; it is reported instead
        problems.append(Problem(location=Location(path, 1, 1), kind="internal-error",
                                message=f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped"))
        return FileFacts(path=path, language="python", problems=tuple(problems))
    return FileFacts(
        path=path,
        language="python",
        imports=tuple(index.imports),
        reads=tuple(reads),
        process_sets=tuple(process_sets),
        launch_sites=tuple(launches),
        problems=tuple(problems),
        notes=tuple(notes),
        reads_dynamic=any(read.name is None for read in reads) or whole_env,
        read_prefixes=prefixes,
        extra=extra,
    )


def _more_reads(index: FileIndex, raws: list, reads: list[Read],
                whole_env: bool) -> tuple[list[Read], PythonExtra | None]:
    """Reads through libraries, helpers and settings classes, and the facts other modules need."""
    helpers = find_helpers(index, raws, reads)
    # Only libraries, same-module helpers and repository modules make calls worth a query.
    wanted = bool(helpers) or index.imports_any(*LIBRARIES) or any(
        not outside(NameRef(i.module, i.level, "")) for i in index.imports)
    calls = syntax.matches("python", "calls", index.root) if wanted else []
    library, loads = library_facts(index, calls) if index.imports_any(*LIBRARIES) else ([], [])
    helper_calls = find_calls(index, calls, helpers) + star_calls(index, calls)
    helper_reads, pending_calls = local_reads(helpers, helper_calls)
    classes, settings_loads = find_classes(index)
    settings, unresolved = class_reads(classes)
    keyed = [(raw.key, read) for raw, read in zip(raws, reads)]
    # The read inside a helper is what its callers read: their calls are the facts, as for Go wrappers.
    # Kept, its unknown name would make the whole service "reads names it cannot resolve".
    helper_names = {h.name for h in helpers}
    reads = [r for r in reads if not (r.name is None and r.function in helper_names)]
    all_reads = sorted(reads + library + helper_reads + settings, key=lambda r: r.location)
    blocks = main_block_lines(index.root)
    if blocks:  # which reads run only when the file is the program's entry (see envlint/graph/services.py)
        def in_main(line: int) -> bool:
            return any(start <= line <= end for start, end in blocks)
        all_reads = [dataclasses.replace(r, script_only=True) if in_main(r.location.line) else r for r in all_reads]
        pending_calls = [dataclasses.replace(c, script_only=True) if in_main(c.location.line) else c
                         for c in pending_calls]
    extra = PythonExtra(
        constants=tuple(module_constants(index)),
        imports=tuple(module_imports(index)),
        helpers=tuple(helpers),
        calls=tuple(pending_calls),
        pending=tuple(pending_names(index, keyed)),
        classes=tuple(classes),
        unresolved_classes=tuple(unresolved),
        dotenv=tuple(loads + settings_loads),
        stars=tuple(stars(index)),
        functions=tuple(module_definitions(index.root)),
        whole_env=whole_env,
    )
    return all_reads, (extra if extra != PythonExtra() else None)
