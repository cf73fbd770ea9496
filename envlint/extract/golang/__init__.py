"""Go extraction: the files of one package -> one FileFacts per file.

A package is the unit because names resolve across its files (constants, map literals, wrapper
functions). Tree-sitter finds the candidates (rules/go/*.scm); index.py holds the package's
declarations, reads.py the reads and wrappers, launches.py (with slices.py and values.py) the launch
sites, flow.py the statement-level helpers they share.
"""

from __future__ import annotations

from ...model import EnvSet, FileFacts, ImportRef, Problem, Read
from .. import syntax
from .index import GoFile, PackageIndex, build_index, enclosing_function, function_name
from .launches import find_launches
from .reads import Wrapper, analyse_read, find_wrapper, make_read, reader_form, wrapper_read

__all__ = ["extract_go_package"]


def _setenv(go_file: GoFile, captures, index: PackageIndex) -> EnvSet | None:
    if syntax.text(captures["function"][0]) != "Setenv" or not go_file.is_package(syntax.text(captures["package"][0]), "os"):
        return None
    arguments = captures["arguments"][0].named_children
    if not arguments:
        return None
    call = captures["call"][0]
    name = index.string(arguments[0])
    value = index.string(arguments[1]) if len(arguments) > 1 else None
    return EnvSet(name, go_file.source.location(call), value,
                  name_text="" if name is not None else syntax.text(arguments[0]),
                  function=function_name(enclosing_function(call)))


def extract_go_package(files: list[tuple[str, bytes]]) -> list[FileFacts]:
    index = build_index(files)
    calls = {f.path: syntax.matches("go", "package_calls", f.root) for f in index.files}
    wrappers: dict[str, Wrapper] = {}
    direct: dict[str, list[Read]] = {f.path: [] for f in index.files}
    for go_file in index.files:
        for captures in calls[go_file.path]:
            form = reader_form(go_file, syntax.text(captures["package"][0]), syntax.text(captures["function"][0]))
            arguments = captures["arguments"][0].named_children
            if form is None or not arguments:
                continue
            call = captures["call"][0]
            wrapper = find_wrapper(call, arguments[0], index)
            if wrapper is not None:
                wrappers[wrapper.name] = wrapper
                continue
            default, required, _ = analyse_read(call, index)
            direct[go_file.path].append(make_read(go_file, call, arguments[0], form, index, default, required))
    out = []
    for go_file in index.files:
        reads = list(direct[go_file.path])
        if wrappers:
            for captures in syntax.matches("go", "local_calls", go_file.root):
                wrapper = wrappers.get(syntax.text(captures["function"][0]))
                read = wrapper_read(go_file, captures["call"][0], wrapper, index) if wrapper else None
                if read is not None:
                    reads.append(read)
        sets = [s for c in calls[go_file.path] if (s := _setenv(go_file, c, index)) is not None]
        problems = []
        if go_file.has_error:
            node = _first_error(go_file)
            problems.append(Problem(go_file.source.location(node), "syntax-error",
                                    "syntax error; the rest of the file was analysed"))
        has_main = go_file.package == "main" and any(
            c.type == "function_declaration" and syntax.text(c.child_by_field_name("name")) == "main"
            for c in go_file.root.named_children)
        reads.sort(key=lambda r: r.location)
        out.append(FileFacts(
            path=go_file.path, language="go", package=go_file.package,
            imports=tuple(ImportRef(p) for p in sorted(set(go_file.imports.values()))),
            has_main=has_main, reads=tuple(reads), process_sets=tuple(sets),
            launch_sites=tuple(find_launches(go_file, index, calls[go_file.path])),
            problems=tuple(problems), reads_dynamic=any(r.name is None for r in reads),
        ))
    return out


def _first_error(go_file: GoFile):
    for node in syntax.walk(go_file.root):
        if node.is_error or node.is_missing:
            return node
    return go_file.root
