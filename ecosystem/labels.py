"""Labels: every finding at a pinned commit, read at both ends and judged TRUE / PLAUSIBLE / FALSE.

`labels/<name>.tsv` has a header and one row per finding:
code, path, line, variable, service, verdict, cause, why. A finding matches a label by
(code, path, line, variable, service); `cause` names the class of a false finding (the mechanism to fix),
`why` says what reading the code showed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

VERDICTS = ("TRUE", "PLAUSIBLE", "FALSE")
COLUMNS = ("code", "path", "line", "variable", "service", "verdict", "cause", "why")

Key = tuple[str, str, int, str, str]


class LabelError(Exception):
    """A label file that does not follow the format."""


@dataclass(frozen=True, kw_only=True)
class Label:
    key: Key
    verdict: str
    cause: str
    why: str


def finding_key(finding: dict) -> Key:
    location = finding["location"]
    return (finding["code"], location["path"], int(location["line"]), finding.get("variable") or "",
            finding.get("service") or "")


def load_labels(path: Path) -> dict[Key, Label]:
    if not path.is_file():
        return {}
    labels: dict[Key, Label] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if tuple(header or ()) != COLUMNS:
            raise LabelError(f"{path}: the header must be {' '.join(COLUMNS)}")
        for number, row in enumerate(rows, start=2):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != len(COLUMNS):
                raise LabelError(f"{path}:{number}: {len(row)} columns, expected {len(COLUMNS)}")
            code, file, line, variable, service, verdict, cause, why = row
            if verdict not in VERDICTS:
                raise LabelError(f"{path}:{number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
            if not line.isdigit():
                raise LabelError(f"{path}:{number}: line {line!r} is not a number")
            key = (code, file, int(line), variable, service)
            if key in labels:
                raise LabelError(f"{path}:{number}: a second label for {key}")
            labels[key] = Label(key=key, verdict=verdict, cause=cause, why=why)
    return labels


def unlabelled_rows(findings: list[dict], labels: dict[Key, Label]) -> list[str]:
    """TSV rows, ready to be judged, for the findings no label covers."""
    rows = []
    for finding in findings:
        key = finding_key(finding)
        if key not in labels:
            code, file, line, variable, service = key
            message = finding["message"].replace("\t", " ").replace("\n", " ")
            rows.append("\t".join((code, file, str(line), variable, service, "?", "", message)))
    return rows
