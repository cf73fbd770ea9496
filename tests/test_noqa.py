"""`--add-noqa`: the comment for each file kind, placed where it keeps the meaning, and idempotent."""

from __future__ import annotations

import pytest

from envlint.model import Finding, Location
from envlint.noqa import add_noqa
from envlint.suppress import apply_suppressions


def finding(path: str, line: int, code: str = "ENV002") -> Finding:
    return Finding(
        code=code,
        name="rule",
        severity="warning",
        message="m",
        location=Location(path, line, 1),
        variable="X",
        service="svc",
    )


def noqa(path: str, text: str, *lines_codes: tuple[int, str]) -> str:
    findings = [finding(path, line, code) for line, code in lines_codes]
    edits = add_noqa(findings, {path: text}.get)
    new = edits.get(path, text)
    # A comment added above moves the finding down: follow its line's text.
    old_lines, new_lines = text.split("\n"), new.split("\n")
    moved = [finding(path, next(i for i in range(line - 1, len(new_lines))
                                if new_lines[i].startswith(old_lines[line - 1].split("envlint")[0].rstrip())) + 1, code)
             for line, code in lines_codes]
    # Every finding is now silenced, nothing is unused, and a second run adds nothing.
    kept, unused = apply_suppressions(moved, {path: new}.get, True)
    assert kept == [] and unused == []
    assert add_noqa(moved, {path: new}.get) == {}
    return new


@pytest.mark.parametrize("path, text, expected", [
    ("m.go", 'package main\nvar a = f("X")\n', 'package main\nvar a = f("X") // envlint: ignore[ENV002]\n'),
    ("d.yaml", "env:\n  - name: X\n", "env:\n  - name: X # envlint: ignore[ENV002]\n"),
    ("r.sh", "#!/bin/sh\nX=1 ./app\n", "#!/bin/sh\nX=1 ./app # envlint: ignore[ENV002]\n"),
    ("t.toml", "[a]\nx = 1\n", "[a]\nx = 1 # envlint: ignore[ENV002]\n"),
    ("Dockerfile", "FROM x\n  ENV X=1\n", "FROM x\n  # envlint: ignore[ENV002]\n  ENV X=1\n"),
    (".env", "A=1\nX=1\n", "A=1\n# envlint: ignore[ENV002]\nX=1\n"),
    ("Makefile", "run:\n\tX=1 ./app\n", "run:\n# envlint: ignore[ENV002]\n\tX=1 ./app\n"),
    ("c/_h.tpl", "{{- define \"x\" }}\nX: 1\n", "{{- define \"x\" }}\nX: 1 {{/* envlint: ignore[ENV002] */}}\n"),
    ("w.go", "package main\r\nvar a = 1\r\n", "package main\r\nvar a = 1 // envlint: ignore[ENV002]\r\n"),
])
def test_each_file_kind(path: str, text: str, expected: str) -> None:
    assert noqa(path, text, (2, "ENV002")) == expected


def test_codes_merge_sorted_into_an_existing_suppression() -> None:
    text = "package main\nvar a = 1 // envlint: ignore[ENV003]\nvar b = 1 // why\n"
    assert noqa("m.go", text, (2, "ENV002"), (2, "ENV001"), (3, "ENV002"), (2, "ENV003")) == (
        "package main\nvar a = 1 // envlint: ignore[ENV001, ENV002, ENV003]\nvar b = 1 // why // envlint: ignore[ENV002]\n")


def test_yaml_block_scalar_gets_the_comment_above_its_header() -> None:
    text = "spec:\n  command: |\n    X=1 ./app\n    Y=2 ./app\n"
    assert noqa("d.yaml", text, (3, "ENV002"), (4, "ENV003")) == (
        "spec:\n  # envlint: ignore[ENV002, ENV003]\n  command: |\n    X=1 ./app\n    Y=2 ./app\n")


def test_go_raw_string_gets_the_comment_above() -> None:
    text = 'package main\n\nfunc f() {\n\trun(`\nX=1 ./app\n`)\n}\n'
    assert noqa("m.go", text, (5, "ENV002")) == (
        'package main\n\nfunc f() {\n\t// envlint: ignore[ENV002]\n\trun(`\nX=1 ./app\n`)\n}\n')


@pytest.mark.parametrize("path", ["r.sh", "Dockerfile"])
def test_continued_command_gets_the_comment_above(path: str) -> None:
    text = "FROM x\nRUN docker run \\\n    -e X=1 \\\n    img\n"
    assert noqa(path, text, (3, "ENV002")) == "FROM x\n# envlint: ignore[ENV002]\nRUN docker run \\\n    -e X=1 \\\n    img\n"


def test_merges_into_the_comment_already_above() -> None:
    text = "FROM x\n# envlint: ignore[ENV003]\nENV X=1 \\\n    Y=2\n"
    assert noqa("Dockerfile", text, (4, "ENV002"), (3, "ENV003")) == (
        "FROM x\n# envlint: ignore[ENV002, ENV003]\nENV X=1 \\\n    Y=2\n")


PY = '''import os
import subprocess

A = os.environ["A"]
B = os.getenv("B")  # a note
C = os.getenv("C")  # envlint: ignore[ENV003]
subprocess.run(
    ["app"],
    env={"X": "1",
         "Y": "2"},   
)
script = """
X=1 ./app
"""
D = 1 + \\
    2
'''


def test_python_changes_only_comments() -> None:
    new = noqa("a.py", PY, (4, "ENV001"), (5, "ENV001"), (6, "ENV001"), (6, "ENV003"), (9, "ENV002"), (10, "ENV002"), (13, "ENV002"),
               (15, "ENV005"))
    assert new.count("\n") == PY.count("\n")
    changed = [(old, added) for old, added in zip(PY.split("\n"), new.split("\n")) if old != added]
    assert changed == [
        ('A = os.environ["A"]', 'A = os.environ["A"]  # envlint: ignore[ENV001]'),
        ('B = os.getenv("B")  # a note', 'B = os.getenv("B")  # a note  # envlint: ignore[ENV001]'),
        ('C = os.getenv("C")  # envlint: ignore[ENV003]', 'C = os.getenv("C")  # envlint: ignore[ENV001, ENV003]'),
        ('    env={"X": "1",', '    env={"X": "1",  # envlint: ignore[ENV002]'),
        ('         "Y": "2"},   ', '         "Y": "2"},   # envlint: ignore[ENV002]'),
        ('"""', '"""  # envlint: ignore[ENV002]'),
        ('    2', '    2  # envlint: ignore[ENV005]'),
    ]
    # Every changed line is the old line with a comment added, but the merge into an existing directive.
    assert all(added.startswith(old) for old, added in changed if "ENV003" not in old)


def test_python_that_does_not_parse_is_left_alone() -> None:
    assert add_noqa([finding("bad.py", 1)], {"bad.py": "def (:\n"}.get) == {}


def test_env900_and_unknown_files_get_nothing() -> None:
    assert add_noqa([finding("m.go", 2, "ENV900"), finding("README.md", 1)],
                    {"m.go": "package main\nvar a = 1\n", "README.md": "x\n"}.get) == {}
