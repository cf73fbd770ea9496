"""The byte prefilter (envlint/extract/prefilter.py, go_units.py) loses no fact: `envlint check` with
and without it gives the same graph (every file's resolved facts, services, links) and the same report,
on every fixture repository and on the ecosystem corpus checkouts when they are present.

Extraction is pure per unit, so the run without the prefilter reuses the units both runs share (a memo,
not the cache) and extracts only what differs (the packages the prefilter extracts for their headers only): the
comparison is exact and costs little more than one run.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import envlint.analyze as analyze_module
import envlint.extract.pool as pool
import envlint.extract.run as run
from envlint.extract.prefilter import go_wanted, python_wanted, wanted

from .conftest import run_cli

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures" / "rules").glob("ENV*/*") if p.is_dir())
CORPUS = Path(os.environ.get("ENVLINT_CORPUS", "/work/ecocache"))
CHECKOUTS = sorted(p for p in CORPUS.glob("*/") if p.is_dir()) if CORPUS.is_dir() else []


def _graph(analysis):
    """The graph without the resolvers' intermediate records (`FileFacts.extra`), which only
    envlint/resolve reads and which a header-only file does not carry."""
    graph = analysis.graph
    return dataclasses.replace(graph, files=tuple(dataclasses.replace(f, extra=None) for f in graph.files))


def _both(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo: dict = {}
    extract = run._extract_unit

    def remembered(unit):
        key = (unit[0], tuple(unit[1]))
        if key not in memo:
            memo[key] = extract(unit)
        return memo[key]

    seen = []
    analyze = analyze_module.analyze_found

    def recorded(*args, **options):
        seen.append(analyze(*args, **options))
        return seen[-1]

    monkeypatch.setattr(run, "_extract_unit", remembered)
    monkeypatch.setattr(pool, "PARALLEL_FROM_BYTES", 1 << 62)  # in this process, where the memo is
    monkeypatch.setattr(analyze_module, "analyze_found", recorded)
    outputs = []
    for prefilter in (True, False):
        monkeypatch.setattr(run, "PREFILTER", prefilter)
        # No cache: the whole-run cache would give the second run the first one's results (the memo
        # above reuses the units both runs share).
        result = run_cli("check", "--no-cache", "--output-format", "json", str(case))
        outputs.append((result.exit_code, result.stdout, result.stderr))
    assert outputs[0] == outputs[1]
    assert _graph(seen[0]) == _graph(seen[1])


@pytest.mark.parametrize("case", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_facts_do_not_depend_on_the_prefilter(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(case, monkeypatch)


@pytest.mark.skipif(not CHECKOUTS, reason=f"no ecosystem corpus checkouts under {CORPUS} (set ENVLINT_CORPUS)")
@pytest.mark.parametrize("checkout", CHECKOUTS, ids=lambda p: p.name)
def test_corpus_facts_do_not_depend_on_the_prefilter(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(checkout, monkeypatch)


def test_go_files_without_an_anchor_are_not_wanted() -> None:
    assert wanted("a/main.go", b'package main\nimport "os"\nfunc main() { _ = os.Getenv("X") }\n')
    assert wanted("a/run.go", b'package a\nimport "os/exec"\nfunc f() { exec.Command("ls") }\n')
    assert wanted("a/k.go", b'package a\nimport corev1 "k8s.io/api/core/v1"\nvar c = corev1.Container{}\n')
    assert not wanted("a/math.go", b'package a\nimport "fmt"\nfunc f() { fmt.Println("x") }\n')


def test_python_files_without_an_anchor_are_not_wanted() -> None:
    assert wanted("a.py", b"import os\nprint(os.environ['X'])\n")
    assert wanted("a.py", b"from subprocess import run\nrun(['ls'])\n")
    assert wanted("a.py", b"from app.conf import *\n")
    assert not wanted("a.py", b"def add(a, b):\n    return a + b\n")
    assert wanted("Dockerfile", b"FROM x\n")  # other files are not the prefilter's to judge


def test_packages_without_an_anchor_are_promoted_when_a_whole_package_needs_them() -> None:
    from envlint.discover import discover
    from envlint.extract.go_units import promoted, split_packages

    case = Path(__file__).parent / "fixtures" / "rules" / "ENV001" / "positive-go-names-from-packages-without-env"
    files = discover(case, (case,), (), True).files
    packages = {}
    for source in files:
        if source.kind == "go":
            packages.setdefault(source.path.rpartition("/")[0], []).append(
                (source.path, (case / source.path).read_bytes()))
    whole, headers = split_packages(packages)
    assert (whole, headers) == (["cmd/api", "internal/settings"], ["cmd/worker", "internal/names"])
    facts = [f for folder in whole for f in run._extract_unit(("go", packages[folder]))]
    # cmd/api names internal/names' constant; cmd/worker calls internal/settings' exported wrapper.
    assert promoted(facts, {f: packages[f] for f in headers}, {""}) == ["cmd/worker", "internal/names"]


def _count_cursors(monkeypatch: pytest.MonkeyPatch) -> list:
    from envlint.extract import syntax

    made: list = []
    real = syntax.tree_sitter.QueryCursor

    def counting(query):
        made.append(query)
        return real(query)

    monkeypatch.setattr(syntax.tree_sitter, "QueryCursor", counting)
    return made


def test_a_go_package_is_queried_in_one_pass_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from envlint.extract.golang.package import extract_go_package

    made = _count_cursors(monkeypatch)
    facts = extract_go_package([
        ("cmd/a/main.go", b'package main\n\nimport "os"\n\nfunc main() { println(os.Getenv("A")) }\n'),
        ("cmd/a/util.go", b'package main\n\nimport "strings"\n\nfunc up() string { return strings.ToUpper("x") }\n'),
    ])
    assert [r.name for f in facts for r in f.reads] == ["A"]
    # Every query of the full file in one cursor, none asked again (a function's own declarations
    # included); none of the light one (golang/light.py): its declarations are read from the tree's top.
    assert len(made) == 1


def test_a_python_file_is_queried_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from envlint.extract.python.file import extract_python_file

    made = _count_cursors(monkeypatch)
    facts = extract_python_file("app.py", b'import os\nimport subprocess\n\nHOST = os.environ["HOST"]\n'
                                          b'subprocess.run(["worker"], env={"A": HOST})\n')
    assert [r.name for r in facts.reads] == ["HOST"] and len(facts.launch_sites) == 1
    assert len(made) == 1  # the imports and every query they may call for, in one cursor


# The prefilter's anchors written as the one regular expression each language had: the byte searches
# that replaced them must answer the same for any bytes (IGNORECASE on a bytes pattern is ASCII case).
_GO_REGEX = re.compile(rb"(?i:env)|Command|/api/types/container\"|\"k8s\.io/api/core/v1\"")
_PYTHON_REGEX = re.compile(rb"(?i:env)|subprocess|Popen|system|spawn|exec|docker|testcontainers|decouple|"
                           rb"Settings|import\s*\*")
_PIECES = st.sampled_from([b"e", b"E", b"n", b"N", b"v", b"V", b"\xc3\xa9", b"Command", b"Comman", b"import",
                           b" ", b"\t", b"*", b"exec", b"Setting", b"Settings", b'"k8s.io/api/core/v1"',
                           b'/api/types/container"', b"x"])


@given(st.lists(_PIECES, max_size=12).map(b"".join))
@example(b"ENV")
@example(b"eNv")
@example(b"import\t *")
def test_the_byte_searches_answer_as_the_regular_expressions(data: bytes) -> None:
    assert go_wanted(data) == (_GO_REGEX.search(data) is not None)
    assert python_wanted(data) == (_PYTHON_REGEX.search(data) is not None)
