"""`--jobs N`: extraction in N processes gives the same facts and report as in one, whatever the
scheduling (units come back in their order)."""

from __future__ import annotations

from pathlib import Path

from envlint.discover import discover
from envlint.extract.run import extract_all

from .conftest import run_cli

CASE = Path(__file__).parent / "fixtures" / "rules" / "ENV001" / "positive-go-names-from-packages-without-env"


def test_extraction_in_two_processes_gives_the_facts_of_one() -> None:
    files = discover(CASE, (CASE,), (), True).files
    assert extract_all(CASE, files, jobs=2) == extract_all(CASE, files, jobs=1)


def test_check_reports_the_same_with_any_number_of_jobs() -> None:
    one = run_cli("check", "--jobs", "1", str(CASE))
    two = run_cli("check", "--jobs", "2", str(CASE))
    assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout) and one.exit_code == 1
    assert run_cli("check", "--jobs", "0", str(CASE)).exit_code == 2
