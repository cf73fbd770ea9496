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
    return report_of(findings, graph.problems, graph_counts(graph), suppressed, baselined, stale_baseline)


def graph_counts(graph: Graph) -> tuple[int, int, int]:
    """What the summary counts of the graph: services, launch sites, launch sites no link starts from
    (the whole-run cache keeps these instead of the graph)."""
    linked = {link.site for link in graph.links}
    return len(graph.services), len(graph.sites), sum(1 for s in graph.sites if s.id not in linked)


def report_of(findings: list[Finding], problems: tuple[Problem, ...], counts: tuple[int, int, int],
              suppressed: int = 0, baselined: int = 0, stale_baseline: int = 0) -> Report:
    services, launch_sites, unlinked = counts
    by_severity = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "note")}
    summary = Summary(
        findings=len(findings), errors=by_severity["error"], warnings=by_severity["warning"],
        notes=by_severity["note"], services=services, launch_sites=launch_sites,
        unlinked_launch_sites=unlinked, problems=len(problems), suppressed=suppressed, baselined=baselined,
        stale_baseline=stale_baseline,
    )
    return Report(tuple(findings), problems, summary)
