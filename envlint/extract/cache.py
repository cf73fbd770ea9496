"""The content-hash cache of extraction: the facts of a unit (a Python file, a Go package, all
configuration files of a kind) under a hash of everything they depend on, as ruff caches its results.

An entry's name is the hash of the unit's kind and its members' paths and bytes (the extractors use the
paths: a file's kind, a Go package's folder); entries live in a folder named after the hash of the
extraction code itself (every file under envlint/extract/, the model, the file kinds, the package data,
the `.scm` patterns, the versions of Python, tree-sitter and its grammars, PyYAML), so an upgrade
or an edit of an extractor never reads a stale entry (envlint's own version is not needed: an upgrade
that changes a result changes the code hashed). Extraction of a unit reads nothing but
the unit (no configuration, no other file, no environment): the fuzz suite checks that a file's facts
do not depend on the other files. Entries are JSON read by a validating decoder (codec.py): one that
fails is a miss. The folder itself, which may come from a stranger, is handled by cache_folder.py.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from ..model import FileFacts
from .cache_folder import FORMAT, open_folder
from .codec import Invalid, Unsupported, decode_facts, encode_facts
from .packs import PackWriter, Packs
from .versions import installed_version

DEFAULT_FOLDER = ".envlint_cache"
# envlint's own version adds nothing: its code, data and queries are hashed below.
_DISTRIBUTIONS = (("tree-sitter", "tree_sitter"), ("tree-sitter-go", "tree_sitter_go"),
                  ("tree-sitter-python", "tree_sitter_python"), ("PyYAML", "yaml"))

Unit = tuple[str, list[tuple[str, bytes]]]
Encoded = bytes | str  # a unit's entry body, or why its facts have none (Unsupported: a bug)


def encoded(facts: list[FileFacts]) -> Encoded:
    """The entry body of ``facts``, made where they were extracted (a worker, in parallel): encoding
    every unit in the main process after the pool was 0.3-0.9 s of ragflow's first run."""
    try:
        return encode_facts(facts)
    except Unsupported as exc:
        return str(exc)


def _max_entry(unit: Unit) -> int:
    """A crafted entry is never read whole beyond this (its objects would take many times its size).
    Real entries are at most about 4 bytes of JSON per byte of source, plus a few for the record."""
    return 65_536 + 16 * sum(len(data) for _, data in unit[1])


@lru_cache(maxsize=1)
def code_hash() -> str:
    """The hash of what extraction's results depend on besides the unit."""
    from .syntax import rules_dir

    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{sys.implementation.name}\0".encode())
    for name, module in _DISTRIBUTIONS:
        digest.update(f"{name}={installed_version(name, module)}\0".encode())
    package = Path(__file__).resolve().parent.parent
    # The records and registries extraction builds with (builds.py, kinds.py) are part of its code.
    files = [*sorted((package / "extract").rglob("*.py")), package / "model.py", package / "filenames.py",
             package / "builds.py", package / "kinds.py",
             *sorted((package / "data").rglob("*")), *sorted(rules_dir().rglob("*.scm"))]
    for path in files:
        if path.is_file():
            data = path.read_bytes()
            digest.update(f"{path.relative_to(path.parents[1]).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:16]


def unit_key(unit: Unit) -> str:
    kind, members = unit
    digest = hashlib.sha256(f"{kind}\0{len(members)}\0".encode())
    for path, data in members:
        digest.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


class UnitCache:
    """One run's view of the cache folder (``folder`` None: no cache, only the counts)."""

    def __init__(self, folder: Path | None, root: Path | None = None, whole: bool = False) -> None:
        self.hits = 0
        self.parsed: set[str] = set()
        self.used: set[str] = set()  # the keys of every unit of this run, kept when it prunes
        self.whole = whole  # the run covers the whole root: entries it did not use are pruned
        opened = open_folder(folder, root, f"v{FORMAT}-{code_hash()}") if folder is not None else None
        self.entries = opened.entries if opened else None
        self.writable = opened.writable if opened else False
        self.notes: list[str] = opened.notes if opened else []
        self._packs: Packs | None = None  # the packs there, opened on the first lookup
        self._writer: PackWriter | None = None  # this run's pack, made on the first entry to write

    def _opened(self) -> Packs:
        assert self.entries is not None
        if self._packs is None:
            self._packs = Packs(self.entries)
        return self._packs

    def get(self, key: str, unit: Unit) -> list[FileFacts] | None:
        if self.entries is None:
            return None
        raw = self._opened().read(key, _max_entry(unit))
        head, _, body = (raw or b"").partition(b"\n")
        if raw is None or head != key.encode():
            return None
        try:
            facts = decode_facts(body)
        except Invalid:
            return None
        paths = {p for p, _ in unit[1]}
        if any(f.path not in paths for f in facts):  # an entry only ever holds facts of its own files
            return None
        return facts

    def put(self, key: str, unit: Unit, body: Encoded) -> None:
        """Store the unit's entry body (`encoded`) in this run's pack."""
        if self.entries is None or not self.writable:
            return
        if isinstance(body, str):  # a bug: the unit is extracted on every run, and said so
            self.notes.append(f"facts of {unit[1][0][0]} not cached: {body}")
            return
        if len(body) > _max_entry(unit):
            return
        if self._writer is None:
            self._writer = PackWriter(self.entries)
        try:
            self._writer.add(key, key.encode() + b"\n" + body)
        except OSError as exc:
            self._unwritable(exc)

    def _unwritable(self, exc: OSError) -> None:
        """A write failed: the rest of this run writes nothing, and its pack is dropped."""
        self.writable = False
        if self._writer is not None:
            self._writer.abandon()
            self._writer = None
        self.notes.append(f"cache {self.entries} cannot be written ({exc.strerror or exc}); entries not saved")

    def finish(self) -> None:
        """Put this run's pack in place and tidy the packs (packs.py): after a run over the whole root,
        only the entries it used remain."""
        made = None
        if self._writer is not None:
            try:
                made = self._writer.close()
            except OSError as exc:
                self._unwritable(exc)
            self._writer = None
        if self.writable and self.entries is not None:
            self._opened().tidy(self.used if self.whole and self.used else None, made)
        if self._packs is not None:
            self._packs.close()
            self._packs = None


def run_cached(units: list[Unit], run: Callable[[list[Unit]], Iterable[tuple[int, tuple[list[FileFacts], Encoded]]]],
               cache: UnitCache) -> list[list[FileFacts]]:
    """Each unit's facts, from the cache or from ``run`` (which extracts the units it is given, each
    with its entry body, `encoded`, and yields them as (position in its list, result) as they are
    done, in any order): the same facts as ``run`` on every unit."""
    keys = [unit_key(unit) for unit in units] if cache.entries is not None else []
    results = [cache.get(k, u) for k, u in zip(keys, units)] if keys else [None] * len(units)
    todo = [i for i, found in enumerate(results) if found is None]
    cache.hits += len(units) - len(todo)
    cache.used.update(keys)
    for position, (facts, body) in run([units[i] for i in todo]):
        i = todo[position]
        results[i] = facts
        cache.parsed.update(p for p, _ in units[i][1])
        if keys:
            cache.put(keys[i], units[i], body)
    return [r if r is not None else [] for r in results]


def finish_run(cache: UnitCache) -> None:
    """After the run's last extraction (promoted packages come after the first)."""
    cache.finish()
