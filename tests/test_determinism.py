"""The same repository gives byte-identical reports: across runs, hash seeds and the order files are
listed or were created in (baselines, fingerprints and CI diffs depend on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import envlint.analyze
from envlint.discover import Discovery

from .conftest import run_cli

TESTS = Path(__file__).parent
# Several kinds of launch site and program, and findings of several rules, in one repository.
SOURCES = (TESTS.parent / "examples" / "agent-platform",
           TESTS / "fixtures" / "rules" / "ENV003" / "positive-monorepo-kubernetes-misses-a-name",
           TESTS / "fixtures" / "rules" / "ENV002" / "negative-shared-runtime-passed-on",
           TESTS / "fixtures" / "rules" / "ENV006" / "positive-chosen-settings-module-default")


def _files() -> list[tuple[str, bytes]]:
    """(repository path, bytes) of the combined repository, each source in its own folder."""
    found = []
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.name.startswith("expected"):
                found.append((f"{source.name}/{path.relative_to(source).as_posix()}", path.read_bytes()))
    return found


def _build(root: Path, files: list[tuple[str, bytes]]) -> Path:
    """Created in the order given: a file system may list a folder in creation order."""
    for name, data in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _reports(root: Path) -> tuple[str, str]:
    json_run = run_cli("check", "--output-format", "json", cwd=root)
    text_run = run_cli("check", cwd=root)
    assert json_run.exit_code == text_run.exit_code == 1  # the repository has findings to compare
    return json_run.stdout, text_run.stdout


def test_two_runs_give_identical_reports(tmp_path: Path) -> None:
    root = _build(tmp_path, _files())
    assert _reports(root) == _reports(root)


def test_reports_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    root = _build(tmp_path, _files())
    outputs = []
    for seed in ("0", "123"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        runs = [subprocess.run([sys.executable, "-m", "envlint", "check", *fmt], cwd=root, env=env,
                               capture_output=True, check=False) for fmt in (("--output-format", "json"), ())]
        assert [r.returncode for r in runs] == [1, 1], runs[0].stderr
        outputs.append([r.stdout for r in runs])
    assert outputs[0] == outputs[1]


def test_reports_do_not_depend_on_the_order_files_were_created_in(tmp_path: Path) -> None:
    files = _files()
    forward = _build(tmp_path / "forward", files)
    backward = _build(tmp_path / "backward", files[::-1])
    assert _reports(forward) == _reports(backward)


def test_reports_do_not_depend_on_the_order_discovery_lists_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _build(tmp_path, _files())
    expected = _reports(root)
    discover = envlint.analyze.discover

    def reversed_discovery(*args: object, **kwargs: object) -> Discovery:
        found = discover(*args, **kwargs)  # type: ignore[arg-type]
        return Discovery(found.files[::-1], found.problems[::-1])

    monkeypatch.setattr(envlint.analyze, "discover", reversed_discovery)
    assert _reports(root) == expected

