"""`json-lines`: one JSON object per line, for streaming consumers and `jq -c`.

A finding is the object of the v1 JSON `findings` array plus `"type": "finding"` and its
`"fingerprint"`; a file that could not be analysed is such a finding (ENV000). No summary
object: a consumer counts lines. Keys keep the insertion order of the v1 objects (with `type` first),
which is fixed, so the output is deterministic without sorting.
"""

from __future__ import annotations

import json

from .json_format import finding_json
from .report import Report


def _line(document: dict[str, object]) -> str:
    # ASCII escapes like the v1 JSON: the output survives any terminal or pipe encoding.
    return json.dumps(document, separators=(",", ":"))


def render_json_lines(report: Report) -> str:
    lines = [_line({"type": "finding", **finding_json(f), "fingerprint": f.fingerprint})
             for f in report.findings]
    # An empty report is an empty stream, not a blank line a parser would choke on.
    return "".join(line + "\n" for line in lines)
