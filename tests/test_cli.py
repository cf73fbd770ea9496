"""The command line as a user meets it: options, configuration, exit codes, `rules` and `facts`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from envlint.checks import RULES

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
MISSPELLED = FIXTURES / "ENV002" / "positive-misspelled"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(MISSPELLED, target, ignore=shutil.ignore_patterns("expected.*"))
    return target


def test_ignore_on_the_command_line_makes_the_run_clean(repo: Path) -> None:
    result = run_cli("check", "--ignore", "ENV002", "--ignore", "ENV007", cwd=repo)
    assert result.exit_code == 0
    assert result.stdout.startswith("All checks passed: ")


def test_select_in_pyproject(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.envlint]\nselect = ["ENV001"]\n')
    assert run_cli("check", cwd=repo).exit_code == 0


def test_cli_select_wins_over_config(repo: Path) -> None:
    (repo / "envlint.toml").write_text('select = ["ENV001"]\n')
    assert run_cli("check", "--select", "ENV002", cwd=repo).exit_code == 1


def test_unknown_config_key_is_exit_2_with_the_key_named(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.envlint]\nselct = ["ENV001"]\n')
    result = run_cli("check", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr.startswith("envlint: error: pyproject.toml [tool.envlint]: unknown key 'selct'")
    assert result.stdout == ""


def test_invalid_toml_is_exit_2(repo: Path) -> None:
    (repo / "envlint.toml").write_text("select = [\n")
    result = run_cli("check", cwd=repo)
    assert result.exit_code == 2
    assert "envlint.toml: cannot be read as TOML" in result.stderr


def test_unknown_rule_selector_is_exit_2(repo: Path) -> None:
    result = run_cli("check", "--select", "XYZ1", cwd=repo)
    assert result.exit_code == 2
    assert "unknown rule selector 'XYZ1'" in result.stderr


def test_unknown_output_format_is_a_usage_error(repo: Path) -> None:
    result = run_cli("check", "--output-format", "yaml", cwd=repo)
    assert result.exit_code == 2
    assert "Invalid value for '--output-format'" in result.stderr


def test_exclude_skips_the_launcher(repo: Path) -> None:
    assert run_cli("check", "--exclude", "cmd", cwd=repo).exit_code == 0


def test_path_argument_gives_paths_relative_to_it(repo: Path) -> None:
    result = run_cli("check", str(repo), "--output-format", "json")
    paths = {f["location"]["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"cmd/dispatcher/main.go"}


def test_rules_table_lists_every_rule() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [r.code for r in RULES]
    assert "ENV005  dynamic-name                 note     off  Reports a read" in result.stdout
    assert "ENV001  read-never-set               error    on   Reports a launch site" in result.stdout


def test_rules_code_prints_the_docstring_and_the_runtime_table() -> None:
    result = run_cli("rules", "env002")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ENV002 set-never-read (warning)\n")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
        assert section in result.stdout
    assert "PYTHONUNBUFFERED" in result.stdout and "GOMAXPROCS" in result.stdout


def test_rules_unknown_code_is_exit_2() -> None:
    result = run_cli("rules", "ENV999")
    assert result.exit_code == 2
    assert "unknown rule 'ENV999'" in result.stderr


def test_analysis_never_reads_the_process_environment(repo: Path, monkeypatch) -> None:
    before = run_cli("check", "--output-format", "json", cwd=repo).stdout
    monkeypatch.setenv("WORKER_QUEUE_NAME", "x")
    monkeypatch.setenv("QUEUE_NAME", "y")
    assert run_cli("check", "--output-format", "json", cwd=repo).stdout == before


def test_gitignored_files_are_skipped_unless_asked(repo: Path) -> None:
    (repo / ".gitignore").write_text("# generated launchers\nscratch/\n")
    scratch = repo / "scratch"
    scratch.mkdir()
    shutil.copy(repo / "cmd" / "dispatcher" / "main.go", scratch / "main.go")
    (repo / "cmd" / ".gitignore").write_text("dispatcher/main.go\n")
    assert run_cli("check", cwd=repo).exit_code == 0
    result = run_cli("check", "--no-respect-gitignore", "--output-format", "json", cwd=repo)
    paths = sorted({f["location"]["path"] for f in json.loads(result.stdout)["findings"]})
    assert paths == ["cmd/dispatcher/main.go", "scratch/main.go"]


def test_respect_gitignore_must_be_a_boolean(repo: Path) -> None:
    (repo / "envlint.toml").write_text('respect-gitignore = "yes"\n')
    result = run_cli("check", cwd=repo)
    assert result.exit_code == 2
    assert "respect-gitignore: expected true or false" in result.stderr
