"""How extraction's units run: in this process, or in worker processes when the repository is big and
cores are idle. Extraction is per unit and pure, so the facts are the same either way, in the units'
order (tests/test_jobs.py)."""

from __future__ import annotations

import gc
import os
import time
from functools import partial
from typing import Callable, Iterator, TypeVar

R = TypeVar("R")  # what the extraction of one unit gives
Unit = tuple[str, list[tuple[str, bytes]]]  # (language, [(path, bytes)]): a Python file or a Go package
# Below this much source, starting worker processes costs more than it saves. Measured on the ecosystem
# corpus, two workers against one (medians of 7, wall time): 105 KB of files 0.249 against 0.236 s,
# 92 KB the same, 145 KB 0.268 against 0.285 s, 229 KB 0.295 against 0.316 s, 3.6 MB (jaeger) 0.69
# against 0.95 s. (The old limit, 4 MB, was measured before the pool's tasks were batches.)
PARALLEL_FROM_BYTES = 128_000


def busy(loadavg: str = "/proc/loadavg", samples: int = 3, pause: float = 0.01) -> float:
    """How many cores other processes use now: Linux's count of runnable tasks (the fourth field of
    /proc/loadavg, this process included), the least of ``samples`` readings ``pause`` seconds apart,
    else the one-minute load average. The average lags by a minute: a run just after another (a
    pre-commit hook after an editor's save, the benchmark's rounds) counted the finished run's load and
    chose one process on an idle machine. One reading can catch a process that runs for a millisecond
    (the benchmark's memory sampler): a 4x bench run took 27.7 s in one process instead of 14 s. A
    reading of this process alone is the least there can be, so an idle machine is read once: the
    pauses are paid only where another process runs."""
    counts = []
    for sample in range(samples):
        if sample:
            time.sleep(pause)
        try:
            with open(loadavg, encoding="ascii") as handle:
                counts.append(int(handle.read().split()[3].split("/")[0]))
        except (OSError, IndexError, ValueError):
            return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        if counts[-1] <= 1:
            break
    return max(0.0, float(min(counts) - 1))


def workers(jobs: int | None, size: int, count: int) -> int:
    """How many processes extract: `jobs` when given (1: this process only), else the idle cores once
    the repository holds PARALLEL_FROM_BYTES of source; never more than there are units.

    A worker's facts are pickled back to this process, which costs 7-11% more CPU (measured on the
    ecosystem corpus: 10 MB of facts for ragflow). With a core idle the pool wins; on a machine
    whose load already fills its cores it only adds that cost (two workers ran ragflow 1.12x, jaeger
    1.26x slower than one at a load of 4 on two cores), so the automatic choice counts the cores idle
    now (busy)."""
    if jobs is None:
        if size < PARALLEL_FROM_BYTES:
            return 1
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        jobs = min(cores, 8, int(cores - busy() + 0.5))
    jobs = max(1, min(jobs, count))
    if jobs == 1:
        return 1
    # Imported only for a pool: multiprocessing and concurrent.futures are 7 ms of a small run's imports.
    import multiprocessing

    return jobs if "fork" in multiprocessing.get_all_start_methods() else 1


def run_units(units: list[Unit], size: int, jobs: int | None, extract: Callable[[Unit], R]) -> list[R]:
    """Extraction is per unit and pure, so units may run in worker processes; each unit's facts come
    back in the units' order, whatever the scheduling."""
    results = dict(stream_units(units, size, jobs, extract))
    return [results[i] for i in range(len(units))]


def stream_units(units: list[Unit], size: int, jobs: int | None, extract: Callable[[Unit], R]) -> Iterator[tuple[int, R]]:
    """(position, result) of each unit as it is done: in order in this process, batch by batch in the
    order given to the workers otherwise."""
    count = workers(jobs, size, len(units))
    if count < 2:
        for i, unit in enumerate(units):
            yield i, _collecting(extract, unit)
        return
    # The largest units first, so that a big package does not start last while the other worker idles;
    # each task a batch of about 1/(64 x workers) of the bytes: a big unit alone, the many small ones
    # (a Python file, a shell script) together, so that the tasks' round trips stay few.
    sizes = [sum(len(data) for _, data in unit[1]) for unit in units]
    order = sorted(range(len(units)), key=lambda i: -sizes[i])
    target = max(1, sum(sizes) // (count * 64))
    batches: list[list[int]] = []
    filled = target
    for i in order:
        if filled >= target:
            batches.append([])
            filled = 0
        batches[-1].append(i)
        filled += sizes[i]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    # A worker collects cycles, whatever its parent paused (analyze.analyze_found), as _collecting does.
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_collect_for_extraction) as pool:
        done = pool.map(partial(_batch, extract), [[units[i] for i in batch] for batch in batches], chunksize=1)
        for batch, found in zip(batches, done):
            yield from zip(batch, found)


def _batch(extract: Callable[[Unit], R], units: list[Unit]) -> list[R]:
    return [extract(unit) for unit in units]


# The cyclic collector's thresholds while extracting. Parsing makes cycles, so the collector stays on
# (off, `--jobs 1` on ragflow peaked at 173 MB instead of 113 MB); but at Python's default (a young
# collection every 700 allocations) it took 0.56 s of ragflow's 4.7 s of extraction in one process,
# its older collections scanning the facts of every unit done so far. Every 10,000: 0.16 s, and the same
# peak memory. `--jobs 1`: ragflow 4.90 -> 4.62 s (110 MB both), the 1x bench corpus 7.98 -> 6.73 s
# (154 MB both). A worker holds only its unit's objects: the same setting there changed nothing measurable.
_THRESHOLDS = (10_000, 10, 10)


def _collect_for_extraction() -> None:
    """A worker's initializer."""
    gc.enable()
    gc.set_threshold(*_THRESHOLDS)


def _collecting(extract: Callable[[Unit], R], unit: Unit) -> R:
    """Extraction in this process with the collector on and tuned, as in a worker, whatever the caller
    set (analyze.analyze_found pauses it while results arrive); the caller's setting comes back after."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    _collect_for_extraction()
    try:
        return extract(unit)
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()
