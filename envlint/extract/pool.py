"""How extraction's units run: in this process, or in worker processes when the repository is big and
cores are idle. Extraction is per unit and pure, so the facts are the same either way, in the units'
order (tests/test_jobs.py)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

from ..model import FileFacts

Unit = tuple[str, list[tuple[str, bytes]]]  # (language, [(path, bytes)]): a Python file or a Go package
# Below this much source, starting worker processes costs more than it saves (bench/run.py: 0.4 MB of
# small files ran 1.15x slower in two workers; 30 MB of the standard library ran 1.6x faster).
PARALLEL_FROM_BYTES = 4_000_000


def busy(loadavg: str = "/proc/loadavg") -> float:
    """How many cores other processes use now: Linux's count of runnable tasks at this instant (the
    fourth field of /proc/loadavg, this process included), else the one-minute load average. The
    average lags by a minute: a run just after another (a pre-commit hook after an editor's save, the
    benchmark's rounds) counted the finished run's load and chose one process on an idle machine."""
    try:
        with open(loadavg, encoding="ascii") as handle:
            running = handle.read().split()[3].split("/")[0]
        return max(0.0, float(int(running) - 1))
    except (OSError, IndexError, ValueError):
        return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def workers(jobs: int | None, size: int, count: int) -> int:
    """How many processes extract: `jobs` when given (1: this process only), else the idle cores once
    the repository holds PARALLEL_FROM_BYTES of source; never more than there are units.

    A worker's facts are pickled back to this process, which costs 7-11% more CPU (measured on the
    ecosystem corpus: 10 MB of facts for ragflow). With a core idle the pool wins; on a machine
    whose load already fills its cores it only adds that cost (two workers ran ragflow 1.12x, jaeger
    1.26x slower than one at a load of 4 on two cores), so the automatic choice counts the cores idle
    now (busy)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is None:
        if size < PARALLEL_FROM_BYTES:
            return 1
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        jobs = min(cores, 8, int(cores - busy() + 0.5))
    return max(1, min(jobs, count))


def run_units(units: list[Unit], size: int, jobs: int | None,
              extract: Callable[[Unit], list[FileFacts]]) -> list[list[FileFacts]]:
    """Extraction is per unit and pure, so units may run in worker processes; each unit's facts come
    back in the units' order, whatever the scheduling."""
    count = workers(jobs, size, len(units))
    if count < 2:
        return [extract(unit) for unit in units]
    # The largest units first, so that a big package does not start last while the other worker idles.
    order = sorted(range(len(units)), key=lambda i: -sum(len(data) for _, data in units[i][1]))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        # One unit per task: pool.map's chunks of len/16 units, in this order, put the biggest Go
        # packages in one worker's first chunk; ragflow then ran 4.25 s and the 1x bench corpus 8.25 s
        # against 3.64 s and 5.95 s now (the tasks' overhead is microseconds).
        results = dict(zip(order, pool.map(extract, [units[i] for i in order], chunksize=1)))
    return [results[i] for i in range(len(units))]
