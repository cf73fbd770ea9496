"""Shared helpers: run the CLI in-process, as a user would from a shell."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import atexit
import shutil
import tempfile

from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from envlint.cli import main


# Every `envlint check` of the suite goes through one cache folder outside the fixtures (which stay
# unwritten): goldens are compared with results read from the cache as often as with fresh ones.
_CACHE = tempfile.mkdtemp(prefix="envlint-test-cache-")
os.environ["ENVLINT_CACHE_DIR"] = _CACHE
os.environ.pop("ENVLINT_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, True)


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    """`envlint ARGS` from folder ``cwd``; exceptions propagate, so a traceback fails the test."""
    previous = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(previous)
    return Run(result.exit_code, result.stdout, result.stderr)


# Fuzz profiles (tests/test_fuzz.py): "ci" is small and derandomized, so the suite is fast and every run
# tries the same inputs; `HYPOTHESIS_PROFILE=long python -m pytest -q tests/test_fuzz.py` searches wider.
settings.register_profile("ci", max_examples=20, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
