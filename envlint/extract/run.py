"""Run the extractors over discovered files: read their bytes (load.py), group Go packages and the
configuration that refers across files into units, and extract each unit.

Every problem with one file becomes a `Problem` on that file; the other files are still analysed.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..discover import SourceFile
from ..kinds import FILE_KINDS
from ..model import FileFacts, Location, Problem
from .cache import Encoded, UnitCache, encoded, finish_run, run_cached
from .load import load, loader

if TYPE_CHECKING:
    from .pool import Unit


def _guarded(paths: list[str], run: Callable[[], list[FileFacts]], language: str) -> list[FileFacts]:
    """An extractor bug or a pathological file must cost one file, not the whole run."""
    try:
        return run()
    except RecursionError:
        message, kind = "nested too deeply to analyse; skipped", "too-deep"
    except Exception as exc:  # noqa: BLE001 - reported as a problem with the file, never a traceback
        message, kind = f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped", "internal-error"
    return [
        FileFacts(
            path=p, language=language, problems=(Problem(location=Location(p, 1, 1), kind=kind, message=message),)
        )  # type: ignore[arg-type]
        for p in paths
    ]


# Go packages none of whose files the byte prefilter wants are extracted for their headers only
# (go_units.py), and the files it does not want in a whole package are light (golang/light.py); tests
# turn it off to check that no fact depends on it.
PREFILTER = True


def _extract_unit(unit: Unit) -> list[FileFacts]:
    # Each extractor is imported when a unit first needs it: a repository without Go never imports the
    # Go extractor (15 ms of a 0.22 s cold run on a small repository; tests/test_meta.py).
    language, members = unit
    paths = [p for p, _ in members]
    if language in ("go", "go-all"):  # go-all: a whole package again, every file in full (go_units.light_promoted)
        from .golang.package import extract_go_package
        return _guarded(paths, lambda: extract_go_package(members, everything=language == "go-all"), "go")
    if language == "go-headers":  # a package no file of which the prefilter wants (go_units.py)
        from .golang.headers import extract_go_headers
        return _guarded(paths, lambda: extract_go_headers(members), "go")
    if language in ("compose", "kubernetes"):
        from .config import extract_config
        return _guarded(paths, lambda: extract_config(language, members), language)
    extract, filed = _single(language)
    return _guarded(paths, lambda: extract(*members[0]), filed)


def _single(language: str) -> tuple[Callable[[str, bytes], list[FileFacts]], str]:
    """The extractor of a unit of one file, and the language its problems are filed under."""
    if language == "python":
        from .python.file import extract_python_file
        return (lambda path, data: [extract_python_file(path, data)]), "python"
    if language == "shell":
        from .shell import extract_shell_file
        return (lambda path, data: [extract_shell_file(path, data)]), "shell"
    if language == "config":
        from .placeholders import extract_placeholders
        return extract_placeholders, "config"
    if language == "workflow":
        from .workflows import extract_workflow
        return extract_workflow, "config"
    if language == "dockerfile":
        from .dockerfile_runs import extract_dockerfile_runs
        return extract_dockerfile_runs, "dockerfile"
    from .process_managers import extract_procfile, extract_supervisor_config, extract_systemd_unit
    return {"systemd-unit": extract_systemd_unit, "procfile": extract_procfile,
            "supervisor": extract_supervisor_config}[language], "config"


def _extract_stored(unit: Unit) -> tuple[list[FileFacts], Encoded]:
    """A unit's facts with their cache entry's body, both made where the unit is extracted."""
    facts = _extract_unit(unit)
    return facts, encoded(facts)


def _extract_bare(unit: Unit) -> tuple[list[FileFacts], Encoded]:
    """A unit's facts, for a cache that stores nothing (the body is never used)."""
    return _extract_unit(unit), b""


# Which extractor reads which kind of discovered file: the registry's units (envlint/kinds.py).
# Configuration extractors get all their files at once: overlays, env files, ConfigMaps and chart helpers
# refer to each other across files. A Makefile is read on its own (its `go build`s) and, below, handed to
# the compose unit too (the compose files it runs).
_CONFIG_UNITS = {k.name: k.unit for k in FILE_KINDS.values() if k.unit in ("compose", "kubernetes") and k.name != "makefile"}
_READ_KINDS = tuple(k.name for k in FILE_KINDS.values() if k.unit is not None and k.name not in _CONFIG_UNITS)


def _size(units: list[Unit]) -> int:
    return sum({path: len(data) for _, members in units for path, data in members}.values())


def _one_per_path(facts: list[FileFacts]) -> list[FileFacts]:
    """A file read by two extractors (a manifest that is also a program's config) is one record."""
    by_path: dict[str, FileFacts] = {}
    for item in facts:
        first = by_path.get(item.path)
        if first is None:
            by_path[item.path] = item
        else:
            by_path[item.path] = dataclasses.replace(
                first, reads=first.reads + item.reads, launch_sites=first.launch_sites + item.launch_sites,
                problems=first.problems + item.problems, notes=first.notes + item.notes)
    return [by_path[path] for path in sorted(by_path)]


Loaded = dict[str, tuple[bytes | None, Problem | None]]  # path -> load()'s result


