"""Inputs that used to end in a traceback (exit 1, which means "findings") give a clear message and the
documented exit code instead."""

from __future__ import annotations

from pathlib import Path

import pytest

import envlint.run_checks

from .conftest import run_cli

PY = 'import os\nQUEUE = os.environ["QUEUE"]\n'


@pytest.mark.parametrize(("name", "text"), [
    ("setup.cfg", "[metadata]\nname = foo%bar\n[options.entry_points]\nconsole_scripts =\n    x = foo:%main\n"),
    ("pyproject.toml", '[tool.poetry]\nname = "x"\nscripts = 7\n'),
    ("pyproject.toml", '[project]\nname = "x"\nscripts = 7\n'),
    ("pyproject.toml", 'project = 5\ntool = "x"\n'),
    ("pyproject.toml", 'project = "envlint"\ntool = ["envlint"]\n'),
])
def test_odd_project_files_are_read_as_far_as_they_make_sense(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / name).write_text(text)
    (tmp_path / "pkg" / "main.py").write_text(PY)
    result = run_cli("check", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("All checks passed: 0 launch sites and 1 service.")


def test_a_tool_envlint_that_is_not_a_table_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\nenvlint = []\n")
    result = run_cli("check", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "envlint: error: pyproject.toml [tool.envlint]: expected a table of settings, not list\n"


def test_an_unwritable_output_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(PY)
    result = run_cli("check", "--output-file", str(tmp_path / "missing" / "report.txt"), cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"envlint: error: {tmp_path / 'missing' / 'report.txt'}: No such file or directory\n"


def test_an_internal_error_is_exit_2_with_one_line_and_where_to_report_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list:
        raise KeyError("boom")

    monkeypatch.setattr(envlint.run_checks, "run_checks", broken)
    (tmp_path / "main.py").write_text(PY)
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2 and result.stdout == ""
    line = broken.__code__.co_firstlineno + 1  # where the exception was raised
    assert result.stderr == (f"envlint: error: internal error (KeyError: 'boom') at test_no_traceback.py:{line}; "
                             "please report it at https://github.com/envlint/envlint/issues with the command you ran\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device; CI runs Linux")
def test_stdout_on_a_full_device_is_exit_2_with_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "main.py").write_text(PY)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "envlint", "check", "--output-format", "json", "."],
                              cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (2, "envlint: error: output: No space left on device\n")
