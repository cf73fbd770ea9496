"""The rules. One module per rule: CODE, NAME, SEVERITY, ENABLED_BY_DEFAULT, a docstring with ruff's
sections (What it does / Why is this bad? / Example / Fix), and ``check(ctx) -> Iterable[Finding]``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterable

from ..model import Finding
from . import (
    env001_read_never_set,
    env002_set_never_read,
    env003_launch_sites_disagree,
    env004_container_localhost_default,
    env005_dynamic_name,
    env006_empty_interpolation,
)
from .context import Context


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    enabled_by_default: bool
    doc: str
    check: Callable[[Context], Iterable[Finding]]
    module: str

    @property
    def summary(self) -> str:
        """The first sentence of "What it does", for tables."""
        what = " ".join(self.doc.split("## What it does", 1)[-1].strip().split("\n\n", 1)[0].split())
        sentence = what.split(". ", 1)[0]
        return sentence if sentence.endswith(".") else sentence + "."


def _rule(module: ModuleType) -> Rule:
    return Rule(module.CODE, module.NAME, module.SEVERITY, module.ENABLED_BY_DEFAULT,
                inspect.cleandoc(module.__doc__ or ""), module.check, module.__name__)


RULES: tuple[Rule, ...] = tuple(
    _rule(m)
    for m in (
        env001_read_never_set,
        env002_set_never_read,
        env003_launch_sites_disagree,
        env004_container_localhost_default,
        env005_dynamic_name,
        env006_empty_interpolation,
    )
)
BY_CODE = {rule.code: rule for rule in RULES}
# Where two rules describe the same miss at one site for one variable, the first of these reports it.
PRECEDENCE = ("ENV001", "ENV003", "ENV006", "ENV004", "ENV002", "ENV005")
