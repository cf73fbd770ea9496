"""The JSON schema, version 1 (stable; fields are only ever added):

{"version": 1,
 "findings": [{"code", "name", "severity", "message", "help", "variable", "service",
               "location": {"path", "line", "column"},
               "related": [{"path", "line", "column", "note"}], "evidence": {...}}],
 "problems": [{"path", "line", "column", "kind", "message"}],
 "summary": {"findings", "errors", "warnings", "notes", "services", "launch_sites",
             "unlinked_launch_sites", "problems"}}

`message` says what is wrong; `help` why it matters here and what to do (ruff's fix title; "" when the
rule has none). Paths are relative to the analysed root, POSIX style; findings are sorted by location, then code.
"""

from __future__ import annotations

import dataclasses
import json

from ..model import Finding, Location
from .report import Report


def location_json(location: Location) -> dict[str, object]:
    return {"path": location.path, "line": location.line, "column": location.column}


def finding_json(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "help": finding.help,
        "variable": finding.variable,
        "service": finding.service,
        "location": location_json(finding.location),
        "related": [{**location_json(r.location), "note": r.note} for r in finding.related],
        "evidence": dict(finding.evidence),
    }


def render_json(report: Report) -> str:
    document = {
        "version": 1,
        "findings": [finding_json(f) for f in report.findings],
        "problems": [{**location_json(p.location), "kind": p.kind, "message": p.message} for p in report.problems],
        "summary": dataclasses.asdict(report.summary),
    }
    return json.dumps(document, indent=2, sort_keys=False) + "\n"
