"""`concise`: one line per finding (a file that could not be analysed is an ENV000 finding), then the
text summary line (unless `--quiet`).

The text format without the indented related locations and help lines (ruff's concise), for editors and `grep`: every line but the
last has the `path:line:col:` prefix that problem matchers and quickfix lists parse.
"""

from __future__ import annotations

from .printable import printable
from .report import Report
from .text import summary_line


def render_concise(report: Report, summary: bool = True) -> str:
    lines = []
    for finding in report.findings:
        service = f" [{finding.service}]" if finding.service else ""
        lines.append(printable(f"{finding.location}: {finding.code}{service} {finding.message}"))
    if summary:
        lines.append(summary_line(report.summary))
    return "\n".join(lines) + "\n"
