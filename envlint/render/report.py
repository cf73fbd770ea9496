"""What a run found, ready to render: findings, input problems and the counts of the summary."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding, Graph, Problem


@dataclass(frozen=True)
class Summary:
    findings: int
    errors: int
    warnings: int
    notes: int
    services: int
    launch_sites: int
    unlinked_launch_sites: int
    problems: int
    suppressed: int = 0  # hidden by an inline suppression comment
    baselined: int = 0  # hidden because the baseline holds them
    stale_baseline: int = 0  # baseline entries that matched no finding any more


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    summary: Summary


def make_report(findings: list[Finding], graph: Graph, suppressed: int = 0, baselined: int = 0,
                stale_baseline: int = 0) -> Report:
    linked = {link.site for link in graph.links}
    by_severity = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "note")}
    summary = Summary(
        findings=len(findings), errors=by_severity["error"], warnings=by_severity["warning"],
        notes=by_severity["note"], services=len(graph.services), launch_sites=len(graph.sites),
        unlinked_launch_sites=sum(1 for s in graph.sites if s.id not in linked),
        problems=len(graph.problems), suppressed=suppressed, baselined=baselined, stale_baseline=stale_baseline,
    )
    return Report(tuple(findings), graph.problems, summary)
