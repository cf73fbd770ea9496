"""Running one envlint version on one tree, as a user would: a subprocess, timed and measured."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .contracts import Mutation, apply


@dataclass(frozen=True, kw_only=True)
class Run:
    exit_code: int
    findings: list[dict]
    problems: list[dict]
    seconds: float
    peak_mb: float
    error: str = ""  # what went wrong when the output is not envlint's JSON


def run_envlint(tree: Path, source: Path | None = None) -> Run:
    """`envlint check --output-format json` in `tree`. `source`: a checkout of envlint whose package is
    run instead of the installed one (for --diff)."""
    # The corpus checkouts are never written (no cache folder in them), and every run is a cold one.
    env = dict(os.environ, ENVLINT_NO_CACHE="1")
    if source is not None:
        env["PYTHONPATH"] = str(source) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "envlint", "check", "--output-format", "json", "."],
                                   cwd=tree, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        # wait4 gives this child's own peak resident size, which getrusage(RUSAGE_CHILDREN) mixes up.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    peak_mb = usage.ru_maxrss / 1024
    try:
        report = json.loads(stdout)
        return Run(exit_code=process.returncode, findings=report["findings"], problems=report["problems"],
                   seconds=seconds, peak_mb=peak_mb)
    except (ValueError, KeyError):
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        return Run(exit_code=process.returncode, findings=[], problems=[], seconds=seconds, peak_mb=peak_mb,
                   error=last)


def run_mutant(tree: Path, mutation: Mutation, source: Path | None = None) -> Run:
    """envlint on a scratch copy of `tree` (hard links, so it is cheap) with one file mutated."""
    with tempfile.TemporaryDirectory(prefix="envlint-mutant-") as scratch:
        copy = Path(scratch) / tree.name
        shutil.copytree(tree, copy, symlinks=True, copy_function=os.link)
        target = copy / mutation.contract.set.path
        with target.open(encoding="utf-8", newline="") as handle:  # keep \r\n as it is
            text = apply(mutation, handle.read())
        target.unlink()  # break the hard link: the cached tree is never written
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return run_envlint(copy, source)
