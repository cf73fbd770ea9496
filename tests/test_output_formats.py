"""The machine-readable output formats: concise, json-lines, sarif, github, junit.

Golden files under tests/golden/<format>/<case>.<ext> hold the reviewed output of `envlint check` on a
few mini-repositories; regenerate them with ENVLINT_UPDATE_GOLDEN=1 and review the diff. SARIF is also
validated against the official OASIS schema (tests/schemas/, see its README) for every rule fixture.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from envlint.checks import RULES
from envlint.model import Finding, Location, Related
from envlint.render import RENDERERS
from envlint.render.github import escape_data, escape_property, render_github
from envlint.render.junit import render_junit
from envlint.render.report import Report, Summary
from envlint.render.sarif import FINGERPRINT_KEY, SRCROOT, message_text

from .conftest import run_cli

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures" / "rules"
GOLDEN = TESTS / "golden"
RULE_CASES = sorted(p for p in FIXTURES.glob("ENV*/*") if p.is_dir())
UPDATE = os.environ.get("ENVLINT_UPDATE_GOLDEN") == "1"

EXTENSIONS = {"concise": "txt", "json-lines": "jsonl", "sarif": "sarif", "github": "txt", "junit": "xml"}
# case name -> (fixture folder, or None for the generated repository with an input problem; exit code)
GOLDEN_CASES = {
    "launch-sites-disagree": (FIXTURES / "ENV003" / "positive-compose-and-go-launcher", 1),
    "misspelled": (FIXTURES / "ENV002" / "positive-misspelled", 1),
    "clean": (FIXTURES / "ENV003" / "negative-agree-or-open", 0),
    "input-problem": (None, 1),
}


def _problem_repo(root: Path) -> Path:
    """The ENV003 fixture plus a Python file that is not UTF-8: one finding and one input problem.

    Generated rather than committed, because envlint lints this repository and would report the file.
    """
    repo = root / "repo"
    shutil.copytree(FIXTURES / "ENV003" / "positive-compose-and-go-launcher", repo)
    (repo / "tools").mkdir()
    (repo / "tools" / "legacy.py").write_bytes(b'import os\nx = os.getenv("A\xff")\n')
    return repo


def _case_root(case: str, tmp_path: Path) -> Path:
    folder, _ = GOLDEN_CASES[case]
    return folder if folder is not None else _problem_repo(tmp_path)


def _check(root: Path, fmt: str):
    return run_cli("check", "--output-format", fmt, cwd=root)


def test_every_format_is_registered() -> None:
    assert set(EXTENSIONS) | {"text", "json"} <= set(RENDERERS)


@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_golden_output(fmt: str, case: str, tmp_path: Path) -> None:
    result = _check(_case_root(case, tmp_path), fmt)
    golden = GOLDEN / fmt / f"{case}.{EXTENSIONS[fmt]}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(result.stdout.encode("utf-8"))
    assert result.stdout.encode("utf-8") == golden.read_bytes()
    assert result.exit_code == GOLDEN_CASES[case][1]
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_output_is_deterministic(fmt: str, tmp_path: Path) -> None:
    root = FIXTURES / "ENV003" / "positive-compose-and-go-launcher"
    assert _check(root, fmt).stdout == _check(root, fmt).stdout


# --- json-lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_json_lines_match_the_json_format(case: str, tmp_path: Path) -> None:
    root = _case_root(case, tmp_path)
    document = json.loads(_check(root, "json").stdout)
    objects = [json.loads(line) for line in _check(root, "json-lines").stdout.splitlines()]
    findings = [o for o in objects if o["type"] == "finding"]
    assert len(findings) == len(objects)  # an unanalysable file is an ENV000 finding
    assert [{k: v for k, v in f.items() if k not in ("type", "fingerprint")} for f in findings] == document["findings"]
    assert [f["location"]["path"] for f in findings if f["code"] == "ENV000"] == [p["path"] for p in document["problems"]]
    assert all(len(f["fingerprint"]) == 16 for f in findings)


# --- sarif --------------------------------------------------------------------------------------

SCHEMA = json.loads((TESTS / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR_CLASS = jsonschema.validators.validator_for(SCHEMA)


def _assert_valid_sarif(text: str) -> dict:
    log = json.loads(text)
    validator = VALIDATOR_CLASS(SCHEMA, format_checker=VALIDATOR_CLASS.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"][FINGERPRINT_KEY]
        for location in result["locations"] + result.get("relatedLocations", []):
            artifact = location["physicalLocation"]["artifactLocation"]
            # repository-relative URI references, never absolute paths of the machine that ran envlint
            assert artifact["uriBaseId"] == SRCROOT
            assert not artifact["uri"].startswith(("/", "file:")) and " " not in artifact["uri"]
    return log


def test_sarif_schema_is_the_official_one() -> None:
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    VALIDATOR_CLASS.check_schema(SCHEMA)


@pytest.mark.parametrize("case", RULE_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sarif_of_every_rule_fixture_is_valid(case: Path) -> None:
    result = _check(case, "sarif")
    log = _assert_valid_sarif(result.stdout)
    findings = json.loads(_check(case, "json").stdout)["findings"]
    (run,) = log["runs"]
    assert [(r["ruleId"], r["message"]["text"]) for r in run["results"]] == [
        (f["code"], f["message"]) for f in findings]
    assert run["invocations"][0]["executionSuccessful"] is True
    # Each unanalysable file is an ENV000 result and also a notification of the run's health.
    notified = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert notified == [f["location"]["path"] for f in findings if f["code"] == "ENV000"]


def test_sarif_reports_input_problems_as_notifications(tmp_path: Path) -> None:
    result = _check(_problem_repo(tmp_path), "sarif")
    assert result.exit_code == 1
    (run,) = _assert_valid_sarif(result.stdout)["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "warning"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tools/legacy.py"
    # The file is also an ENV000 result, beside the ENV003 finding, so code scanning shows it.
    assert [r["ruleId"] for r in run["results"]] == ["ENV003", "ENV000"]
    assert str(tmp_path) not in result.stdout


def test_sarif_rules_carry_the_documentation() -> None:
    log = json.loads(_check(FIXTURES / "ENV003" / "negative-agree-or-open", "sarif").stdout)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    env003 = rules["ENV003"]
    assert env003["name"] == "launch-sites-disagree"
    assert env003["defaultConfiguration"]["level"] == "error"
    assert env003["help"]["markdown"].startswith("## What it does")
    assert "## Why is this bad?" not in env003["fullDescription"]["text"]
    assert rules["ENV005"]["defaultConfiguration"] == {"enabled": False, "level": "note"}


def test_sarif_messages_escape_only_what_would_read_as_a_link() -> None:
    assert message_text("os.environ[] of C:\\x") == {"text": "os.environ[] of C:\\x"}
    assert message_text("set [a](b) in C:\\x") == {"text": "set \\[a\\](b) in C:\\\\x"}


# --- github -------------------------------------------------------------------------------------


def _report(findings=(), problems=()) -> Report:
    summary = Summary(findings=len(findings), errors=sum(f.severity == "error" for f in findings),
                      warnings=sum(f.severity == "warning" for f in findings),
                      notes=sum(f.severity == "note" for f in findings), services=1, launch_sites=1,
                      unlinked_launch_sites=0, problems=len(problems))
    return Report(tuple(findings), tuple(problems), summary)


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # `%` first: an escape must not be escaped again
    assert escape_data("%0A") == "%250A"


def test_github_commands_escape_messages_and_paths() -> None:
    finding = Finding(
        code="ENV002",
        name="set-never-read",
        severity="note",
        message="50% of X,Y: unread\nsecond line",
        location=Location("odd dir/a:b,c%.py", 3, 7),
        variable="X",
        service="svc",
        related=(Related(location=Location("x,y.go", 1, 2), note="set: here"),),
    )
    unanalysable = Finding(
        code="ENV000",
        name="unanalysable-file",
        severity="warning",
        message="not-utf8: bad byte\n0xff",
        location=Location("bad:1.py", 2, 1),
        variable=None,
        service=None,
    )
    lines = render_github(_report([finding, unanalysable])).splitlines()
    assert lines[0] == ("::notice file=odd dir/a%3Ab%2Cc%25.py,line=3,col=7,title=ENV002 set-never-read::"
                        "50%25 of X,Y: unread%0Asecond line%0Ax,y.go:1:2: set: here")
    assert lines[1] == ("::warning file=bad%3A1.py,line=2,col=1,title=ENV000 unanalysable-file::"
                        "not-utf8: bad byte%0A0xff")
    assert lines[2].startswith("Found 2 findings")
    assert len(lines) == 3


def test_github_levels() -> None:
    findings = [
        Finding(
            code="ENV00" + str(i),
            name="n",
            severity=severity,
            message="m",
            location=Location("a.py", i, 1),
            variable=None,
            service=None,
        )
        for i, severity in enumerate(("error", "warning", "note"), start=1)
    ]
    commands = [line.split(" ", 1)[0] for line in render_github(_report(findings)).splitlines()[:3]]
    assert commands == ["::error", "::warning", "::notice"]


# --- junit --------------------------------------------------------------------------------------


def _suite(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "envlint"
    return suite


def test_junit_findings_are_failures() -> None:
    root = FIXTURES / "ENV002" / "positive-misspelled"
    findings = json.loads(_check(root, "json").stdout)["findings"]
    suite = _suite(_check(root, "junit").stdout)
    cases = suite.findall("testcase")
    assert suite.get("tests") == str(len(findings)) == suite.get("failures") and suite.get("errors") == "0"
    assert [c.get("name") for c in cases] == [
        f"{f['code']} {f['location']['path']}:{f['location']['line']}:{f['location']['column']}" for f in findings]
    assert [c.get("classname") for c in cases] == [f["service"] for f in findings]
    assert [c.find("failure").get("type") for c in cases] == [f["code"] for f in findings]
    assert [c.find("failure").get("message") for c in cases] == [f["message"] for f in findings]
    assert "launch site: docker run" in cases[0].find("failure").text


def test_junit_clean_run_is_one_passing_testcase() -> None:
    suite = _suite(_check(FIXTURES / "ENV003" / "negative-agree-or-open", "junit").stdout)
    (case,) = suite.findall("testcase")
    assert case.get("name") == "envlint" and list(case) == []
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")


def test_junit_unanalysable_files_are_failures(tmp_path: Path) -> None:
    suite = _suite(_check(_problem_repo(tmp_path), "junit").stdout)
    failures = [c.find("failure") for c in suite.findall("testcase") if c.find("failure") is not None]
    assert [f.get("type") for f in failures] == ["ENV003", "ENV000"]
    assert (suite.get("failures"), suite.get("errors")) == ("2", "0")


def test_junit_escapes_markup_and_control_characters() -> None:
    finding = Finding(
        code="ENV004",
        name="container-localhost-default",
        severity="warning",
        message='default "<a&b>" \x1b[0m',
        location=Location("a.py", 1, 1),
        variable="X",
        service=None,
        related=(Related(location=Location("b.py", 2, 3), note="]]> <x>"),),
    )
    suite = _suite(render_junit(_report([finding])))
    (case,) = suite.findall("testcase")
    assert case.get("classname") == "a.py"  # no service: the path
    assert case.find("failure").get("message") == 'default "<a&b>" \\x1b[0m'
    assert case.find("failure").text.endswith("b.py:2:3: ]]> <x>")


# --- help (ruff's fix title) ----------------------------------------------------------------------


def _helped() -> Finding:
    return Finding(
        code="ENV001",
        name="read-never-set",
        severity="error",
        message="svc requires Q, which this launch site does not set",
        location=Location("compose.yaml", 6, 3),
        variable="Q",
        service="svc",
        related=(Related(location=Location("m.py", 2, 5), note="required read"),),
        help="a compose service gets only its environment\n::error::x \x1b[2J; set Q here",
    )


def test_text_prints_the_help_beneath_the_related_locations_escaped() -> None:
    from envlint.render.text import render_text

    lines = render_text(_report([_helped()]), summary=False).splitlines()
    assert lines == ["compose.yaml:6:3: ENV001 [svc] svc requires Q, which this launch site does not set",
                     "    m.py:2:5: required read",
                     "    = help: a compose service gets only its environment\\n::error::x \\x1b[2J; set Q here"]


def test_concise_prints_the_message_only() -> None:
    from envlint.render.concise import render_concise

    assert render_concise(_report([_helped()]), summary=False) == (
        "compose.yaml:6:3: ENV001 [svc] svc requires Q, which this launch site does not set\n")


def test_machine_formats_carry_the_help_beside_the_message() -> None:
    from envlint.render.json_format import render_json
    from envlint.render.json_lines import render_json_lines
    from envlint.render.sarif import sarif_log

    finding = _helped()
    (found,) = json.loads(render_json(_report([finding])))["findings"]
    assert (found["message"], found["help"]) == (finding.message, finding.help)
    assert json.loads(render_json_lines(_report([finding])))["help"] == finding.help
    (result,) = sarif_log(_report([finding]))["runs"][0]["results"]
    assert result["message"] == {"text": finding.message}
    assert result["properties"]["help"] == finding.help
    plain = dataclasses.replace(finding, help="")
    assert "help" not in sarif_log(_report([plain]))["runs"][0]["results"][0]["properties"]
    assert json.loads(render_json(_report([plain])))["findings"][0]["help"] == ""


def test_github_and_junit_show_the_help_after_the_message() -> None:
    finding = _helped()
    line = render_github(_report([finding])).splitlines()[0]
    assert line.endswith("::svc requires Q, which this launch site does not set%0Ahelp: a compose service gets only "
                         "its environment%0A::error::x \x1b[2J; set Q here%0Am.py:2:5: required read")
    (case,) = _suite(render_junit(_report([finding]))).findall("testcase")
    assert case.find("failure").get("message") == finding.message
    assert case.find("failure").text.splitlines()[-2:] == ["help: a compose service gets only its environment",
                                                           "::error::x \\x1b[2J; set Q here"]
