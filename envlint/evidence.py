"""What each finding rests on, link by link: how the site was linked to the program, whether the
program's read set is complete, whether the requirement holds unconditionally. Recorded on the finding
(JSON and SARIF properties); a finding whose chain holds a guessed link or an incomplete read set is
never an error.
"""

from __future__ import annotations

import dataclasses

from .model import Finding, Graph

# Rules whose claim depends on the whole read set ("never read").
_NEEDS_READ_SET = frozenset({"ENV002"})


def attach_evidence(findings: list[Finding], graph: Graph) -> list[Finding]:
    links = {(link.site, link.service): link for link in graph.links}
    uncalled = {site.id: site.function for site in graph.sites if site.no_caller}
    services = {s.name: s for s in graph.services}
    out = []
    for finding in findings:
        link = links.get((finding.site or "", finding.service or ""))
        service = services.get(finding.service or "")
        if link is None or service is None:
            out.append(finding)
            continue
        complete = not (service.incomplete or service.reads_dynamic or "" in service.read_prefixes)
        # The rule states what only it knows (ENV001: whether the requirement holds unconditionally).
        evidence = [("link", link.evidence), ("reads", "complete" if complete else "incomplete"), *finding.evidence]
        message, help = finding.message, finding.help
        if link.site in uncalled:
            evidence.append(("caller", "none"))
            # Why the finding is weaker belongs to the help; a finding without a variable keeps it in the
            # message, which is its identity in the fingerprint (envlint/fingerprint.py).
            if finding.variable is None:
                message += f" (no caller in the repository: nothing calls {uncalled[link.site]})"
            else:
                note = f"nothing in the repository calls {uncalled[link.site]}, so this launch may never run"
                help = f"{note}; {help}" if help else note
        weak = (link.evidence == "guess" or link.site in uncalled
                or (not complete and finding.code in _NEEDS_READ_SET))
        severity = "warning" if weak and finding.severity == "error" else finding.severity
        out.append(dataclasses.replace(finding, evidence=tuple(evidence), severity=severity, message=message,
                                       help=help))
    return out
