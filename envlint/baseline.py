"""The baseline: findings recorded once and hidden afterwards, so that only new ones show.

Findings are matched by fingerprint (envlint/fingerprint.py), which does not hold a line number: moving
code does not make a recorded finding new. The file counts each fingerprint: with N recorded, at most N
findings with that fingerprint are hidden, so a second copy of a recorded problem still shows.
The other fields of an entry (code, variable, service, path) are for the reader of the file and for
review diffs; matching ignores them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from .model import Finding

VERSION = 1


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    code: str
    variable: str | None
    service: str | None
    path: str
    count: int


@dataclass(frozen=True)
class Baseline:
    entries: tuple[BaselineEntry, ...]

    def counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for entry in self.entries:
            counts[entry.fingerprint] += entry.count
        return counts


def _entry_key(entry: BaselineEntry) -> tuple[str, str, str, str, str]:
    return (entry.path, entry.code, entry.variable or "", entry.service or "", entry.fingerprint)


def baseline_json(findings: list[Finding]) -> str:
    """A stable document: the same findings in any order give the same bytes."""
    counts = Counter(f.fingerprint for f in findings)
    first: dict[str, Finding] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        first.setdefault(finding.fingerprint, finding)
    entries = sorted((BaselineEntry(fp, f.code, f.variable, f.service, f.location.path, counts[fp])
                      for fp, f in first.items()), key=_entry_key)
    document = {
        "version": VERSION,
        "entries": [{"fingerprint": e.fingerprint, "code": e.code, "variable": e.variable, "service": e.service,
                     "path": e.path, "count": e.count} for e in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _text(raw: dict[str, object], index: int, name: str, nullable: bool = False) -> str | None:
    value = raw.get(name)
    if name not in raw and not nullable:
        raise ValueError(f"entries[{index}]: missing {name!r}")
    if not isinstance(value, str) and not (nullable and value is None):
        expected = "str or null" if nullable else "str"
        raise ValueError(f"entries[{index}]: {name!r} must be {expected}, not {json.dumps(value)}")
    return value


def _count(raw: dict[str, object], index: int) -> int:
    value = raw.get("count", 1)
    # bool is an int to isinstance; a count of `true` is a mistake, not 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"entries[{index}]: 'count' must be int, not {json.dumps(value)}")
    if value < 1:
        raise ValueError(f"entries[{index}]: 'count' must be at least 1, not {value}")
    return value


def _entry(raw: object, index: int) -> BaselineEntry:
    if not isinstance(raw, dict):
        raise ValueError(f"entries[{index}]: expected an object, not {json.dumps(raw)}")
    fingerprint = _text(raw, index, "fingerprint") or ""
    if not fingerprint:
        raise ValueError(f"entries[{index}]: 'fingerprint' is empty")
    return BaselineEntry(fingerprint, _text(raw, index, "code") or "", _text(raw, index, "variable", True),
                         _text(raw, index, "service", True), _text(raw, index, "path", True) or "",
                         _count(raw, index))


def load_baseline(text: str) -> Baseline:
    """Parse a baseline file; ValueError says what is wrong and where."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(document, dict) or "entries" not in document or "version" not in document:
        raise ValueError('expected a JSON object with "version" and "entries" (write one with --write-baseline)')
    if document["version"] != VERSION:
        raise ValueError(f"unsupported version {json.dumps(document['version'])} (this envlint reads version {VERSION})")
    if not isinstance(document["entries"], list):
        raise ValueError('"entries" must be a list')
    return Baseline(tuple(_entry(raw, i) for i, raw in enumerate(document["entries"])))


def apply_baseline(findings: list[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """(findings the baseline does not hide, stale: recorded occurrences that matched no finding).

    Stale counts occurrences, not entries: a fingerprint recorded twice of which one was fixed gives 1,
    so the baseline can be tightened.
    """
    remaining = baseline.counts()
    shown = []
    for finding in findings:
        if finding.fingerprint and remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            shown.append(finding)
    return shown, sum(remaining.values())
