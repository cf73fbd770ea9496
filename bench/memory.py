"""The memory of a measured process and all its descendants together, sampled while it runs.

ru_maxrss (measure.py) is the peak of the largest single process: envlint and the two-process floors
fork workers, and their footprint is the sum. The sum of resident sets would count each page shared
after fork once per process, so this sums PSS (each shared page split among its sharers), read from
/proc/PID/smaps_rollup every SAMPLE_SECONDS; a peak shorter than that can be missed. Where /proc has
no smaps_rollup (not Linux), the sampler reports 0 and the table shows it as unknown.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

SAMPLE_SECONDS = 0.1


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process (the kernel may not list a process's children directly)."""
    out = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            # The name in parentheses may hold spaces; the fields after its closing one are fixed.
            out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def tree_pss_kb(root: int) -> int:
    parents = _parents()
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue  # exited between the listing and the read
    return total


class Sampler:
    """Samples a process tree in a thread from start() until stop(); ``peak_kb`` is the largest sum."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))
            self._done.wait(SAMPLE_SECONDS)

    def start(self) -> "Sampler":
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def stop(self) -> int:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        return self.peak_kb
