"""`github`: GitHub Actions workflow commands, which annotate the pull request's diff.

One `::error|warning|notice file=...,line=...,col=...,title=...::message` per finding (a file that could
not be analysed is an ENV000 finding), then the plain summary line for the job log. The runner parses these commands
line by line, so message and property values are escaped as its toolkit (`@actions/core`) does;
otherwise a newline would end the command and a `,` or `:` in a path would end the property.
"""

from __future__ import annotations

from ..model import Location
from .report import Report
from .text import summary_line

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    # `%` first, or the escapes added next would be escaped again.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def _where(location: Location) -> dict[str, object]:
    return {"file": location.path, "line": location.line, "col": location.column}


def render_github(report: Report) -> str:
    lines = []
    for finding in report.findings:
        # Annotations show only the message; the help and the related locations go into it, one per
        # line (escaped as %0A), the help first so that it shows beside the message.
        help = [f"help: {finding.help}"] if finding.help else []
        message = "\n".join([finding.message, *help, *(f"{r.location}: {r.note}" for r in finding.related)])
        title = f"{finding.code} {finding.name}"
        lines.append(command(COMMANDS[finding.severity], {**_where(finding.location), "title": title}, message))
    lines.append(summary_line(report.summary))
    return "\n".join(lines) + "\n"
