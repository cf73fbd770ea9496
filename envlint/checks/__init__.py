"""The rules. One module per rule: CODE, NAME, SEVERITY, ENABLED_BY_DEFAULT, a docstring with ruff's
sections (What it does / Why is this bad? / Example / What it does not report / Fix), and ``check(ctx) -> Iterable[Finding]``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Iterable

from ..model import Finding

if TYPE_CHECKING:
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


def _rule_modules() -> list[ModuleType]:
    """Every `envNNN_name` module of this package: adding a rule is adding its module."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if re.fullmatch(r"env\d{3}_\w+", m.name))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def __getattr__(name: str) -> object:
    """RULES and BY_CODE, made on first use: importing every rule (and what the rules import) is a
    third of a warm run's start-up, and a run the whole-run cache answers needs only the codes
    (table.py)."""
    if name not in ("RULES", "BY_CODE"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    rules = tuple(_rule(m) for m in _rule_modules())
    globals().update(RULES=rules, BY_CODE={rule.code: rule for rule in rules})
    return globals()[name]


RULES: tuple[Rule, ...]
BY_CODE: dict[str, Rule]
# Where two rules describe the same miss at one site for one variable, the first of these reports it.
PRECEDENCE = ("ENV000", "ENV007", "ENV001", "ENV003", "ENV006", "ENV004", "ENV002", "ENV005")
