"""The whole-run cache: when nothing the analysis reads has changed since a run, `check` reuses that
run's checked results (the findings before filter, the graph's problems and counts, the files filter
scans) instead of decoding every unit's facts, building the graph and running the rules.

Why it is exact: discovery and reading still run, and the entry's key hashes every input of the
analysis and the checks: the code of all of envlint (not only extraction's, which the unit cache
hashes), the analysed root and paths, every setting of `Config` but those of presentation (filter and
the renderers run on every run, with the settings of that run), the discovered files and their kinds
and problems, every byte extraction reads (extract_all works from exactly these bytes), and what
`load()` gives for every other discovered file (find_projects reads go.mod, pyproject.toml, setup.cfg;
an env file extraction could not decode is read whole by env_file_entries: its bytes are hashed).
The one read outside the discovered files, the env files a `docker run --env-file` names (maybe a
git-ignored `.env`), is recorded with the text read and checked again before an entry is used. On a
miss, the files outside extraction's bytes are fingerprinted before and after the analysis, and the
entry is written only when they did not change in between.

An entry is JSON read by the validating decoder of the unit cache (extract/codec.py; never pickle: the
folder may come from a stranger), written atomically next to the unit entries (cache_folder.py).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from .config import Config
from .declared import check_declared_roots
from .discover import Discovery, discover
from .extract.cache import UnitCache, code_hash
from .extract.cache_folder import prune_runs, read_entry, write_entry
from .extract.codec import Invalid, Unsupported, decode_value, encode_value
from .extract.envfile_facts import referenced_text
from .extract.load import loader
from .extract.run import Loaded, read_sources
from .model import Finding, Problem
from .render.report import graph_counts
from .suppress import MARK
from .timings import NO_CLOCK, Clock

# Settings only filter or the renderers use, which run again on every run: not part of the key.
_PRESENTATION = frozenset({"output_format", "output_file", "color", "statistics", "exit_zero", "quiet",
                           "cache_dir", "jobs", "baseline"})
_RUNS = "runs"  # the entries' subfolder, next to the unit entries' shards
_KEEP = 4  # entries kept per root: a few settings (--select, a second config) alternate without a miss


@dataclasses.dataclass(frozen=True)
class Checked:
    findings: tuple[Finding, ...]  # run_checks' findings, before filter
    problems: tuple[Problem, ...]  # the graph's problems
    counts: tuple[int, int, int]  # services, launch sites, unlinked launch sites (render/report.py)
    sources: tuple[str, ...]  # the files filter scans for suppressions
    # The read files whose bytes spell suppress.MARK, the only ones that may hold a suppression: the
    # same on a hit (the key hashes those bytes), so a warm run does not search every file for it.
    marked: tuple[str, ...]
    # What extraction read this run, by path (not stored): filter scans these bytes, not the disk again.
    texts: dict[str, bytes] = dataclasses.field(default_factory=dict, compare=False)


# (key, findings, problems, counts, sources, marked, [(env file a site names, hash of its text or None)])
_Entry = tuple[str, tuple[Finding, ...], tuple[Problem, ...], tuple[int, int, int], tuple[str, ...],
               tuple[str, ...], tuple[tuple[str, str | None], ...]]


def check_tree(root: Path, paths: tuple[Path, ...], config: Config, cache: UnitCache,
               clock: Clock = NO_CLOCK) -> Checked:
    """What run_checks finds on the analysis of ``paths``, from the whole-run cache when it holds it."""
    found = discover(root, paths, config.exclude + config.extend_exclude, config.respect_gitignore)
    clock.lap("discover", files_seen=len(found.files))
    read = read_sources(root, found.files)
    texts = {path: data for path, (data, _) in read.items() if data is not None}
    key = others = ""
    if cache.entries is not None:
        others = _others(root, found, read)
        key = _key(root, paths, config, found, read, others)
        hit = _get(cache, root, key, read)
        if hit is not None:
            check_declared_roots(root, config)  # the cached run passed it: a folder may be gone since
            clock.lap("extract")
            clock.lap("resolve/graph")  # none: the stages are listed as on every run
            cache.notes.append("the whole run's results came from the cache: nothing it reads changed")
            return dataclasses.replace(hit, texts=texts)
    # Imported here: a run the cache answers needs neither the graph nor the rules (nor their imports).
    from .analyze import analyze_found
    from .run_checks import run_checks

    env_reads: dict[str, str | None] = {}
    try:
        analysis = analyze_found(root, found, config, cache, clock, read, env_reads, freeze=True)
        graph = analysis.graph
        sources = tuple(sorted({f.path for f in graph.files} | {p for p, _ in analysis.env_files}
                               | {d for s in graph.services for d in s.dockerfiles}))
        marked = tuple(sorted(path for path, data in texts.items() if MARK in data))
        checked = Checked(tuple(run_checks(graph, config)), graph.problems, graph_counts(graph), sources, marked,
                          texts)
    finally:
        gc.unfreeze()
    if cache.entries is not None and _others(root, found, read) == others:  # nothing outside `read` changed meanwhile
        _put(cache, key, checked, sorted((p, _digest(t)) for p, t in env_reads.items()), read)
    return checked


@lru_cache(maxsize=1)
def _package_hash() -> str:
    """Extraction's code hash (envlint/extract/, the records, the versions of Python and the parsers,
    the patterns, envlint/data/) and every other module of envlint: the graph, the rules, the
    configuration; any edit gives other keys. extract/ is not read again: code_hash read it."""
    digest = hashlib.sha256(code_hash().encode())
    package = os.path.dirname(os.path.realpath(__file__))
    for rel in sorted(_modules(package, "")):
        with open(os.path.join(package, rel), "rb") as handle:
            data = handle.read()
        digest.update(f"{rel}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _modules(folder: str, rel: str) -> list[str]:
    """The .py files under ``folder`` (which is ``rel`` in the package), as package-relative POSIX paths:
    strings and scandir's types, not a Path per file (Path.rglob cost more than reading them)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if f"{rel}{entry.name}" != "extract":  # hashed by code_hash
                    found += _modules(entry.path, f"{rel}{entry.name}/")
            elif entry.name.endswith(".py") and entry.is_file():
                found.append(rel + entry.name)
    return found


