"""The content-hash cache of extraction: the facts of a unit (a Python file, a Go package, all
configuration files of a kind) under a hash of everything they depend on, as ruff caches its results.

An entry's name is the hash of the unit's kind and its members' paths and bytes (the extractors use the
paths: a file's kind, a Go package's folder); entries live in a folder named after the hash of the
extraction code itself (every file under envlint/extract/, the model, the file kinds, the package data,
the `.scm` patterns, the versions of envlint, Python, tree-sitter and its grammars, PyYAML), so an
upgrade or an edit of an extractor never reads a stale entry, and the folders of other versions are
removed. Extraction of a unit reads nothing but the unit (no configuration, no other file, no
environment): the fuzz suite checks that a file's facts do not depend on the other files.

The folder may come from a stranger (a committed `.envlint_cache/`, a restored CI cache): entries are
JSON read by a validating decoder (codec.py), an entry that fails is a miss, a cache folder that git
tracks is not used at all, and nothing is written or deleted through a symbolic link. Two runs may share
the folder: an entry is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..model import FileFacts
from .codec import Invalid, Unsupported, decode_facts, encode_facts

DEFAULT_FOLDER = ".envlint_cache"
_FORMAT = 1  # the layout of the folder and of an entry
_VERSION_FOLDER = re.compile(r"v\d+-[0-9a-f]{16}")
_STALE_TEMPORARY = 3600  # seconds: a temporary file this old belongs to a run that died
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by envlint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")
_DISTRIBUTIONS = ("envlint", "tree-sitter", "tree-sitter-go", "tree-sitter-python", "PyYAML")

Unit = tuple[str, list[tuple[str, bytes]]]


def _max_entry(unit: Unit) -> int:
    """A crafted entry is never read whole beyond this (its objects would take many times its size).
    Real entries are at most about 4 bytes of JSON per byte of source, plus a few for the record."""
    return 65_536 + 16 * sum(len(data) for _, data in unit[1])


@lru_cache(maxsize=1)
def code_hash() -> str:
    """The hash of what extraction's results depend on besides the unit."""
    from .syntax import rules_dir

    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{sys.implementation.name}\0".encode())
    for name in _DISTRIBUTIONS:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\0".encode())
    package = Path(__file__).resolve().parent.parent
    files = [*sorted((package / "extract").rglob("*.py")), package / "model.py", package / "filenames.py",
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
        self.notes: list[str] = []
        self.writable = False
        self.entries: Path | None = None
        self.whole = whole  # the run covers the whole root: entries it did not use are pruned
        if folder is not None:
            self._open(folder, root)

    def _open(self, folder: Path, root: Path | None) -> None:
        if root is not None and _committed(root, folder):
            self.notes.append(f"cache {folder} holds files the repository commits; not used")
            return
        version = folder / f"v{_FORMAT}-{code_hash()}"
        entries = version / _scope(folder, root)
        try:
            created = not folder.exists()
            folder.mkdir(parents=True, exist_ok=True)
            if created or not any(folder.iterdir()) or (folder / "CACHEDIR.TAG").is_file():
                _write_new(folder / "CACHEDIR.TAG", _TAG)
                _write_new(folder / ".gitignore", "# Automatically created by envlint.\n*\n")
            for made in (version, entries):  # never created, written or pruned through a link
                if made.is_symlink():
                    return
                made.mkdir(exist_ok=True)
            self.writable = os.access(entries, os.W_OK)
        except OSError as exc:
            self.notes.append(f"cache {folder} cannot be written ({exc.strerror or exc}); not saved")
        if version.is_symlink() or entries.is_symlink() or not entries.is_dir():
            return
        self.entries = entries
        if not self.writable:
            self.notes.append(f"cache {folder} is read-only; entries are read, none saved")
            return
        for sibling in folder.iterdir():  # the entries of other versions of envlint or its patterns
            if sibling != version and _VERSION_FOLDER.fullmatch(sibling.name) and not sibling.is_symlink():
                shutil.rmtree(sibling, ignore_errors=True)

    def _path(self, key: str) -> Path:
        assert self.entries is not None
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str, unit: Unit) -> list[FileFacts] | None:
        if self.entries is None:
            return None
        path = self._path(key)
        raw = None if path.parent.is_symlink() else _read_entry(path, _max_entry(unit))
        if raw is None:
            return None
        head, _, body = raw.partition(b"\n")
        if head != key.encode():
            return None
        try:
            facts = decode_facts(body)
        except Invalid:
            return None
        paths = {p for p, _ in unit[1]}
        if any(f.path not in paths for f in facts):  # an entry only ever holds facts of its own files
            return None
        return facts

    def put(self, key: str, unit: Unit, facts: list[FileFacts]) -> None:
        if self.entries is None or not self.writable:
            return
        try:
            body = encode_facts(facts)
        except Unsupported as exc:  # a bug: the unit is extracted on every run, and said so
            self.notes.append(f"facts of {unit[1][0][0]} not cached: {exc}")
            return
        if len(body) > _max_entry(unit):
            return
        path = self._path(key)
        try:
            if path.parent.is_symlink():
                return
            path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(key.encode() + b"\n" + body)
                os.replace(temporary, path)  # atomic: a reader sees the old entry or the whole new one
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as exc:
            self.writable = False
            self.notes.append(f"cache {self.entries} cannot be written ({exc.strerror or exc}); entries not saved")

    def prune(self, used: set[str]) -> None:
        """After a run over the whole root: only its entries stay (a deleted or edited file's go)."""
        if self.entries is None or not self.writable:
            return
        now = time.time()
        try:
            for shard in self.entries.iterdir():
                if shard.is_symlink() or not shard.is_dir():
                    continue
                for entry in shard.iterdir():
                    stale = entry.name.endswith(".tmp") and now - entry.lstat().st_mtime > _STALE_TEMPORARY
                    if stale or (entry.suffix == ".json" and entry.stem not in used):
                        entry.unlink(missing_ok=True)
        except OSError:
            pass  # another run pruned it first; the next run prunes again


