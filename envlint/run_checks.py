"""checks -> filter: run the selected rules over the graph once built."""

from __future__ import annotations

from .checks import RULES
from .checks.context import Context
from .config import Config
from .evidence import attach_evidence
from .filter import deduplicate, merge_places, selected_codes
from .fingerprint import fingerprint_findings
from .model import Finding, Graph


def run_checks(graph: Graph, config: Config) -> list[Finding]:
    codes = selected_codes(config)
    context = Context(graph, config)
    findings = [f for rule in RULES if rule.code in codes for f in rule.check(context)]
    return fingerprint_findings(merge_places(attach_evidence(deduplicate(findings), graph)), graph)
