"""Which findings are shown: rule selection, one finding per (launch site, variable) and per place, sorted."""

from __future__ import annotations

import dataclasses

from .checks import PRECEDENCE
from .checks.table import TABLE
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
        if selector != "ALL" and not any(r.code.startswith(selector) for r in TABLE):
            raise SelectionError(f"unknown rule selector {selector!r} (rules: {', '.join(r.code for r in TABLE)})")
    if config.select:
        codes = {r.code for r in TABLE if _matches(r.code, config.select)}
    else:
        codes = {r.code for r in TABLE if r.enabled_by_default}
    codes |= {r.code for r in TABLE if _matches(r.code, config.extend_select)}
    codes -= {r.code for r in TABLE if _matches(r.code, config.ignore)}
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


def merge_places(findings: list[Finding]) -> list[Finding]:
    """One finding per place: a set written once and reaching several launch sites (a compose anchor
    merged into many services, a Helm helper included by several templates, a base file under several
    overlays) is one mistake in one place. Findings alike in rule, location, variable, service,
    message and help become one, whose related locations name every launch site."""
    groups: dict[tuple, list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.location, finding.variable, finding.service, finding.message, finding.help)
        groups.setdefault(key, []).append(finding)
    merged = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            merged.append(first)
            continue
        related = list(dict.fromkeys(r for f in group for r in f.related))
        # The launch sites first, as one list, then what the first finding relates besides them.
        related.sort(key=lambda r: not r.note.startswith("launch site"))
        sites = sorted({f.site for f in group if f.site is not None})
        message = f"{first.message} ({len(sites)} launch sites)" if len(sites) > 1 else first.message
        merged.append(dataclasses.replace(first, message=message, related=tuple(related),
                                          site=sites[0] if sites else first.site))
    return sorted(merged, key=Finding.sort_key)