def read_sources(root: Path, files: tuple[SourceFile, ...]) -> Loaded:
    """load() of every file extraction reads: what extract_all works from when given it, and what the
    whole-run cache (envlint/run_cache.py) hashes to know that nothing changed."""
    read = loader(root)
    return {s.path: read(s) for s in files if s.kind in _READ_KINDS or s.kind in _CONFIG_UNITS}


def extract_all(root: Path, files: tuple[SourceFile, ...], cache: UnitCache | None = None,
                jobs: int | None = None,
                read: Loaded | None = None) -> tuple[list[FileFacts], list[Problem], dict[str, bytes]]:
    # Imported here: a run the whole-run cache answers (run_cache.py) reads files with load() and
    # needs none of the extractors' modules.
    from .callers import mark_no_caller
    from .pool import run_units, stream_units
    from .compose.sniff import looks_like_compose
    from .go_units import light_promoted, promoted, split_packages
    from .process_managers import is_supervisor_config
    from .workflows import is_workflow

    problems: list[Problem] = []
    notes: list[FileFacts] = []
    units: list[Unit] = []
    go_packages: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    config: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    size = 0
    texts: dict[str, bytes] = {}  # what was read, searched for the callers of launchers' functions
    for source in files:
        if source.kind not in _READ_KINDS and source.kind not in _CONFIG_UNITS:
            continue
        data, problem = read[source.path] if read is not None else load(root, source)
        if problem is not None and problem.kind == "generated":
            # Over the size limit and generated (a CRD schema, a protobuf binding): left out, said in facts.
            notes.append(FileFacts(path=source.path, language="config", notes=(problem,)))
            continue
        if problem is not None:
            # A configuration file is read only for its placeholders: one envlint cannot read (binary,
            # huge, another encoding) leaves no launch site or program unanalysed.
            if source.kind not in ("template", "dockerfile", "makefile"):  # a Dockerfile's problems are the projects'
                problems.append(problem)
            continue
        assert data is not None
        size += len(data)
        texts[source.path] = data
        if source.kind == "go":
            go_packages[source.path.rpartition("/")[0]].append((source.path, data))
        elif source.kind in ("python", "shell", "systemd-unit", "procfile"):
            units.append((source.kind, [(source.path, data)]))
        if source.kind in ("yaml", "template"):  # a YAML file may be a manifest and a program's config
            units.append(("config", [(source.path, data)]))
        if source.kind == "template" and is_supervisor_config(data):  # supervisord.conf, conf.d/*.conf
            units.append(("supervisor", [(source.path, data)]))
        if source.kind == "yaml" and is_workflow(source.path):
            units.append(("workflow", [(source.path, data)]))
        if source.kind == "dockerfile":  # its `RUN A=1 ./prog` lines; ENV and CMD are read by projects
            units.append(("dockerfile", [(source.path, data)]))
        if source.kind in _CONFIG_UNITS:
            config[_CONFIG_UNITS[source.kind]].append((source.path, data))
        if source.kind == "yaml" and looks_like_compose(data):  # a compose file by content (`-f` any name)
            config["compose"].append((source.path, data))
        if source.kind == "makefile":  # a Makefile that runs a compose file gives it names
            config["compose"].append((source.path, data))
    whole, headers = split_packages(go_packages) if PREFILTER else (sorted(go_packages), [])
    units.extend(("go" if PREFILTER else "go-all", go_packages[folder]) for folder in whole)
    units.extend(("go-headers", go_packages[folder]) for folder in headers)
    units.extend((kind, config[kind]) for kind in sorted(config))

    def extract(todo: list[Unit]) -> list[FileFacts]:
        """The units' facts, from the cache when there is one; the rest in a pool when their files
        (each counted once) are many."""
        if cache is None:
            return [f for result in run_units(todo, size, jobs, _extract_unit) for f in result]
        # Entry bodies are made only for a cache that is written (`--no-cache` reads none and writes none).
        work = _extract_stored if cache.entries is not None and cache.writable else _extract_bare
        return [f for result in run_cached(todo, lambda missing: stream_units(missing, _size(missing), jobs, work), cache)
                for f in result]

    extracted = extract(units)
    module_roots = {s.path.rpartition("/")[0] for s in files if s.kind == "go-mod"}
    pending = {folder: go_packages[folder] for folder in headers}
    while True:  # until no whole package needs another, nor a light file of one a full extraction
        more = promoted(extracted, pending, module_roots)
        full = light_promoted(extracted, go_packages) if PREFILTER else []
        if not more and not full:
            break
        again = {path for folder in more for path, _ in pending.pop(folder)}
        again |= {path for folder in full for path, _ in go_packages[folder]}
        extracted = [f for f in extracted if f.path not in again] + extract(
            [("go", go_packages[folder]) for folder in more] + [("go-all", go_packages[folder]) for folder in full])
    if cache is not None:
        finish_run(cache)
    facts = mark_no_caller(_one_per_path(extracted + notes), texts)
    for item in facts:
        problems.extend(item.problems)
    problems.sort(key=lambda p: (p.location, p.kind))
    # What was read, for extract/projects.py to parse Dockerfiles and build files without reading again.
    return facts, problems, texts
