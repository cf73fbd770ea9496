"""Strings from the analysed repository never reach the terminal or a CI log raw (issue: injected lines).

A compose key, a variable name or a file name holding a newline would otherwise print a line of its own,
and a line starting with `::` is a workflow command to GitHub Actions; ANSI escapes and `\\r` would
rewrite what the reader sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from envlint.render.printable import printable

from .conftest import run_cli


@pytest.mark.parametrize(("raw", "shown"), [
    ("LOG_LEVEL", "LOG_LEVEL"),
    ("caf\u00e9 \u65e5\u672c", "caf\u00e9 \u65e5\u672c"),  # printable text of any script is kept
    ("A\n::error::x", "A\\n::error::x"),
    ("\x1b[2Jgone\r", "\\x1b[2Jgone\\r"),
    ("tab\there", "tab\\there"),
    ("rtl\u202eexe.yml", "rtl\\u202eexe.yml"),  # a bidirectional override
    ("line\u2028sep\x85", "line\\u2028sep\\x85"),
])
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "docker-compose.yml").write_text(
        'services:\n  app:\n    build: ./app\n    environment:\n'
        '      "QUEUE\\n::error file=x::pwned": "1"\n      "\\u001b[2JCLEAR": "2"\n')
    (tmp_path / "app" / "Dockerfile").write_text('FROM python:3\nCOPY main.py /main.py\nCMD ["python", "/main.py"]\n')
    (tmp_path / "app" / "main.py").write_text('import os\nQ = os.environ["QUEUE"]\n'
                                              'X = os.getenv("A\\r::warning::B", "http://localhost")\n')
    (tmp_path / "app" / "we\nird.py").write_text("def broken(:\n")
    return tmp_path


@pytest.mark.parametrize("command", [("check",), ("check", "--output-format", "concise"), ("facts",)])
def test_no_output_line_comes_from_the_repository(hostile: Path, command: tuple[str, ...]) -> None:
    result = run_cli(*command, cwd=hostile)
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::") or "\x1b" in line or "\r" in line]
    assert "QUEUE\\n::error file=x::pwned" in result.stdout
    assert "\\x1b[2JCLEAR" in result.stdout
    assert "A\\r::warning::B" in result.stdout
    assert "app/we\\nird.py" in result.stdout


def test_the_text_format_escapes_every_field(hostile: Path) -> None:
    lines = run_cli("check", cwd=hostile).stdout.splitlines()
    assert "app/we\\nird.py:1:12: ENV000 syntax-error: syntax error (invalid syntax); the rest of the file was analysed" \
        in lines
    assert ("docker-compose.yml:5:7: ENV002 [app] QUEUE\\n::error file=x::pwned is set here, but app never reads it"
            in lines)
