"""Cache entries written on a thread of their own, while extraction goes on.

Creating a file waits on the disk more than it works: on this machine's ext4, a new entry in a new
folder took 0.1 ms at first and 0.8 ms by the thousandth (the kernel reads the allocation bitmaps of
the block groups it spreads new folders over), and writing ragflow's 935 entries after extraction
added 0.5-1.0 s to its first run. A thread's wait releases the interpreter's lock, so the writes
overlap the extraction of the units after them (in this process or while the workers run).
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Callable

from .cache_folder import write_entry


class EntryWriter:
    """Writes (path, bytes) entries in the order given; ``failed`` is called once, with the first
    error, and nothing is written after it (a full disk, a folder made read-only meanwhile)."""

    def __init__(self, shards: set[str], failed: Callable[[OSError], None]) -> None:
        self._shards = shards  # the shard folders known to exist (listed, or made by this writer)
        self._failed = failed
        self._queue: queue.SimpleQueue[tuple[Path, bytes, str] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._broken = False

    def put(self, path: Path, data: bytes, shard: str) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="envlint-cache-writer", daemon=True)
            self._thread.start()
        self._queue.put((path, data, shard))

    def close(self) -> None:
        """Wait for every entry given so far to be written (or the writer to have failed)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            path, data, shard = item
            if self._broken:
                continue
            try:
                write_entry(path, data, folder_exists=shard in self._shards)
                self._shards.add(shard)
            except OSError as exc:
                self._broken = True
                self._failed(exc)
