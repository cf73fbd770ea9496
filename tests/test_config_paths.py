"""Paths in a repository's configuration never lead outside it (issue: config can make `check` write
anywhere). Relative ones resolve against the configuration file's folder; the command line is free."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "rules" / "ENV002" / "positive-misspelled"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("expected.*"))
    return target


@pytest.mark.parametrize("key", ["output-file", "baseline"])
@pytest.mark.parametrize("value", ["{outside}/evil.txt", "../evil.txt", "link/evil.txt"])
def test_a_configured_path_outside_the_configuration_folder_is_exit_2(repo: Path, tmp_path: Path,
                                                                      key: str, value: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "link").symlink_to(outside)
    written = value.format(outside=outside)
    (repo / "envlint.toml").write_text(f'{key} = "{written}"\n')
    result = run_cli("check", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr == (f"envlint: error: envlint.toml: {key}: {written!r} is outside {repo}, the folder of the "
                             "configuration file; give a path outside it on the command line instead\n")
    assert result.stdout == ""
    assert not list(outside.iterdir()) and not (tmp_path / "evil.txt").exists()


def test_a_relative_output_file_is_relative_to_the_configuration_file(repo: Path) -> None:
    (repo / "reports").mkdir()
    (repo / "envlint.toml").write_text('output-file = "reports/envlint.json"\noutput-format = "json"\n')
    result = run_cli("check", "..", cwd=repo / "cmd")  # run from a subfolder: still beside the config
    assert result.exit_code == 1 and result.stdout == ""
    report = json.loads((repo / "reports" / "envlint.json").read_text())
    assert [f["variable"] for f in report["findings"]] == ["WORKER_QUEUE_NAME", "FEATURE_BANANA"]
    assert not (repo / "cmd" / "reports").exists()


def test_the_command_line_may_write_anywhere(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "report.txt"
    target.parent.mkdir()
    assert run_cli("check", "--output-file", str(target), cwd=repo).exit_code == 1
    assert target.read_text().startswith("cmd/dispatcher/main.go:10:9: ENV007 [worker] ")
