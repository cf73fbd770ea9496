"""The unit cache's entries on disk: packs, one file per run that extracted anything.

A file per entry cost more to create than to fill: on this machine's ext4 a new file in a new folder
waits on the disk (0.1 ms for a run's first, 0.8 ms by its thousandth; strace shows the time in
openat), and ragflow's first run spent 0.5-1.0 s creating its 935 entries, the 1x bench corpus 2.2 s
for 3,530. A run now appends its new entries to one temporary file and renames it into place at the
end (`PackWriter`), so a reader sees a whole pack or none, and two runs never write the same file.

A pack is the entries' bytes one after another, then its index (a line `KEY OFFSET LENGTH` per entry),
then a fixed-size trailer giving where the index starts. A reader opens every pack once, reads the
indexes, and reads an entry's bytes only when its unit asks (`Packs.read`). The folder may come from a
stranger: a pack is read only when it is a regular file (no link, FIFO or device), an index line that
does not parse or points outside its pack makes the whole pack unread, and an entry is never read past
its unit's limit.

Tidying (`Packs.tidy`, after each run): after a run over the whole root, a pack none of whose entries
the run used is deleted; when more than MAX_PACKS packs remain, or most of their bytes are entries no
longer used, the entries kept are copied into one new pack and the others deleted. So the cache holds
about one entry per unit and does not grow with edits.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from .cache_folder import stale_temporary

SUFFIX = ".pack"
MAX_PACKS = 8
_TRAILER = re.compile(rb"envlint-pack-1 (\d{20})\n")
_TRAILER_SIZE = len(b"envlint-pack-1 ") + 20 + 1
_INDEX_LINE = re.compile(rb"([0-9a-f]{64}) (\d{1,12}) (\d{1,12})")
_MAX_INDEX = 64 << 20  # bytes of index read at most (a real one has 100 bytes per entry)


class PackWriter:
    """One run's new entries, appended to a temporary file in ``folder`` and renamed into a pack by
    `close`. OSError from `add` or `close` when the folder cannot be written."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._handle: int | None = None
        self._temporary = ""
        self._index: list[bytes] = []
        self._size = 0

    def add(self, key: str, data: bytes) -> None:
        if self._handle is None:
            self._handle, self._temporary = tempfile.mkstemp(dir=self._folder, prefix=".", suffix=".tmp")
        _write_all(self._handle, data)
        self._index.append(b"%s %d %d\n" % (key.encode("ascii"), self._size, len(data)))
        self._size += len(data)

    def close(self) -> Path | None:
        """The pack made (None when nothing was added)."""
        if self._handle is None:
            return None
        handle, self._handle = self._handle, None
        try:
            _write_all(handle, b"".join(self._index) + b"envlint-pack-1 %020d\n" % self._size)
            os.close(handle)
            handle = None
            name = self._folder / f"{os.urandom(16).hex()}{SUFFIX}"  # never an existing pack's name
            os.replace(self._temporary, name)
            return name
        except BaseException:
            if handle is not None:
                os.close(handle)
            os.unlink(self._temporary)
            raise

    def abandon(self) -> None:
        """Drop what was written (the run failed to write a later entry)."""
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
            try:
                os.unlink(self._temporary)
            except OSError:
                pass


def _read_at(handle: int, length: int, offset: int) -> bytes:
    """os.pread, where the platform has it (not Windows): a seek and a read otherwise (one thread reads)."""
    if hasattr(os, "pread"):
        return os.pread(handle, length, offset)
    os.lseek(handle, offset, os.SEEK_SET)
    return os.read(handle, length)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


