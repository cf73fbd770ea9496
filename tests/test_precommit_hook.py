"""The real pre-commit runs this checkout's hook on a repository holding the regression, as a user's
`pre-commit run` would: it fails with the finding, then passes once the launcher is fixed.

pre-commit builds the hook's environment with pip from this checkout, so this test uses the package
registry the way `pip install` does (the one network use of the suite).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).parents[1]
EXAMPLE = CHECKOUT / "examples" / "agent-platform"
SUPERVISOR = "cmd/supervisor/main.go"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", *args],
                   cwd=repo, check=True, capture_output=True)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(CHECKOUT), "envlint", "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_the_regression_then_passes_after_the_fix(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "regression")
    home = tmp_path / "pre-commit-home"

    failed = _try_repo(repo, home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "envlint....." in failed.stdout and "Failed" in failed.stdout
    assert f"{SUPERVISOR}:27:9: ENV003 [agent-runner] agent-runner reads OLLAMA_BASE_URL" in failed.stdout

    supervisor = repo / SUPERVISOR
    wrong = '\targs = append(args, "-e", fmt.Sprintf("LLM_BASE_URL=%s", llmURL))\n'
    supervisor.write_text(supervisor.read_text().replace(
        wrong, wrong + '\targs = append(args, "-e", "OLLAMA_BASE_URL="+llmURL)\n'))
    _git(repo, "commit", "-q", "-am", "fix")

    passed = _try_repo(repo, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "envlint....." in passed.stdout and "Passed" in passed.stdout
