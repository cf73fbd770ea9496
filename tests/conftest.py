"""Shared helpers: run the CLI in-process, as a user would from a shell."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from envlint.cli import main


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
