"""Run the measurements of one corpus side by side: every measurement in a process of its own, in rounds
(each round runs each measurement once), so that a change of load on a shared machine falls on all of
them alike instead of on whichever ran last.

Peak memory, two ways: the largest resident set of the measured process and the processes it waited
for, as the kernel reports it to `wait4` for that one child (ru_maxrss: per process, exact); and the
sum over the process and its workers, sampled (memory.py), which is the footprint of a pool.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from envlint.config import load_config
from envlint.discover import discover

from .memory import Sampler

BENCH_PARENT = Path(__file__).resolve().parent.parent
CODE_KINDS = ("go", "python")

# (name, what it runs): the order of the table.
FLOORS = (("read", "read", 1), ("parse-1", "parse", 1), ("parse-2", "parse", 2),
          ("query-1", "query", 1), ("query-2", "query", 2))
CHECKS = ("check-cold", "check-first", "check-warm")


@dataclass(frozen=True)
class Listing:
    root: Path
    all_files: tuple[str, ...]
    code: tuple[tuple[str, str], ...]  # (path, "go" | "python")
    lines: dict[str, int]  # Go and Python lines per language
    sizes: dict[str, int]


@dataclass
class Measurement:
    name: str
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    tree_kb: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # files, parsed, matches, findings


def listing(root: Path) -> Listing:
    """The files envlint reads, as its own discovery lists them (configuration, .gitignore, default
    excludes), so that the floors do the same files' work. Reading the code here also fills the page
    cache, so that no measurement pays for the disk and the first round is like the others."""
    config = load_config(root)
    found = discover(root, (root,), config.exclude + config.extend_exclude, config.respect_gitignore).files
    code = tuple((f.path, f.kind) for f in found if f.kind in CODE_KINDS)
    lines = {kind: 0 for kind in CODE_KINDS}
    sizes = {}
    for path, kind in code:
        data = (root / path).read_bytes()
        lines[kind] += data.count(b"\n")
        sizes[path] = len(data)
    return Listing(root, tuple(f.path for f in found), code, lines, sizes)


@dataclass(frozen=True)
class Child:
    """One measured process."""

    exit_code: int
    seconds: float  # wall clock
    peak_kb: int  # of the process itself (ru_maxrss)
    tree_kb: int  # of the process and its workers, sampled
    stderr: bytes


def run_child(argv: list[str], cwd: Path, env: dict[str, str], out: Path) -> Child:
    """Run one process with its output in ``out``, and measure it."""
    with open(out, "wb") as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE)
        sampler = Sampler(process.pid).start()
        stderr = process.stderr.read() if process.stderr else b""
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        tree = sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    return Child(process.returncode, seconds, usage.ru_maxrss, tree, stderr)


def _child(argv: list[str], cwd: Path, env: dict[str, str], out: Path) -> tuple[float, int, int]:
    """(wall seconds, peak KB of the largest process, peak KB of all of them) of one process that must
    exit 0 or 1, its output in ``out``."""
    child = run_child(argv, cwd, env, out)
    if child.exit_code not in (0, 1):
        raise RuntimeError(f"{argv[:4]} exited {child.exit_code}: {child.stderr.decode(errors='replace')[-2000:]}")
    return child.seconds, child.peak_kb, child.tree_kb


class Runner:
    """Holds what the measurements of one corpus share: the listing file, a scratch folder, the
    envlint options this version has."""

    def __init__(self, files: Listing, scratch: Path) -> None:
        self.files = files
        self.scratch = scratch
        self.listing_path = scratch / "listing.json"
        self.listing_path.write_text(json.dumps({
            "root": str(files.root), "all": list(files.all_files), "code": [list(c) for c in files.code],
            "sizes": files.sizes}))
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            p for p in (str(BENCH_PARENT), os.environ.get("PYTHONPATH", "")) if p))
        # Bytecode as an installed envlint has it (pip compiles it at install): a machine that sets
        # PYTHONDONTWRITEBYTECODE would otherwise compile every module of envlint in every measured run.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        # No cache may land in the measured tree (the ecosystem checkouts are read-only).
        self.env["ENVLINT_CACHE_DIR"] = str(scratch / "cache-default")
        help_text = subprocess.run([sys.executable, "-m", "envlint", "check", "--help"], env=self.env,
                                   capture_output=True, text=True, check=True).stdout
        self.has_no_cache = "--no-cache" in help_text
        self.has_cache_dir = "--cache-dir" in help_text
        self.warm_cache = scratch / "cache-warm"
        self.cold_runs = 0

    def cache_note(self) -> str:
        if self.has_no_cache:
            return ("cold: --no-cache; first run: a new empty --cache-dir each run (a CI job on a fresh clone); "
                    "warm: second run on a primed cache")
        if self.has_cache_dir:
            return "cold: a new empty --cache-dir each run; warm: second run on a primed cache"
        return "this envlint has no cache: warm is the same run again"

    def floor(self, measurement: Measurement, mode: str, processes: int) -> None:
        out = self.scratch / "floor.json"
        argv = [sys.executable, "-m", "bench.floor", mode, str(processes), str(self.listing_path)]
        _, peak, tree = _child(argv, self.files.root, self.env, out)
        result = json.loads(out.read_text())
        measurement.seconds.append(result["seconds"])
        measurement.peak_kb.append(peak)
        measurement.tree_kb.append(tree)
        measurement.counts = {"files": result["files"], "parsed": result["parsed"], "matches": result["matches"]}

    def check_argv(self, mode: str) -> list[str]:
        """``mode``: "warm" (a primed cache), "cold" (no cache) or "first" (a new empty cache folder)."""
        argv = [sys.executable, "-m", "envlint", "check", ".", "--output-format", "json",
                "--output-file", str(self.scratch / "findings.json")]
        if mode == "warm" and self.has_cache_dir:
            return argv + ["--cache-dir", str(self.warm_cache)]
        if mode == "cold" and self.has_no_cache:
            return argv + ["--no-cache"]
        if mode != "warm" and self.has_cache_dir:
            self.cold_runs += 1
            return argv + ["--cache-dir", str(self.scratch / f"cache-cold-{self.cold_runs}")]
        return argv

    def check(self, measurement: Measurement, mode: str) -> None:
        seconds, peak, tree = _child(self.check_argv(mode), self.files.root, self.env, self.scratch / "check.out")
        findings = json.loads((self.scratch / "findings.json").read_text())["findings"]
        measurement.seconds.append(seconds)
        measurement.peak_kb.append(peak)
        measurement.tree_kb.append(tree)
        measurement.counts = {"files": len(self.files.all_files), "findings": len(findings)}


def measure(files: Listing, repeat: int, progress=None) -> tuple[list[Measurement], dict[str, str]]:
    """Every measurement, ``repeat`` rounds; returns them in table order and notes for the report."""
    with tempfile.TemporaryDirectory(prefix="envlint-bench-") as scratch:
        runner = Runner(files, Path(scratch))
        results = {name: Measurement(name) for name, _, _ in FLOORS}
        results.update({name: Measurement(name) for name in CHECKS})
        runner.check(Measurement("prime"), "warm")  # the warm runs find a cache from an unchanged tree
        for round_ in range(repeat):
            for name, mode, processes in FLOORS:
                runner.floor(results[name], mode, processes)
            runner.check(results["check-cold"], "cold")
            runner.check(results["check-first"], "first")
            runner.check(results["check-warm"], "warm")
            if progress:
                progress(f"round {round_ + 1}/{repeat}: " + ", ".join(
                    f"{m.name} {m.seconds[-1]:.2f}s" for m in results.values()))
        return list(results.values()), {"cache": runner.cache_note()}
