"""Every rule's code, name, severity and default, without importing the rules: what the filter, the
suppressions and the statistics need, so that a run the whole-run cache answers (run_cache.py) skips
the rules' modules. tests/test_meta.py checks that it matches the modules' own constants."""

from __future__ import annotations

from typing import NamedTuple


class RuleCode(NamedTuple):
    code: str
    name: str
    severity: str
    enabled_by_default: bool


TABLE: tuple[RuleCode, ...] = (
    RuleCode("ENV000", "unanalysable-file", "warning", True),
    RuleCode("ENV001", "read-never-set", "error", True),
    RuleCode("ENV002", "set-never-read", "warning", True),
    RuleCode("ENV003", "launch-sites-disagree", "error", True),
    RuleCode("ENV004", "container-localhost-default", "warning", True),
    RuleCode("ENV005", "dynamic-name", "note", False),
    RuleCode("ENV006", "empty-interpolation", "warning", True),
    RuleCode("ENV007", "probable-rename", "error", True),
    RuleCode("ENV900", "unused-suppression", "warning", True),
)
CODES: dict[str, RuleCode] = {rule.code: rule for rule in TABLE}
