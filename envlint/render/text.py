"""`path:line:col: CODE [service] message`, related locations indented beneath, then the `= help:` line
(why it matters and what to do), then a summary line."""

from __future__ import annotations

import click

from .printable import printable
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
    if summary.suppressed:
        notes += f" {_plural(summary.suppressed, 'finding')} suppressed by comments."
    if summary.baselined:
        notes += f" {_plural(summary.baselined, 'finding')} hidden by the baseline."
    if summary.stale_baseline:
        count = summary.stale_baseline
        notes += f" {count} baseline {'entry matches' if count == 1 else 'entries match'} no finding any more."
    if not summary.findings:
        # Never "passed" when something was not checked (ENV000 deselected or suppressed).
        return f"{'No findings' if summary.problems else 'All checks passed'}: {scope}.{notes}"
    counts = ", ".join(_plural(n, w) for n, w in ((summary.errors, "error"), (summary.warnings, "warning"),
                                                   (summary.notes, "note")) if n)
    return f"Found {_plural(summary.findings, 'finding')} ({counts}) in {scope}.{notes}"


_STYLE = {"error": "red", "warning": "yellow", "note": "cyan"}


def render_text(report: Report, color: bool = False, summary: bool = True) -> str:
    def style(text: str, **how) -> str:
        return click.style(text, **how) if color else text

    lines = []
    for finding in report.findings:
        service = printable(f" [{finding.service}]") if finding.service else ""
        code = style(finding.code, fg=_STYLE[finding.severity], bold=True)
        where = style(printable(str(finding.location)), bold=True)
        lines.append(f"{where}: {code}{service} {printable(finding.message)}")
        lines.extend(printable(f"    {r.location}: {r.note}") for r in finding.related)
        if finding.help:
            # ruff's `= help:` line: the why and the fix, beneath the places the finding names.
            lines.append(printable(f"    = help: {finding.help}"))
    if summary:
        lines.append(summary_line(report.summary))
    return "\n".join(lines) + "\n" if lines else ""
