"""Inline suppressions: each comment syntax, code lists, file-level forms, look-alikes in strings, ENV900."""

from __future__ import annotations

import pytest

from envlint.model import Finding, Location
from envlint.comments import scan
from envlint.suppress import apply_suppressions, directives_in


def finding(path: str, line: int, code: str = "ENV002") -> Finding:
    return Finding(
        code=code,
        name="rule",
        severity="warning",
        message=f"{code} at {line}",
        location=Location(path, line, 1),
        variable="X",
        service="svc",
    )


def run(files: dict[str, str], findings: list[Finding], report_unused: bool = True, **kwargs):
    return apply_suppressions(findings, files.get, report_unused, **kwargs)


@pytest.mark.parametrize("path, text", [
    ("main.go", 'package main\nvar a = f("X") // envlint: ignore[ENV002]\n'),
    ("main.go", 'package main\nvar a = f("X") /* envlint: ignore[ENV002] */\n'),
    ("app.py", 'import os\nA = os.environ["X"]  # envlint: ignore[ENV002]\n'),
    ("k8s/deploy.yaml", 'kind: Pod\nvalue: x # envlint: ignore[ENV002]\n'),
    ("chart/templates/d.yaml", 'kind: Pod\nvalue: {{ .Values.x }} {{/* envlint: ignore[ENV002] */}}\n'),
    ("chart/templates/_helpers.tpl", '{{- define "x" -}}\nX: 1 {{- /* envlint: ignore[ENV002] */ -}}\n'),
    ("run.sh", '#!/bin/sh\nX=1 ./app # envlint: ignore[ENV002]\n'),
    ("Makefile", 'run:\n\tX=1 ./app # envlint: ignore[ENV002]\n'),
    ("pyproject.toml", '[tool]\nx = "1" # envlint: ignore[ENV002]\n'),
])
def test_trailing_comment_in_each_syntax(path: str, text: str) -> None:
    kept, unused = run({path: text}, [finding(path, 2)])
    assert kept == [] and unused == []


@pytest.mark.parametrize("path, text", [
    ("Dockerfile", "FROM x\n# envlint: ignore[ENV002]\nENV X=1\n"),
    ("Dockerfile.worker", "FROM x\n# envlint: ignore[ENV002]\nENV X=1\n"),
    (".env", "A=1\n# envlint: ignore[ENV002]\nX=1\n"),
    ("svc/prod.env", "# envlint: ignore[ENV002]\n# another comment\nX=1\n"),
    ("main.go", "package main\n// envlint: ignore[ENV002]\nvar a = 1\n"),
])
def test_comment_alone_covers_the_next_line(path: str, text: str) -> None:
    line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith(("ENV X", "X=", "var"))))
    kept, unused = run({path: text}, [finding(path, line + 1)])
    assert kept == [] and unused == []


def test_dockerfile_hash_after_an_instruction_is_no_comment() -> None:
    text = "FROM x\nENV X=1 # envlint: ignore[ENV002]\n"
    kept, _ = run({"Dockerfile": text}, [finding("Dockerfile", 2)])
    assert len(kept) == 1


def test_code_lists_and_blanket() -> None:
    text = "package main\nvar a = 1 // envlint: ignore[ENV002, ENV003]\nvar b = 2 // envlint: ignore\n"
    findings = [finding("m.go", 2, "ENV002"), finding("m.go", 2, "ENV003"), finding("m.go", 2, "ENV001"),
                finding("m.go", 3, "ENV001"), finding("m.go", 3, "ENV004")]
    kept, unused = run({"m.go": text}, findings)
    assert [(f.location.line, f.code) for f in kept] == [(2, "ENV001")]
    assert unused == []


def test_file_level_forms() -> None:
    text = "# envlint: ignore-file[ENV002]\nimport os\nA = 1\nB = 2\n"
    kept, unused = run({"a.py": text}, [finding("a.py", 3), finding("a.py", 4, "ENV001")])
    assert [f.code for f in kept] == ["ENV001"] and unused == []
    kept, unused = run({"b.py": "A = 1\n# envlint: ignore-file\n"}, [finding("b.py", 1, "ENV001")])
    assert kept == [] and unused == []


