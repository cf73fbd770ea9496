"""The cache folder on disk (envlint/extract/cache.py decides what goes in it): its layout, its tags,
and reading, writing and pruning entries without trusting it.

`FOLDER/.gitignore` (`*`) and `FOLDER/CACHEDIR.TAG` mark it, as ruff marks its own; the unit entries
are packs, `FOLDER/v<format>-<code hash>/<scope>/<name>.pack` (packs.py), and the whole-run cache's
entries `.../<scope>/runs/<key>.json` (envlint/run_cache.py). The folder may come from a stranger (a
committed `.envlint_cache/`, a restored CI cache): a folder that git tracks is not used, nothing is
created, written or pruned through a symbolic link, and an entry is read only when it is a regular
file of bounded size. Two runs may share the folder: an entry is written to a temporary file and
renamed into place, so a reader sees a whole entry or none.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 2  # the layout of the folder and of an entry (2: unit entries in packs)
_VERSION_FOLDER = re.compile(r"v\d+-[0-9a-f]{16}")
_STALE_TEMPORARY = 3600  # seconds: a temporary file this old belongs to a run that died
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by envlint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


@dataclass
class Opened:
    entries: Path | None = None  # None: no cache is read
    writable: bool = False
    notes: list[str] = field(default_factory=list)


def open_folder(folder: Path, root: Path | None, version_name: str) -> Opened:
    """The entries' folder of this version of the extraction code and this root, created if need be;
    the folders of other versions are removed."""
    if root is not None and _committed(root, folder):
        return Opened(notes=[f"cache {folder} holds files the repository commits; not used"])
    opened = Opened()
    version = folder / version_name
    entries = version / _scope(folder, root)
    try:
        created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if created or not any(folder.iterdir()) or (folder / "CACHEDIR.TAG").is_file():
            _write_new(folder / "CACHEDIR.TAG", _TAG)
            _write_new(folder / ".gitignore", "# Automatically created by envlint.\n*\n")
        for made in (version, entries):  # never created, written or pruned through a link
            if made.is_symlink():
                return opened
            made.mkdir(exist_ok=True)
        opened.writable = os.access(entries, os.W_OK)
    except OSError as exc:
        opened.notes.append(f"cache {folder} cannot be written ({exc.strerror or exc}); not saved")
    if version.is_symlink() or entries.is_symlink() or not entries.is_dir():
        return opened
    opened.entries = entries
    if not opened.writable:
        opened.notes.append(f"cache {folder} is read-only; entries are read, none saved")
        return opened
    for sibling in folder.iterdir():  # the entries of other versions of envlint or its patterns
        if sibling != version and _VERSION_FOLDER.fullmatch(sibling.name) and not sibling.is_symlink():
            shutil.rmtree(sibling, ignore_errors=True)
    return opened


def read_entry(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; None for anything else (missing, a
    symbolic link, a FIFO or a device that would never end, too large)."""
    if path.parent.is_symlink():
        return None
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


def write_entry(path: Path, data: bytes) -> None:
    """Atomically: a reader sees the old entry or the whole new one. OSError when it cannot."""
    if path.parent.is_symlink():
        return
    path.parent.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def stale_temporary(name: str, mtime: float, now: float) -> bool:
    """Whether a file is a temporary entry or pack left by a run that died."""
    return name.endswith(".tmp") and now - mtime > _STALE_TEMPORARY


def prune_runs(runs: Path, keep: int) -> None:
    """Keep the ``keep`` newest entries of the whole-run cache (run_cache.py) and no dead temporary file;
    an entry another run removes first, or is reading, is no error (a reader holds it open)."""
    now = time.time()
    try:
        if runs.is_symlink():
            return
        dated = []
        for entry in runs.iterdir():
            info = entry.lstat()
            if stale_temporary(entry.name, info.st_mtime, now):
                entry.unlink(missing_ok=True)
            elif entry.suffix == ".json":
                dated.append((info.st_mtime, entry.name, entry))
        for _, _, entry in sorted(dated, reverse=True)[keep:]:
            entry.unlink(missing_ok=True)
    except OSError:
        pass


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
    from ..gitfiles import ls_files

    where, base = folder.absolute(), root.absolute()
    if not where.is_relative_to(base) or not (where.exists() or where.is_symlink()):
        return False
    return bool(ls_files(base, [where.relative_to(base).as_posix()]))
