"""`path:line:col: CODE [service] message`, related locations indented beneath, then a summary line."""

from __future__ import annotations

from .report import Report, Summary


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    scope = f"{_plural(summary.launch_sites, 'launch site')} and {_plural(summary.services, 'service')}"
    notes = ""
    if summary.unlinked_launch_sites:
        count = summary.unlinked_launch_sites
        notes += f" {_plural(count, 'launch site')} start{'s' if count == 1 else ''} no known service."
    if summary.problems:
        notes += f" {_plural(summary.problems, 'file')} could not be fully analysed."
    if not summary.findings:
        return f"All checks passed: {scope}.{notes}"
    counts = ", ".join(_plural(n, w) for n, w in ((summary.errors, "error"), (summary.warnings, "warning"),
                                                   (summary.notes, "note")) if n)
    return f"Found {_plural(summary.findings, 'finding')} ({counts}) in {scope}.{notes}"


def render_text(report: Report) -> str:
    lines = []
    for finding in report.findings:
        service = f" [{finding.service}]" if finding.service else ""
        lines.append(f"{finding.location}: {finding.code}{service} {finding.message}")
        lines.extend(f"    {r.location}: {r.note}" for r in finding.related)
    for problem in report.problems:
        lines.append(f"{problem.location}: input-error [{problem.kind}] {problem.message}")
    lines.append(summary_line(report.summary))
    return "\n".join(lines) + "\n"
