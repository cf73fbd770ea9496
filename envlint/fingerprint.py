"""Fingerprints of findings that survive moving lines: what a baseline records and SARIF's
`partialFingerprints` carry. Built from the rule, the variable, the service, and where the finding
stands by name rather than by line: the launch site's file and function (for compose, the service; for
Kubernetes, the workload and container), or the finding's own file when it has no launch site.
"""

from __future__ import annotations

import dataclasses
import hashlib

from .model import Finding, Graph


def _anchor(finding: Finding, functions: dict[str, str | None]) -> str:
    if finding.site is not None and finding.site in functions:
        path = finding.site.rsplit(":", 2)[0]
        return f"{path}#{functions[finding.site] or '<top level>'}"
    return finding.location.path


def fingerprint_findings(findings: list[Finding], graph: Graph) -> list[Finding]:
    functions = {site.id: site.function for site in graph.sites}
    out = []
    for finding in findings:
        key = "\0".join((finding.code, finding.variable or "", finding.service or "", _anchor(finding, functions),
                         "" if finding.variable else finding.message))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        out.append(dataclasses.replace(finding, fingerprint=digest))
    return out
