"""The options of `envlint check` that ruff users expect, run in-process on a fixture repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "rules" / "ENV002" / "positive-misspelled"
DISPATCHER = "cmd/dispatcher/main.go"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("expected.*"))
    return target


def _codes(stdout: str) -> list[tuple[str, str, str]]:
    return [(f["code"], f["severity"], f["variable"]) for f in json.loads(stdout)["findings"]]


def test_severity_override_from_cli_and_config(repo: Path) -> None:
    result = run_cli("check", "--output-format", "json", "--severity", "ENV002=error", cwd=repo)
    assert _codes(result.stdout) == [("ENV007", "warning", "WORKER_QUEUE_NAME"), ("ENV002", "error", "FEATURE_BANANA")]
    (repo / "envlint.toml").write_text('[severity]\nENV002 = "note"\nENV007 = "note"\n')
    assert {s for _, s, _ in _codes(run_cli("check", "--output-format", "json", cwd=repo).stdout)} == {"note"}
    bad = run_cli("check", "--severity", "ENV002=fatal", cwd=repo)
    assert bad.exit_code == 2 and "expected CODE=LEVEL" in bad.stderr


def test_ignore_variables_with_globs(repo: Path) -> None:
    result = run_cli("check", "--output-format", "json", "--ignore-variables", "FEATURE_*", cwd=repo)
    assert _codes(result.stdout) == [("ENV007", "warning", "WORKER_QUEUE_NAME")]  # a guessed link: never an error
    (repo / "envlint.toml").write_text('ignore-variables = ["WORKER_QUEUE_NAME", "FEATURE_*"]\n')
    assert run_cli("check", cwd=repo).exit_code == 0


def test_statistics_exit_zero_and_quiet(repo: Path) -> None:
    stats = run_cli("check", "--statistics", cwd=repo)
    assert stats.stdout == "    1  ENV002  set-never-read\n    1  ENV007  probable-rename\n" and stats.exit_code == 1
    assert run_cli("check", "--exit-zero", cwd=repo).exit_code == 0
    quiet = run_cli("check", "--quiet", cwd=repo)
    assert not quiet.stdout.splitlines()[-1].startswith("Found ")
    assert quiet.stdout.splitlines()[0].startswith(f"{DISPATCHER}:10:9: ENV007 [worker] ")
    concise = run_cli("check", "--quiet", "--output-format", "concise", cwd=repo).stdout.splitlines()
    assert [line.split(": ")[1].split(" ")[0] for line in concise] == ["ENV007", "ENV002"]  # no summary line


def test_color_always_and_never(repo: Path) -> None:
    assert "\x1b[" in run_cli("check", "--color", "always", cwd=repo).stdout
    assert "\x1b[" not in run_cli("check", "--color", "never", cwd=repo).stdout
    # CliRunner's output is not a terminal: auto means no color.
    assert "\x1b[" not in run_cli("check", cwd=repo).stdout


def test_output_file(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run_cli("check", "--output-format", "json", "--output-file", str(target), cwd=repo)
    assert result.stdout == "" and result.exit_code == 1
    assert [f["variable"] for f in json.loads(target.read_text())["findings"]] == ["WORKER_QUEUE_NAME", "FEATURE_BANANA"]


def test_config_is_found_above_the_analysed_folder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.envlint]\nignore = ["ENV002"]\n')
    inner = repo / "cmd"
    assert run_cli("check", cwd=inner).exit_code == 0
    shown = run_cli("check", "--show-config", cwd=inner)
    assert shown.exit_code == 0
    assert shown.stdout.startswith(f"# settings from {repo / 'pyproject.toml'}\n")
    assert 'ignore = ["ENV002"]\n' in shown.stdout


def test_explicit_config_file(repo: Path, tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text('select = ["ENV001"]\n')
    assert run_cli("check", "--config", str(config), cwd=repo).exit_code == 0
    missing = run_cli("check", "--config", str(tmp_path / "nope.toml"), cwd=repo)
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


def test_baseline_hides_recorded_findings_and_counts_stale_entries(repo: Path) -> None:
    written = run_cli("check", "--write-baseline", "baseline.json", cwd=repo)
    assert written.exit_code == 0 and written.stdout == "Wrote 2 findings to the baseline baseline.json.\n"
    dispatcher = repo / DISPATCHER
    # Move every line down: the fingerprints do not depend on lines.
    dispatcher.write_text("// moved\n\n" + dispatcher.read_text())
    clean = run_cli("check", "--baseline", "baseline.json", cwd=repo)
    assert clean.exit_code == 0
    assert clean.stdout.endswith("2 findings hidden by the baseline.\n")
    dispatcher.write_text(dispatcher.read_text().replace('\t\t"-e", "FEATURE_BANANA=1",\n', ""))
    fixed = run_cli("check", "--baseline", "baseline.json", cwd=repo)
    assert fixed.stdout.endswith("1 finding hidden by the baseline. 1 baseline entry matches no finding any more.\n")
    broken = run_cli("check", "--baseline", "missing.json", cwd=repo)
    assert broken.exit_code == 2 and broken.stderr.startswith("envlint: error: baseline missing.json: ")


def test_add_noqa_then_clean_and_idempotent(repo: Path) -> None:
    before = (repo / DISPATCHER).read_text()
    added = run_cli("check", "--add-noqa", cwd=repo)
    assert added.exit_code == 0 and added.stdout == "Added suppressions for 2 findings in 1 files.\n"
    after = (repo / DISPATCHER).read_text()
    assert after == before.replace('"-e", "QUEUE_NAME=jobs",', '"-e", "QUEUE_NAME=jobs", // envlint: ignore[ENV007]').replace(
        '"-e", "FEATURE_BANANA=1",', '"-e", "FEATURE_BANANA=1", // envlint: ignore[ENV002]')
    clean = run_cli("check", cwd=repo)
    assert clean.exit_code == 0 and clean.stdout.endswith("2 findings suppressed by comments.\n")
    assert run_cli("check", "--add-noqa", cwd=repo).stdout == "Added suppressions for 0 findings in 0 files.\n"
    assert (repo / DISPATCHER).read_text() == after
    # Lines move between two runs: the comments move with their lines and still silence them.
    (repo / DISPATCHER).write_text("// a header\n// that moves every line\n\n" + after)
    moved = run_cli("check", cwd=repo)
    assert moved.exit_code == 0 and moved.stdout.endswith("2 findings suppressed by comments.\n")


def test_rules_env001_documents_the_platform_variables() -> None:
    result = run_cli("rules", "ENV001")
    assert "## Variables the platform sets, never reported" in result.stdout
    assert "KUBERNETES_SERVICE_HOST" in result.stdout and "HOSTNAME" in result.stdout


EXCLUDE_FIXTURE = Path(__file__).parent / "fixtures" / "rules" / "ENV002" / "negative-exclude-relative-to-config"


@pytest.mark.parametrize("args", [(), ("services",)])
def test_config_exclude_is_relative_to_the_config_file(tmp_path: Path, args: tuple[str, ...]) -> None:
    # The config at the root excludes `services/legacy`; analysing `services` must honour it (ruff does).
    repo = tmp_path / "repo"
    shutil.copytree(EXCLUDE_FIXTURE, repo, ignore=shutil.ignore_patterns("expected.*"))
    assert run_cli("check", "--output-format", "json", *args, cwd=repo).stdout.count('"code"') == 0
    (repo / "pyproject.toml").write_text("[tool.envlint]\nexclude = []\n")
    assert _codes(run_cli("check", "--output-format", "json", *args, cwd=repo).stdout) == [
        ("ENV002", "warning", "NOPE")]


def test_command_line_exclude_stays_relative_to_the_analysed_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXCLUDE_FIXTURE, repo, ignore=shutil.ignore_patterns("expected.*"))
    (repo / "pyproject.toml").write_text("[tool.envlint]\nexclude = []\n")
    assert run_cli("check", "--exclude", "legacy/*", "services", cwd=repo).exit_code == 0
