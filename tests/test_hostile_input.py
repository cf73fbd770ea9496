"""Bad input costs one file, is reported once with its reason, and never stops the analysis."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .conftest import run_cli

LAUNCHER = """import subprocess

subprocess.run(["docker", "run", "--rm", "acme/worker"], check=True)
"""
WORKER = 'import os\n\nQUEUE = os.environ["WORKER_QUEUE"]\n'


def _repo(tmp_path: Path) -> Path:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "launch.py").write_text(LAUNCHER)
    worker = tmp_path / "worker"
    worker.mkdir()
    (worker / "pyproject.toml").write_text('[project]\nname = "worker"\nversion = "1"\n')
    (worker / "Dockerfile").write_text("FROM python:3.12\n")
    (worker / "main.py").write_text(WORKER)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "latin1.py").write_bytes(b"# caf\xe9\nimport os\nos.getenv('A')\n")
    (bad / "broken.py").write_text("def f(:\n    return os.getenv('B')\n")
    (bad / "broken.go").write_text("package main\n\nfunc main( {\n")
    (bad / "image.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (bad / "empty.py").write_bytes(b"")
    (bad / "empty.go").write_bytes(b"")
    (bad / "deep.py").write_text("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    (bad / "deep.go").write_text("package bad\n\nvar x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    (bad / "huge.py").write_text("x = 1\n" * 400_000)
    os.symlink(tmp_path / "missing.py", bad / "dangling.py")
    return tmp_path


def test_rest_of_repository_is_analysed_and_each_problem_reported_once(tmp_path: Path) -> None:
    result = run_cli("check", "--output-format", "json", cwd=_repo(tmp_path))
    report = json.loads(result.stdout)
    # A file that cannot be analysed is an ENV000 finding (exit 1, as ruff), not a run that failed.
    assert result.exit_code == 1
    assert [(f["code"], f["variable"], f["location"]["path"]) for f in report["findings"]] == [
        ("ENV000", None, "bad/broken.go"),
        ("ENV000", None, "bad/broken.py"),
        ("ENV000", None, "bad/dangling.py"),
        ("ENV000", None, "bad/huge.py"),
        ("ENV000", None, "bad/image.py"),
        ("ENV000", None, "bad/latin1.py"),
        ("ENV001", "WORKER_QUEUE", "ops/launch.py"),
    ]
    problems = [(p["path"], p["kind"]) for p in report["problems"]]
    assert problems == [
        ("bad/broken.go", "syntax-error"),
        ("bad/broken.py", "syntax-error"),
        ("bad/dangling.py", "broken-symlink"),
        ("bad/huge.py", "too-large"),
        ("bad/image.py", "binary"),
        ("bad/latin1.py", "not-utf8"),
    ]
    assert report["summary"]["problems"] == 6


def test_text_report_names_each_problem_with_its_location(tmp_path: Path) -> None:
    result = run_cli("check", cwd=_repo(tmp_path))
    assert result.exit_code == 1
    assert "bad/latin1.py:1:6: ENV000 not-utf8: not valid UTF-8 (byte 0xe9); skipped\n" in result.stdout
    assert "bad/image.py:1:1: ENV000 binary: binary content (NUL bytes); skipped\n" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_unanalysable_files_are_selectable_and_exit_zero_covers_them(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert run_cli("check", "--exit-zero", cwd=repo).exit_code == 0
    ignored = run_cli("check", "--ignore", "ENV000", "--ignore", "ENV001", cwd=repo)
    assert ignored.exit_code == 0
    # Nothing is said to have passed when six files were not checked.
    assert ignored.stdout.endswith("No findings: 1 launch site and 1 service. 6 files could not be fully analysed.\n")
    only = run_cli("check", "--select", "ENV000", "--exclude", "bad/*.py", cwd=repo)
    assert only.exit_code == 1
    assert only.stdout.splitlines()[0].startswith("bad/broken.go:3:1: ENV000 syntax-error: syntax error; the rest of the file was analysed")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_declared_encoding_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "legacy"\nversion = "1"\n')
    (tmp_path / "legacy.py").write_bytes(b"# -*- coding: latin-1 -*-\nimport os\n# caf\xe9\nos.getenv('LEGACY_NAME')\n")
    (tmp_path / "wrong.py").write_bytes(b"# coding: uft-8\nimport os\n")
    result = run_cli("facts", "--json", cwd=tmp_path)
    facts = json.loads(result.stdout)
    assert [r["name"] for s in facts["services"] for r in s["reads"]] == ["LEGACY_NAME"]
    assert [(p["path"], p["kind"]) for p in facts["problems"]] == [("wrong.py", "unknown-encoding")]
    assert result.exit_code == 0  # facts lists problems; only check judges them (ENV000)


def test_parallel_extraction_gives_the_same_report(monkeypatch) -> None:
    import envlint.extract.pool as pool

    example = Path(__file__).parents[1] / "examples" / "agent-platform"
    serial = run_cli("facts", "--json", cwd=example).stdout
    monkeypatch.setattr(pool, "PARALLEL_FROM_BYTES", 0)
    assert run_cli("facts", "--json", cwd=example).stdout == serial


def test_a_generated_file_over_the_limit_is_a_note_not_a_finding(tmp_path: Path) -> None:
    (tmp_path / "crds").mkdir()
    (tmp_path / "crds" / "big.yaml").write_text("# This is an auto-generated file. DO NOT EDIT\nkind: X\n"
                                               + "a: b\n" * 500_000)
    (tmp_path / "crds" / "handwritten.yaml").write_text("kind: X\n" + "a: b\n" * 500_000)
    result = run_cli("check", "--output-format", "json", cwd=tmp_path)
    assert [(f["code"], f["location"]["path"]) for f in json.loads(result.stdout)["findings"]] == [
        ("ENV000", "crds/handwritten.yaml")]
    facts = run_cli("facts", cwd=tmp_path).stdout
    assert "crds/big.yaml:1:1: [generated] 2500054 bytes, over the 2000000-byte limit; skipped" in facts


def test_yaml_merge_keys_are_expanded_once_per_mapping() -> None:
    """A 1 KB compose file whose anchors merge an anchor twice, 25 levels deep, expanded naively holds
    2**25 entries: each mapping is expanded once, each key kept once (own keys, then earlier sources win)."""
    from envlint.extract.yamlsource import items, load_documents

    lines = ["x0: &a0 {k: v0}"]
    lines += [f"x{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}]\n  k{i}: v" for i in range(1, 26)]
    lines.append("top:\n  <<: [*a25, {k: late, extra: e}]\n  k3: own")
    [document] = load_documents("compose.yml", "\n".join(lines).encode())[0]
    top = next(value for key, _, value in items(document) if key == "top")
    entries = {key: value.value for key, _, value in items(top)}
    assert len(items(top)) == 27  # k3 (own), k25 ... k1 but k3, then k and extra
    assert (entries["k3"], entries["k"], entries["extra"]) == ("own", "v0", "e")


def test_a_huge_helm_indent_is_left_unrendered_not_allocated(tmp_path: Path) -> None:
    chart = tmp_path / "chart"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    (chart / "values.yaml").write_text("a: b\n")
    (chart / "templates" / "cm.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: {{ .Values.a | nindent 100000000 }}\n")
    import tracemalloc

    tracemalloc.start()
    try:
        result = run_cli("check", cwd=tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.exit_code, result.stdout) == (0, "All checks passed: 0 launch sites and 0 services.\n")
    assert peak < 50_000_000  # rendered, the indent alone is 100 MB of spaces


def test_deep_expressions_give_every_read_with_its_fallback(tmp_path: Path) -> None:
    """Hundreds of reads nested as defaults, chained with `or`, or joined with `+` (each walk up from a read
    once cost the depth of the tree per step: cubic) are all extracted, with their fallbacks."""
    from envlint.extract.golang.package import extract_go_package
    from envlint.extract.python.file import extract_python_file

    depth = 400
    nested = '"d"'
    for i in range(depth):
        nested = f'os.getenv("N{i}", {nested})'
    chained = " or ".join(f'os.getenv("O{i}")' for i in range(depth))
    facts = extract_python_file("deep.py", f"import os\nX = {nested}\nY = {chained}\n".encode())
    reads = {r.name: r for r in facts.reads}
    assert len(reads) == 2 * depth and not facts.problems
    assert reads["N399"].default.fallbacks == ("N398",) and reads["N0"].default.values == ("d",)
    assert reads["O0"].default.fallbacks == ("O1",) and reads["O398"].default.fallbacks == ("O399",)
    joined = " + ".join(f'os.Getenv("G{i}")' for i in range(depth))
    [go] = extract_go_package([("main.go", f'package main\n\nimport "os"\n\nfunc main() {{\n\t_ = {joined}\n}}\n'.encode())])
    assert sorted(r.name for r in go.reads) == sorted(f"G{i}" for i in range(depth))


def test_problem_kinds_are_the_same_for_every_kind_of_file(tmp_path: Path) -> None:
    """A Dockerfile, go.mod or setup.cfg that is not UTF-8 is `not-utf8` at its line and column, as a
    source file is, not `unreadable` at 1:1 with a codec message."""
    for name in ("Dockerfile", "go.mod", "setup.cfg", "main.py"):
        (tmp_path / name).write_bytes(b"# ok\nx = caf\xe9\n")
    result = run_cli("check", "--output-format", "concise", "--quiet", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        f"{name}:2:8: ENV000 not-utf8: not valid UTF-8 (byte 0xe9); skipped"
        for name in ("Dockerfile", "go.mod", "main.py", "setup.cfg")]


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path: Path) -> None:
    import os as _os

    from envlint.render import RENDERERS

    _os.makedirs(_os.fsencode(tmp_path) + b"/caf\xe9")
    with open(_os.fsencode(tmp_path) + b"/caf\xe9/bad.py", "wb") as handle:
        handle.write(b"def f(:\n")
    (tmp_path / "ok.py").write_text("import os\nos.getenv('A')\n")
    for fmt in sorted(RENDERERS):
        result = run_cli("check", "--output-format", fmt, cwd=tmp_path)
        assert (result.exit_code, result.stderr) == (1, ""), fmt
        assert "not-utf8-name" in result.stdout, fmt
    report = tmp_path / "report.txt"
    assert run_cli("check", "--output-file", str(report), cwd=tmp_path).exit_code == 1
    assert report.read_text().splitlines()[0] == (
        "caf\\xe9/bad.py:1:1: ENV000 not-utf8-name: the file's name is not UTF-8; skipped")


def test_a_file_over_the_size_limit_is_never_read_for_suppressions(tmp_path: Path, monkeypatch) -> None:
    """Extraction skips a file over the limit before reading it; so does the search for `envlint:
    ignore` comments near findings, which read a 4 GB file whole before (8 GB of memory)."""
    from envlint.extract.load import MAX_FILE_BYTES

    _repo(tmp_path)
    big = tmp_path / "bad" / "big.py"
    big.write_text("# envlint: ignore[ENV000]\n" + "x = 1\n" * (MAX_FILE_BYTES // 6 + 1))
    read: list[str] = []
    original = Path.read_text

    def recording(self: Path, *args, **kwargs) -> str:
        read.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", recording)
    result = run_cli("check", "--no-cache", "--output-format", "json", str(tmp_path))
    reported = [(f["location"]["path"], f["name"]) for f in json.loads(result.stdout)["findings"]
                if f["location"]["path"] == "bad/big.py"]
    assert reported == [("bad/big.py", "unanalysable-file")]
    assert "big.py" not in read
