"""Which findings are shown: rule selection, one finding per (launch site, variable), sorted."""

from __future__ import annotations

from .checks import PRECEDENCE, RULES
from .config import Config
from .model import Finding


class SelectionError(ValueError):
    pass


def _matches(code: str, selectors: tuple[str, ...]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def selected_codes(config: Config) -> frozenset[str]:
    """ruff's model: `select` replaces the default set, `extend-select` adds, `ignore` removes.

    Selectors are codes or code prefixes (`ENV00`, `ENV`) or `ALL`. A rule that is off by default
    (ENV005) runs only when a selector names it.
    """
    for selector in config.select + config.extend_select + config.ignore:
        if selector != "ALL" and not any(r.code.startswith(selector) for r in RULES):
            raise SelectionError(f"unknown rule selector {selector!r} (rules: {', '.join(r.code for r in RULES)})")
    if config.select:
        codes = {r.code for r in RULES if _matches(r.code, config.select)}
    else:
        codes = {r.code for r in RULES if r.enabled_by_default}
    codes |= {r.code for r in RULES if _matches(r.code, config.extend_select)}
    codes -= {r.code for r in RULES if _matches(r.code, config.ignore)}
    return frozenset(codes)


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """Where two rules describe the same miss (same site, same variable), the stronger one reports it."""
    rank = {code: i for i, code in enumerate(PRECEDENCE)}
    best: dict[tuple, Finding] = {}
    for finding in findings:
        if finding.site is None or finding.variable is None:
            key: tuple = ("", finding.code, finding.location, finding.message)
        else:
            key = (finding.site, finding.variable)
        current = best.get(key)
        if current is None or rank.get(finding.code, 99) < rank.get(current.code, 99):
            best[key] = finding
    return sorted(best.values(), key=Finding.sort_key)