def _text(value: str) -> bytes:
    return value.encode("utf-8", "surrogateescape")  # a path that is not UTF-8 is hashed, not refused


def _key(root: Path, paths: tuple[Path, ...], config: Config, found: Discovery, read: Loaded,
         others: str) -> str:
    digest = hashlib.sha256(f"{_package_hash()}\0".encode())
    settings = [(f.name, getattr(config, f.name)) for f in dataclasses.fields(config) if f.name not in _PRESENTATION]
    # A discovered file's path and kind hold no NUL: joined with NULs they say all that repr() said.
    files = "".join(f"{f.path}\0{f.kind}\0" for f in found.files)
    for item in (str(root.absolute()), repr(tuple(str(p) for p in paths)), repr(settings),
                 files, repr(found.problems)):
        digest.update(b"%d\0" % len(_text(item)) + _text(item))
    # The read files in the discovered files' order: first each one's path and length (or problem),
    # then all their bytes one after another, which the lengths cut into files again. Hashing each
    # file's bytes as they are, never copied behind a header: they are all of the key's time.
    table = []
    contents = []
    for path, (data, problem) in read.items():
        if data is None:
            table.append(f"{path}\0-{problem!r}\0")
        else:
            table.append(f"{path}\0+{len(data)}\0")
            contents.append(data)
    digest.update(_text("".join(table)))
    for data in contents:
        digest.update(data)
    digest.update(others.encode())
    return digest.hexdigest()


def _others(root: Path, found: Discovery, read: Loaded) -> str:
    """A fingerprint of what is read of the discovered files whose bytes `read` does not hold: load()'s
    result (go.mod, pyproject.toml, the problem of a binary Dockerfile), and an env file's whole bytes."""
    digest = hashlib.sha256()
    reread = loader(root)
    for source in found.files:
        if source.path in read and read[source.path][0] is not None:
            continue
        data, problem = reread(source)
        mark = f"{source.path}\0{problem!r}\0{_digest(data)}\0"
        if source.kind == "env-file":  # env_file_entries reads it whole, whatever its size or bytes
            mark += _raw_digest(root / source.path) + "\0"
        digest.update(_text(mark))
    return digest.hexdigest()


def _digest(value: str | bytes | None) -> str | None:
    if value is None:
        return None
    return hashlib.sha256(_text(value) if isinstance(value, str) else value).hexdigest()


def _raw_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable {exc.errno}"


def _limit(read: Loaded) -> int:
    """A crafted entry is never read whole beyond this; real findings are far fewer bytes than the
    sources they come from."""
    return 1_048_576 + 8 * sum(len(data) for data, _ in read.values() if data is not None)


def _entry_path(cache: UnitCache, key: str) -> Path:
    assert cache.entries is not None
    return cache.entries / _RUNS / f"{key}.json"


def _get(cache: UnitCache, root: Path, key: str, read: Loaded) -> Checked | None:
    raw = read_entry(_entry_path(cache, key), _limit(read))
    if raw is None:
        return None
    try:
        entry: _Entry = decode_value(_Entry, raw)
    except Invalid:
        return None
    stored, findings, problems, counts, sources, marked, env_reads = entry
    if stored != key or any(n < 0 for n in counts):
        return None
    resolved = root.resolve()
    for candidate, digest in env_reads:  # read again as the analysis reads them
        if _digest(referenced_text(root, resolved, candidate)) != digest:
            return None
    return Checked(findings, problems, counts, sources, marked)


def _put(cache: UnitCache, key: str, checked: Checked, env_reads: list[tuple[str, str | None]],
         read: Loaded) -> None:
    if cache.entries is None or not cache.writable:
        return
    entry = (key, checked.findings, checked.problems, checked.counts, checked.sources, checked.marked,
             tuple(env_reads))
    try:
        body = encode_value(_Entry, entry)
    except Unsupported as exc:  # a bug: the next run analyses again, and says why
        cache.notes.append(f"the run's results not cached: {exc}")
        return
    if len(body) > _limit(read):
        return
    path = _entry_path(cache, key)
    try:
        path.parent.mkdir(exist_ok=True)
        write_entry(path, body)
    except OSError as exc:
        cache.notes.append(f"cache {cache.entries} cannot be written ({exc.strerror or exc}); run not saved")
        return
    prune_runs(path.parent, _KEEP)