class Packs:
    """The packs of one folder, opened once: which keys they hold and where."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._handles: dict[str, int] = {}  # pack name -> open file
        self._where: dict[str, tuple[str, int, int]] = {}  # key -> (pack name, offset, length)
        self._sizes: dict[str, dict[str, int]] = {}  # pack name -> {key: length}
        try:
            with os.scandir(folder) as found:
                names = sorted(e.name for e in found if e.name.endswith(SUFFIX))
        except OSError:
            names = []  # nothing listed: every unit is a miss
        for name in names:
            self._open(name)

    def _open(self, name: str) -> None:
        try:
            handle = os.open(self.folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return  # gone meanwhile (another run pruned it), or a link
        index = _index(handle)
        if index is None:
            os.close(handle)
            return
        self._handles[name] = handle
        self._sizes[name] = {}
        for key, offset, length in index:
            self._where.setdefault(key, (name, offset, length))  # the same key in two packs: the same bytes
            self._sizes[name][key] = length

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def read(self, key: str, limit: int) -> bytes | None:
        """The entry's bytes, None when absent, longer than ``limit`` or unreadable."""
        found = self._where.get(key)
        if found is None or found[2] > limit:
            return None
        name, offset, length = found
        try:
            data = _read_at(self._handles[name], length, offset)
        except OSError:
            return None
        return data if len(data) == length else None

    def close(self) -> None:
        for handle in self._handles.values():
            os.close(handle)
        self._handles.clear()

    def tidy(self, used: set[str] | None, made: Path | None) -> None:
        """After a run (``made``: the pack it wrote). Over the whole root (``used``: the keys of its
        units), delete the packs it used nothing of; in any run, copy the entries kept into one pack
        when more than MAX_PACKS packs remain, or when most of their bytes are entries no longer used."""
        made_name = made.name if made is not None else None
        keep = used if used is not None else set(self._where)
        kept = []
        for name, sizes in self._sizes.items():
            if used is not None and name != made_name and not keep.intersection(sizes):
                _unlink(self.folder / name)
            else:
                kept.append(name)
        count = len(kept) + (made_name is not None and made_name not in self._sizes)
        total = sum(sum(self._sizes[n].values()) for n in kept)
        unused = sum(length for n in kept for key, length in self._sizes[n].items() if key not in keep)
        if count > MAX_PACKS or (count > 1 and unused * 2 > total):
            self._compact([n for n in kept if n != made_name], keep)
        _remove_stale_temporaries(self.folder)

    def _compact(self, names: list[str], keep: set[str]) -> None:
        writer = PackWriter(self.folder)
        try:
            for key in sorted(keep):
                found = self._where.get(key)
                if found is None or found[0] not in names:
                    continue
                data = self.read(key, found[2])
                if data is not None:
                    writer.add(key, data)
            writer.close()
        except OSError:
            writer.abandon()
            return  # the packs stay as they are; a later run compacts
        for name in names:
            _unlink(self.folder / name)


def _index(handle: int) -> list[tuple[str, int, int]] | None:
    """A pack's index, None when the file is no regular file or no well-formed pack."""
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size < _TRAILER_SIZE:
            return None
        trailer = _TRAILER.fullmatch(_read_at(handle, _TRAILER_SIZE, info.st_size - _TRAILER_SIZE))
        if trailer is None:
            return None
        start = int(trailer.group(1))
        size = info.st_size - _TRAILER_SIZE - start
        if not 0 <= size <= _MAX_INDEX:
            return None
        raw = _read_at(handle, size, start)
    except OSError:
        return None
    if raw and not raw.endswith(b"\n"):
        return None
    out = []
    for line in raw.split(b"\n")[:-1]:
        match = _INDEX_LINE.fullmatch(line)
        if match is None:
            return None
        offset, length = int(match.group(2)), int(match.group(3))
        if offset + length > start:
            return None
        out.append((match.group(1).decode("ascii"), offset, length))
    return out


def _unlink(path: Path) -> None:
    try:
        if not path.is_symlink():
            path.unlink(missing_ok=True)
    except OSError:
        pass  # another run removed it, or the folder is read-only now


def _remove_stale_temporaries(folder: Path) -> None:
    now = time.time()
    try:
        with os.scandir(folder) as found:
            for entry in found:
                if stale_temporary(entry.name, entry.stat(follow_symlinks=False).st_mtime, now):
                    _unlink(Path(entry.path))
    except OSError:
        pass
