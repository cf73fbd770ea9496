"""Golden output of `envlint check` on one mini-repository per rule and case (ruff's snapshots).

Each case folder under tests/fixtures/rules/<CODE>/ holds a small repository and its reviewed output:
`expected.txt` (the text report, then the exit code) and `expected.json`. To regenerate after a
deliberate change, run with ENVLINT_UPDATE_GOLDEN=1 and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from envlint.checks import RULES

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(p for p in FIXTURES.glob("ENV*/*") if p.is_dir())
UPDATE = os.environ.get("ENVLINT_UPDATE_GOLDEN") == "1"


def _check(case: Path, *extra: str):
    return run_cli("check", *extra, cwd=case)


def _golden(path: Path, actual: str) -> str:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_output(case: Path) -> None:
    result = _check(case)
    actual = result.stdout + f"[exit {result.exit_code}]\n"
    assert actual == _golden(case / "expected.txt", actual)
    assert result.stderr == ""


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_json_output(case: Path) -> None:
    result = _check(case, "--output-format", "json")
    assert result.stdout == _golden(case / "expected.json", result.stdout)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_positive_and_negative_cases(rule) -> None:
    cases = [p for p in CASES if p.parent.name == rule.code]
    positive = [p for p in cases if p.name.startswith("positive")]
    negative = [p for p in cases if p.name.startswith("negative")]
    assert positive and negative
    for case in positive:
        assert f": {rule.code} " in (case / "expected.txt").read_text(encoding="utf-8")
    for case in negative:
        assert f": {rule.code} " not in (case / "expected.txt").read_text(encoding="utf-8")
