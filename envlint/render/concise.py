"""`concise`: one line per finding and per input problem, then the text summary line.

The text format without the indented related locations, for editors and `grep`: every line but the
last has the `path:line:col:` prefix that problem matchers and quickfix lists parse.
"""

from __future__ import annotations

from .report import Report
from .text import summary_line


def render_concise(report: Report) -> str:
    lines = []
    for finding in report.findings:
        service = f" [{finding.service}]" if finding.service else ""
        lines.append(f"{finding.location}: {finding.code}{service} {finding.message}")
    for problem in report.problems:
        lines.append(f"{problem.location}: input-error [{problem.kind}] {problem.message}")
    lines.append(summary_line(report.summary))
    return "\n".join(lines) + "\n"
