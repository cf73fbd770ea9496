"""`envlint check --timings`: seconds per stage and what extraction read, printed to standard error.

A lap clock: each stage calls `lap(name)` when it ends, so the stages' code is not indented into
timing blocks. `NO_CLOCK` does nothing, for the library's callers and runs without `--timings`.
"""

from __future__ import annotations

import time

STAGES = ("discover", "extract", "resolve/graph", "checks", "filter", "render")


class Clock:
    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.notes: list[str] = []

    def lap(self, stage: str, **counts: int) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.last = now
        self.counts.update(counts)

    def report(self) -> str:
        counts = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in self.counts.items())
        lines = [f"envlint timings: {counts}"] if counts else ["envlint timings:"]
        stages = [s for s in STAGES if s in self.seconds] + [s for s in self.seconds if s not in STAGES]
        lines += [f"  {stage:<14} {self.seconds[stage]:8.3f} s" for stage in stages]
        lines.append(f"  {'total':<14} {sum(self.seconds.values()):8.3f} s")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


class _NoClock(Clock):
    def lap(self, stage: str, **counts: int) -> None:
        pass


NO_CLOCK = _NoClock()