def _read_entry(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; None for anything else (missing, a
    symbolic link, a FIFO or a device that would never end, too large)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as entry:
        try:
            info = os.fstat(entry.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            data = entry.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def _scope(folder: Path, root: Path | None) -> str:
    """The subfolder of one analysed root's entries: a folder outside the root (ENVLINT_CACHE_DIR set
    for every project) holds the entries of several, which prune only their own; the default folder,
    inside the root, moves with the checkout."""
    if root is None or folder.absolute().is_relative_to(root.absolute()):
        return "local"
    return hashlib.sha256(str(root.absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _write_new(path: Path, text: str) -> None:
    if not path.exists() and not path.is_symlink():
        path.write_text(text, encoding="utf-8")


def _committed(root: Path, folder: Path) -> bool:
    """Whether git tracks ``folder`` or files in it: then it came with the repository, maybe from a
    stranger's pull request (a symbolic link to elsewhere, crafted entries)."""
    from ..gitfiles import _ls_files

    where, base = folder.absolute(), root.absolute()
    if not where.is_relative_to(base) or not (where.exists() or where.is_symlink()):
        return False
    return bool(_ls_files(base, [where.relative_to(base).as_posix()]))


def run_cached(units: list[Unit], run: Callable[[list[Unit]], list[list[FileFacts]]],
               cache: UnitCache) -> list[list[FileFacts]]:
    """Each unit's facts, from the cache or from ``run`` (which extracts the units it is given, in
    order): the same facts as ``run`` on every unit."""
    keys = [unit_key(unit) for unit in units] if cache.entries is not None else []
    results = [cache.get(k, u) for k, u in zip(keys, units)] if keys else [None] * len(units)
    todo = [i for i, found in enumerate(results) if found is None]
    cache.hits += len(units) - len(todo)
    for i, facts in zip(todo, run([units[i] for i in todo])):
        results[i] = facts
        cache.parsed.update(p for p, _ in units[i][1])
        if keys:
            cache.put(keys[i], units[i], facts)
    if cache.whole and keys:
        cache.prune(set(keys))
    return [r if r is not None else [] for r in results]
