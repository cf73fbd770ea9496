"""One Go package's extraction: its files -> one FileFacts per file (see __init__.py for the modules)."""

from __future__ import annotations

from dataclasses import replace

from ...model import EnvSet, FileFacts, Read
from .. import syntax
from ..syntax import Node
from .index import GoFile, PackageIndex, build_index, call_matches, enclosing_function, function_name
from .light import light_candidates, still_light, summarise, summarised
from .calls import package_extra, selector_reads
from .headers import failed, header_facts
from .flags import flag_reads
from .kingpin import kingpin_reads
from .inherited import InheritedGuards, with_inherited
from .launches import find_launches
from .reads import analyse_read, make_read, reader_form
from .sdk import sdk_launches
from .structs import struct_types
from .tagged import parses_tags, tagged_reads
from .viper import viper_reads
from .wrappers import Wrapper, extend_wrappers, find_wrapper, lookup, wrapper_read

__all__ = ["extract_go_package"]

Captures = dict[str, list[Node]]


def _setenv(go_file: GoFile, captures, index: PackageIndex) -> EnvSet | None:
    if syntax.text(captures["function"][0]) != "Setenv" or not go_file.is_package(syntax.text(captures["package"][0]), "os"):
        return None
    arguments = captures["arguments"][0].named_children
    if not arguments:
        return None
    call = captures["call"][0]
    name = index.string(arguments[0])
    value = index.string(arguments[1]) if len(arguments) > 1 else None
    return EnvSet(name=name, location=go_file.source.location(call), value=value,
                  name_text="" if name is not None else syntax.text(arguments[0]),
                  function=function_name(enclosing_function(call)))


def extract_go_package(files: list[tuple[str, bytes]], everything: bool = False) -> list[FileFacts]:
    """One FileFacts per file, in input order; files that need no extraction of their own are light
    (light.py) unless ``everything``. Never raises: an extractor bug costs the file it hit (or, while
    indexing, the package) a Problem, not the run."""
    try:
        return _extract(files, everything)
    finally:
        syntax.release()  # the package's trees and matches are not needed by the next unit


def _extract(files: list[tuple[str, bytes]], everything: bool) -> list[FileFacts]:
    try:
        candidates = light_candidates(files, everything)
        index = build_index(files, candidates, summarise if summarised(files) else None)
        # A light candidate holds no os.Getenv/Setenv/exec.Command call: the prefilter's anchors.
        calls = {f.path: [] if f.path in candidates else call_matches("package_calls", f) for f in index.files}
        # The calls of the files whose trees are kept; a summarised light file's once it spells a wrapper.
        local_calls = {f.path: call_matches("local_calls", f) for f in index.files if f.light is None}
        direct_wrappers, direct = _direct_reads(index, calls)
        wrappers, names = _wrappers(index, direct_wrappers, local_calls)
        light = {f.path for f in index.files if f.path in candidates and still_light(f.source.data, names)}
        selector = {f.path: [] if f.path in light else call_matches("selector_calls", f) for f in index.files}
        # Reads whose location is a struct field or another file than the call's: placed by path.
        types = struct_types(index) if any(parses_tags(f) for f in index.files) else {}
        inherited = InheritedGuards(index, local_calls)
        placed = viper_reads(index, selector) + [r for f in index.files if parses_tags(f)
                                                 for r in tagged_reads(f, index, selector[f.path], types)]
    except Exception as exc:  # noqa: BLE001 - reported as a problem of every file of the package
        return [failed(path, exc) for path, _ in files]
    out = []
    for go_file in index.files:
        if go_file.path in light:
            out.append(_light_facts(go_file, index, placed, inherited, wrappers))
            continue
        try:
            facts = _file_facts(go_file, index, calls[go_file.path], local_calls[go_file.path],
                                direct[go_file.path], wrappers)
            reads = facts.reads + tuple(r for path, r in placed if path == go_file.path) + \
                selector_reads(go_file, index, selector[go_file.path], wrappers)
            composites = syntax.matches("go", "composites", go_file.root)
            reads += tuple(flag_reads(go_file, index, composites))
            reads += tuple(kingpin_reads(go_file, index, selector[go_file.path]))
            sites = facts.launch_sites + tuple(sdk_launches(go_file, index, composites))
            reads = tuple(sorted(dict.fromkeys(with_inherited(r, inherited) for r in reads), key=lambda r: r.location))
            dynamic = any(r.name is None for r in reads)
            out.append(replace(facts, reads=reads, launch_sites=sites, reads_dynamic=dynamic,
                               extra=package_extra(go_file, index, selector[go_file.path], wrappers, sites)))
        except Exception as exc:  # noqa: BLE001 - reported as a problem of this file
            out.append(failed(go_file.path, exc))
    return out


