"""`sarif`: SARIF 2.1.0 (OASIS, errata 01), one run, for GitHub code scanning and other SARIF viewers.

Deterministic by construction: keys in a fixed order, no timestamps, no absolute paths. Paths stay
repository-relative and resolve against `%SRCROOT%`, which the log deliberately leaves without a `uri`:
the consumer (e.g. `github/codeql-action/upload-sarif`) knows where the checkout is; envlint's output
must not depend on it.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from ..checks import Rule
from ..model import Finding, Location
from .report import Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Placeholder until the project has a public home; helpUri of every rule derives from it.
INFORMATION_URI = "https://github.com/envlint/envlint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "envlintFingerprint/v1"
# Finding severities are SARIF levels already; the mapping is spelled out so a new severity fails loudly.
LEVELS = {"error": "error", "warning": "warning", "note": "note"}
# SARIF 3.11.6: `[text](target)` in a message is an embedded link; literal brackets that would form
# one must be backslash-escaped (and then so must backslashes). Only such messages are touched, so
# ordinary text such as `os.environ[]` reaches viewers that do not unescape exactly as written.
_LINK_LIKE = re.compile(r"\[[^\]]*\]\(")


def message_text(text: str) -> dict[str, str]:
    if _LINK_LIKE.search(text):
        text = re.sub(r"([\\\[\]])", r"\\\1", text)
    return {"text": text}


def _section(doc: str, title: str) -> str:
    """The body of one `## title` section of a rule's markdown doc."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    if not match:
        return ""
    # Unwrap the hard-wrapped lines of each paragraph, keep the paragraph breaks.
    return "\n\n".join(" ".join(p.split()) for p in match.group(1).strip().split("\n\n"))


def _rule_json(rule: Rule) -> dict[str, object]:
    tags = ["environment-variables", "configuration"]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _section(rule.doc, "What it does") or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": f"{INFORMATION_URI}#{rule.code.lower()}",
        "defaultConfiguration": {"enabled": rule.enabled_by_default, "level": LEVELS[rule.severity]},
        "properties": {"tags": tags},
    }


def _physical(location: Location) -> dict[str, object]:
    return {
        "physicalLocation": {
            # A URI reference, not a file name: spaces, `%`, `#` and non-ASCII are percent-encoded.
            "artifactLocation": {"uri": quote(location.path, safe="/"), "uriBaseId": SRCROOT},
            # SARIF regions are 1-based with a minimum of 1; envlint's are too, the max() only guards
            # a future input error reported "at the file" with line 0 from producing invalid SARIF.
            "region": {"startLine": max(1, location.line), "startColumn": max(1, location.column)},
        },
    }


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {"ruleId": finding.code}
    if finding.code in rule_index:  # every rule is in RULES today; a stray code must not crash the output
        result["ruleIndex"] = rule_index[finding.code]
    result.update({
        "level": LEVELS[finding.severity],
        "message": message_text(finding.message),
        "locations": [_physical(finding.location)],
    })
    if finding.related:
        result["relatedLocations"] = [{"id": i, **_physical(r.location), "message": message_text(r.note)}
                                      for i, r in enumerate(finding.related, start=1)]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    # The help (why and what to do) is not part of `message.text`, which stays the short message as ruff's
    # is; SARIF's result has no field for a per-result fix title without an edit (a `fix` needs
    # `artifactChanges`), so it goes into the property bag, SARIF's place for tool-specific data.
    properties: dict[str, object] = {k: v for k, v in (("variable", finding.variable), ("service", finding.service),
                                                       ("help", finding.help)) if v}
    if finding.evidence:
        properties["evidence"] = dict(finding.evidence)
    if properties:
        result["properties"] = properties
    return result


def sarif_log(report: Report) -> dict[str, object]:
    from importlib.metadata import version  # imported for SARIF output only (15 ms)

    from ..checks import RULES  # every rule's documentation: imported only for SARIF output

    rule_index = {rule.code: i for i, rule in enumerate(RULES)}
    notifications = [{"level": "warning", "message": message_text(p.message),
                      "locations": [_physical(p.location)], "descriptor": {"id": p.kind}}
                     for p in report.problems]
    run = {
        "tool": {"driver": {"name": "envlint", "informationUri": INFORMATION_URI, "version": version("envlint"),
                            "rules": [_rule_json(rule) for rule in RULES]}},
        # A file that could not be analysed is an ENV000 result, and the run itself completed; the
        # notifications also say so where SARIF consumers look for tool health.
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The root of the analysed repository."}}},
        "columnKind": "unicodeCodePoints",  # envlint counts columns in characters, not UTF-16 units
        "results": [_result(f, rule_index) for f in report.findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2) + "\n"
