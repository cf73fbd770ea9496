"""The benchmark's own parts (bench/), fast and with no timing: the corpus builder on small stand-in
sources, the contracts of its generated layer as `envlint check` finds them, the floors' counts, and
the exact report text of given numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import corpus, floor, generated, measure, prefilter, report

from .conftest import run_cli


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the interpreter's library and Go's tree: two small folders of each language,
    plus what the builder must leave out (tests by name, folders envlint never reads)."""
    py, go = tmp_path / "py", tmp_path / "go"
    for folder, name, text in (
        (py / "alpha", "a.py", "x = 1\ny = 2\n"),
        (py / "beta", "b.py", "z = 3\n"),
        (py / "beta", "test_b.py", "assert True\n"),
        (py / "site-packages" / "gamma", "g.py", "w = 4\n"),
        (go / "strs", "s.go", "package strs\n\nfunc S() {}\n"),
        (go / "strs", "s_test.go", "package strs\n"),
        (go / "testdata", "t.go", "package t\n"),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    (go / "go.mod").write_text("module std\n\ngo 1.19\n")
    monkeypatch.setattr(corpus, "python_sources", lambda: [corpus.Source("python/stdlib", py, ".py")])
    monkeypatch.setattr(corpus, "go_source", lambda: corpus.Source("go", go, ".go"))
    return tmp_path


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_builder_takes_whole_folders_of_what_envlint_reads_and_the_generated_units(sources: Path) -> None:
    dest = sources / "corpus"
    manifest = corpus.build(dest, scale=1 / corpus.LINES_PER_LANGUAGE, units=2)  # one line: one folder per language
    files = _files(dest)
    assert [f for f in files if not f.startswith("gen/")] == [
        ".bench-manifest.json", "go/go.mod", "go/strs/s.go", "python/stdlib/alpha/a.py"]
    assert manifest["parts"] == {"go": {"files": 1, "lines": 3}, "python": {"files": 1, "lines": 2},
                                 "generated": {"units": 2}}
    assert [f for f in files if f.startswith("gen/u0/")] == sorted(f"gen/{rel}" for rel in generated.unit_files(0))
    assert "gen/go.mod" in files and "gen/u1/ops1/main.go" in files


def test_sources_are_taken_again_with_distinct_bytes_when_they_run_out(sources: Path) -> None:
    manifest = corpus.build(sources / "corpus", scale=10 / corpus.LINES_PER_LANGUAGE, units=0)
    # Each round is alpha/a.py and beta/b.py (3 lines); the second adds a two-line trailer to each.
    assert manifest["parts"]["python"] == {"files": 4, "lines": 3 + 7}
    again = sources / "corpus" / "again1" / "python" / "stdlib" / "alpha" / "a.py"
    assert again.read_text() == "x = 1\ny = 2\n\n# bench copy 1\n"
    assert any("sources ran out" in note for note in manifest["notes"])


def test_without_golang_src_generated_go_stands_in_and_the_notes_say_so(sources: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "go_source", lambda: None)
    manifest = corpus.build(sources / "corpus", scale=500 / corpus.LINES_PER_LANGUAGE, units=0)
    assert manifest["parts"]["go"] == {"files": 2, "lines": 583}
    assert "golang-src is not installed" in " ".join(manifest["notes"])


def test_envlint_finds_the_planted_mistakes_of_unit_0_and_nothing_in_unit_1(sources: Path) -> None:
    dest = sources / "corpus"
    corpus.build(dest, scale=1 / corpus.LINES_PER_LANGUAGE, units=2)
    result = run_cli("check", "--output-format", "json", cwd=dest)
    findings = [(f["code"], f["variable"], f["location"]["path"], f["location"]["line"], f["location"]["column"])
                for f in json.loads(result.stdout)["findings"]]
    assert findings == [
        ("ENV001", "API0_SECRET_KEY", "gen/u0/deploy/api0.yaml", 9, 11),
        ("ENV007", "WORKER0_QUEUE", "gen/u0/ops0/main.go", 10, 43),
    ]


def test_floors_parse_every_code_file_and_query_what_the_prefilter_lets_through(sources: Path) -> None:
    dest = sources / "corpus"
    corpus.build(dest, scale=1 / corpus.LINES_PER_LANGUAGE, units=1)
    files = measure.listing(dest)
    unit = generated.unit_files(0)
    lines = {kind: sum(text.count("\n") for rel, text in unit.items() if rel.endswith(suffix))
             for kind, suffix in (("go", ".go"), ("python", ".py"))}
    assert files.lines == {"go": 3 + lines["go"], "python": 2 + lines["python"]}
    listing = {"root": str(dest), "all": list(files.all_files), "code": [list(c) for c in files.code],
               "sizes": files.sizes}
    parsed = floor.run("parse", 1, listing)
    assert (parsed["files"], parsed["parsed"]) == (8, 8)  # Go: s.go, worker0, ops0; Python: a.py and the unit's four
    wanted = prefilter.chosen()[1]
    through = sum(wanted(path, (dest / path).read_bytes()) for path, _ in files.code)
    queried = floor.run("query", 1, listing)
    assert (queried["files"], queried["parsed"]) == (8, through)
    assert queried["matches"] > 0


def _run(title: str, lines: int, scale: float) -> report.Run:
    rows = tuple(report.Row(name, (s * scale, s * scale * 2, s * scale * 1.5), (10240, 20480, 15360),
                            (30720, 40960, 0) if name != "read" else (0, 0, 0), counts)
                 for name, s, counts in (
                     ("read", 0.1, {"files": 120}),
                     ("parse-1", 2.0, {"files": 100, "parsed": 100, "matches": 0}),
                     ("parse-2", 1.25, {"files": 100, "parsed": 100, "matches": 0}),
                     ("query-2", 0.5, {"files": 100, "parsed": 10, "matches": 42}),
                     ("check-cold", 1.0, {"files": 120, "findings": 3}),
                     ("check-first", 1.2, {"files": 120, "findings": 3}),
                     ("check-warm", 0.2, {"files": 120, "findings": 3})))
    return report.Run(title, {"go": lines // 2, "python": lines // 2}, {"all": 120, "go": 50, "python": 50},
                      rows, ("prefilter: test",))


def test_report_table_is_exact() -> None:
    assert report.table(_run("1x", 2_000_000, 1.0)) == """\
### 1x: 2,000,000 lines of Go and Python (Go 1,000,000, Python 1,000,000); 100 Go/Python files of 120

- prefilter: test

| measurement | work | median s | s per M lines | vs floor | peak MB | all procs MB | runs s |
|---|---|---:|---:|---|---:|---:|---|
| (a) read all bytes | 120 files | 0.15 | 0.08 |  | 20 | ? | 0.10 0.20 0.15 |
| (b) parse all Go/Python, 1 process | 100 parsed | 3.00 | 1.50 |  | 20 | 40 | 2.00 4.00 3.00 |
| (b) parse all Go/Python, 2 processes | 100 parsed | 1.88 | 0.94 |  | 20 | 40 | 1.25 2.50 1.88 |
| (c) prefilter + parse + query, 2 processes | 10 of 100 parsed, 42 matches | 0.75 | 0.38 |  | 20 | 40 | 0.50 1.00 0.75 |
| (d) envlint check, cold | 120 files, 3 findings | 1.50 | 0.75 | 2.0x query-2, 0.8x parse-2 | 20 | 40 | 1.00 2.00 1.50 |
| (d) envlint check, first run with a cache | 120 files, 3 findings | 1.80 | 0.90 | 2.4x query-2, 1.0x parse-2 | 20 | 40 | 1.20 2.40 1.80 |
| (d) envlint check, warm | 120 files, 3 findings | 0.30 | 0.15 | 2.0x read | 20 | 40 | 0.20 0.40 0.30 |
"""


def test_growth_table_is_exact() -> None:
    runs = [_run("1x", 1_000_000, 1.0), _run("2x", 2_000_000, 2.0)]
    assert report.growth(runs) == """\
### Growth

| measurement | 1x s/M lines | 2x s/M lines |
|---|---:|---:|
| Go+Python lines | 1,000,000 | 2,000,000 |
| (a) read all bytes | 0.15 | 0.15 |
| (b) parse all Go/Python, 1 process | 3.00 | 3.00 |
| (b) parse all Go/Python, 2 processes | 1.88 | 1.88 |
| (c) prefilter + parse + query, 1 process |  |  |
| (c) prefilter + parse + query, 2 processes | 0.75 | 0.75 |
| (d) envlint check, cold | 1.50 | 1.50 |
| (d) envlint check, first run with a cache | 1.80 | 1.80 |
| (d) envlint check, warm | 0.30 | 0.30 |
"""


def test_memory_sampler_sums_a_process_and_its_children() -> None:
    import subprocess
    import sys

    from bench import memory

    # A parent that forks one child which allocates 50 MB and sleeps: the tree holds both.
    code = ("import os, time\nif os.fork() == 0:\n    b = bytearray(50 * 2**20)\n    time.sleep(1)\n"
            "    os._exit(0)\nos.wait()\n")
    process = subprocess.Popen([sys.executable, "-c", code])
    sampler = memory.Sampler(process.pid).start()
    process.wait()
    assert sampler.stop() > 50 * 1024