def _wrappers(index: PackageIndex, direct: dict[str, Wrapper], local_calls: dict[str, list[Captures]]
              ) -> tuple[dict[str, Wrapper], set[str]]:
    """The direct wrappers extended through the package's calls (extend_wrappers), and their names.

    One pass over every file's calls would give the same: a call can only make a wrapper of its function
    when it calls a wrapper by name, so a summarised light file that spells no wrapper's name adds none
    and is not asked. One that does is parsed again and its calls join, in file order, and the extension
    starts over, until no other file spells a name; the wrappers are then those of the single pass."""
    while True:
        wrappers = dict(direct)
        extend_wrappers(wrappers, [c for f in index.files if f.path in local_calls for c in local_calls[f.path]], index)
        names = {key.rsplit(":", 1)[-1].lstrip(".") for key in wrappers}
        spelling = [f for f in index.files if f.path not in local_calls and not still_light(f.source.data, names)]
        if not spelling:
            return wrappers, names
        for go_file in spelling:
            local_calls[go_file.path] = call_matches("local_calls", go_file)


def _light_facts(go_file: GoFile, index: PackageIndex, placed: list[tuple[str, Read]],
                 inherited: InheritedGuards, wrappers: dict[str, Wrapper]) -> FileFacts:
    """A light file's facts: its header, the reads other files place in it, its exported constants and
    wrappers for the resolver; no calls into other packages (light.py)."""
    try:
        reads = tuple(sorted(dict.fromkeys(with_inherited(r, inherited) for path, r in placed if path == go_file.path),
                             key=lambda r: r.location))
        extra = replace(package_extra(go_file, index, [], wrappers, ()), light=True)
        header = go_file.light.header_facts() if go_file.light is not None else header_facts(go_file)
        return replace(header, reads=reads, reads_dynamic=any(r.name is None for r in reads),
                       extra=extra)
    except Exception as exc:  # noqa: BLE001 - reported as a problem of this file
        return failed(go_file.path, exc)


def _direct_reads(index: PackageIndex, calls: dict[str, list[Captures]]
                  ) -> tuple[dict[str, Wrapper], dict[str, list[Read]]]:
    """The reads written as os.Getenv & co., and the wrappers: functions whose parameter is the name
    read (their inner os.Getenv(key) is no fact; their calls are)."""
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
    return wrappers, direct


def _file_facts(go_file: GoFile, index: PackageIndex, calls: list[Captures], local_calls: list[Captures],
                direct: list[Read], wrappers: dict[str, Wrapper]) -> FileFacts:
    reads = list(direct)
    for captures in local_calls:
        wrapper = lookup(wrappers, captures["call"][0])
        read = wrapper_read(go_file, captures["call"][0], wrapper, index) if wrapper is not None else None
        if read is not None:
            reads.append(read)
    sets = [s for c in calls if (s := _setenv(go_file, c, index)) is not None]
    reads.sort(key=lambda r: r.location)
    return replace(header_facts(go_file), reads=tuple(reads), process_sets=tuple(sets),
                   launch_sites=tuple(find_launches(go_file, index, calls)),
                   reads_dynamic=any(r.name is None for r in reads))