@pytest.mark.parametrize("path, text", [
    ("m.go", 'package main\nvar a = f("X // envlint: ignore")\n'),
    ("m.go", "package main\nvar a = f(`X # envlint: ignore`)\n"),
    ("m.go", "package main\nvar a = f('\"', \"envlint: ignore\")\n"),
    ("a.py", 'import os\nA = f("X  # envlint: ignore")\n'),
    ("a.py", 'import os\nA = f("""\n# envlint: ignore""")\n'),
    ("r.sh", "#!/bin/sh\necho 'x # envlint: ignore'\n"),
    ("r.sh", "#!/bin/sh\necho x#envlint: ignore\n"),
    ("d.yaml", "a: 1\nb: 'x # envlint: ignore'\n"),
    ("d.yaml", "a: 1\nb: http://x/#envlint: ignore\n"),
])
def test_text_in_strings_is_no_suppression(path: str, text: str) -> None:
    assert directives_in(path, text) == []
    kept, unused = run({path: text}, [finding(path, 2)])
    assert len(kept) == 1 and unused == []


def test_yaml_block_scalar_is_not_a_comment_and_header_comment_covers_it() -> None:
    text = "spec:\n  command: |\n    # envlint: ignore\n    X=1 ./app\n  other: 1\n"
    assert directives_in("d.yaml", text) == []
    above = "spec:\n  # envlint: ignore[ENV002]\n  command: |\n    X=1 ./app\n    Y=2 ./app\n  other: 1\n"
    kept, unused = run({"d.yaml": above}, [finding("d.yaml", 4), finding("d.yaml", 5), finding("d.yaml", 6)])
    assert [f.location.line for f in kept] == [6] and unused == []


def test_go_raw_string_and_shell_continuation_spans() -> None:
    go = 'package main\n// envlint: ignore[ENV002]\nvar s = `\nX=1\n`\nvar t = 1\n'
    assert scan("m.go", go).spans == ((3, 5),)
    kept, _ = run({"m.go": go}, [finding("m.go", 4), finding("m.go", 6)])
    assert [f.location.line for f in kept] == [6]
    sh = "#!/bin/sh\n# envlint: ignore[ENV002]\ndocker run \\\n  -e X=1 \\\n  img\necho done\n"
    kept, _ = run({"r.sh": sh}, [finding("r.sh", 4), finding("r.sh", 6)])
    assert [f.location.line for f in kept] == [6]


def test_unused_and_unknown_codes_are_env900() -> None:
    text = "package main\nvar a = 1 // envlint: ignore[ENV002, ENV003, ENV123]\nvar b = 2 // envlint: ignore\n"
    kept, unused = run({"m.go": text}, [finding("m.go", 2, "ENV002")])
    assert kept == []
    assert [(f.code, f.location.line) for f in unused] == [("ENV900", 2), ("ENV900", 3)]
    assert unused[0].message == "unused suppression `envlint: ignore[ENV002, ENV003, ENV123]`"
    assert unused[0].help == ("no ENV003 finding on this line; unknown rule code ENV123; remove ENV003 (or the whole "
                              "comment) and correct or remove the unknown code")
    assert (unused[1].message, unused[1].help) == ("unused suppression `envlint: ignore`",
                                                   "no finding on this line to silence; remove the comment")
    assert all(f.fingerprint for f in unused)


def test_env900_only_when_asked_and_only_for_selected_codes() -> None:
    text = "package main\nvar a = 1 // envlint: ignore[ENV005]\n"
    assert run({"m.go": text}, [finding("m.go", 1)], report_unused=False)[1] == []
    assert len(run({"m.go": text}, [finding("m.go", 1)])[1]) == 1
    assert run({"m.go": text}, [finding("m.go", 1)], selected=frozenset({"ENV002", "ENV900"}))[1] == []


def test_env900_silenced_by_naming_it_not_by_a_blanket() -> None:
    text = "package main\nvar a = 1 // envlint: ignore[ENV003, ENV900]\n// envlint: ignore[ENV900]\nvar b = 1\n"
    assert run({"m.go": text}, [finding("m.go", 4, "ENV001")])[1] == []


def test_files_without_findings_are_scanned_only_when_passed() -> None:
    files = {"a.py": "A = 1  # envlint: ignore[ENV002]\n", "b.py": "B = 1\n"}
    assert run(files, [finding("b.py", 1)])[1] == []
    _, unused = run(files, [finding("b.py", 1)], paths=["a.py", "b.py", "missing.py"])
    assert [f.location.path for f in unused] == ["a.py"]
