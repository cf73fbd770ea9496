"""The baseline: stable JSON, clear errors, counted matching by fingerprint, and lines that move."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from envlint.analyze import analyze
from envlint.baseline import apply_baseline, baseline_json, load_baseline
from envlint.config import Config
from envlint.model import Finding, Location
from envlint.run_checks import run_checks

REPO = Path(__file__).parent / "fixtures" / "rules" / "ENV002" / "positive-misspelled"


def finding(fingerprint: str, line: int = 1, code: str = "ENV002", path: str = "m.go") -> Finding:
    return Finding(
        code=code,
        name="rule",
        severity="warning",
        message="m",
        location=Location(path, line, 1),
        variable="X",
        service="svc",
        fingerprint=fingerprint,
    )


def test_json_is_stable_sorted_and_counted() -> None:
    findings = [finding("b", 3, path="z.go"), finding("a", 1), finding("a", 9)]
    text = baseline_json(findings)
    assert text == baseline_json(list(reversed(findings)))
    document = json.loads(text)
    assert document["version"] == 1
    assert document["entries"] == [
        {"fingerprint": "a", "code": "ENV002", "variable": "X", "service": "svc", "path": "m.go", "count": 2},
        {"fingerprint": "b", "code": "ENV002", "variable": "X", "service": "svc", "path": "z.go", "count": 1},
    ]
    assert load_baseline(text).counts() == {"a": 2, "b": 1}


def test_counting_hides_at_most_the_recorded_number() -> None:
    baseline = load_baseline(baseline_json([finding("a")]))
    shown, stale = apply_baseline([finding("a", 1), finding("a", 5), finding("c")], baseline)
    assert [(f.fingerprint, f.location.line) for f in shown] == [("a", 5), ("c", 1)]
    assert stale == 0
    shown, stale = apply_baseline([], load_baseline(baseline_json([finding("a"), finding("a", 2)])))
    assert shown == [] and stale == 2


@pytest.mark.parametrize("text, message", [
    ("{", "not valid JSON"),
    ("[]", 'expected a JSON object with "version" and "entries"'),
    ('{"version": 2, "entries": []}', "unsupported version 2"),
    ('{"version": 1, "entries": {}}', '"entries" must be a list'),
    ('{"version": 1, "entries": [3]}', "entries[0]: expected an object"),
    ('{"version": 1, "entries": [{"code": "ENV002"}]}', "entries[0]: missing 'fingerprint'"),
    ('{"version": 1, "entries": [{"fingerprint": "", "code": "ENV002"}]}', "'fingerprint' is empty"),
    ('{"version": 1, "entries": [{"fingerprint": "a", "code": "ENV002", "count": 0}]}', "at least 1"),
    ('{"version": 1, "entries": [{"fingerprint": "a", "code": "ENV002", "count": true}]}', "'count' must be int"),
    ('{"version": 1, "entries": [{"fingerprint": "a", "code": 2}]}', "'code' must be str"),
])
def test_malformed_files_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        load_baseline(text)
    assert message in str(raised.value)


def test_moved_lines_in_a_findings_list() -> None:
    findings = [finding("a", 10), finding("b", 12)]
    baseline = load_baseline(baseline_json(findings))
    moved = [dataclasses.replace(f, location=dataclasses.replace(f.location, line=f.location.line + 7))
             for f in findings]
    assert apply_baseline(moved, baseline) == ([], 0)
    assert apply_baseline(moved[:1], baseline) == ([], 1)


def _findings(root: Path) -> list[Finding]:
    return run_checks(analyze(root, (root,), Config()).graph, Config())


def test_moved_lines_in_a_repository(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns("expected.*"))
    before = _findings(root)
    assert len(before) == 2 and all(f.fingerprint for f in before)
    baseline = load_baseline(baseline_json(before))

    main = root / "cmd" / "dispatcher" / "main.go"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("func main() {", "// Moved down.\n\n\nfunc main() {"), encoding="utf-8")
    after = _findings(root)
    assert [f.location.line for f in after] == [f.location.line + 3 for f in before]
    assert apply_baseline(after, baseline) == ([], 0)

    main.write_text(main.read_text(encoding="utf-8").replace('\t\t"-e", "FEATURE_BANANA=1",\n', ""),
                    encoding="utf-8")
    fixed = _findings(root)
    assert len(fixed) == 1
    assert apply_baseline(fixed, baseline) == ([], 1)


def test_fingerprints_ignore_the_wording_of_message_and_help() -> None:
    """Rewording a finding (its message, its help) must not make a baselined finding new. A finding without
    a variable (ENV000, ENV005) is identified by its message, whose wording is therefore kept as it was."""
    from envlint.fingerprint import fingerprint_findings
    from envlint.model import Graph

    graph = Graph(services=(), sites=(), links=(), files=(), problems=())
    one = Finding(
        code="ENV001",
        name="read-never-set",
        severity="error",
        message="svc requires Q, but this site does not set it: why",
        location=Location("compose.yaml", 6, 3),
        variable="Q",
        service="svc",
    )
    reworded = dataclasses.replace(one, message="svc requires Q, which this launch site does not set", help="why; fix")
    first, second = fingerprint_findings([one, reworded], graph)
    assert first.fingerprint == second.fingerprint
    problem = Finding(
        code="ENV000",
        name="unanalysable-file",
        severity="warning",
        message="not-utf8: bad",
        location=Location("a.py", 1, 1),
        variable=None,
        service=None,
    )
    helped = dataclasses.replace(problem, help="fix the file")
    first, second = fingerprint_findings([problem, helped], graph)
    assert first.fingerprint == second.fingerprint
