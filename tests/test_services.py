"""What makes a service, seen through `envlint facts --json`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli


def _services(repo: Path) -> list[tuple[str, str, str]]:
    facts = json.loads(run_cli("facts", "--json", cwd=repo).stdout)
    return [(s["name"], s["kind"], s["root"]) for s in facts["services"]]


def test_a_pyproject_with_tool_settings_only_is_no_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n')
    (tmp_path / "tools.py").write_text("import os\nos.getenv('A')\n")
    worker = tmp_path / "services" / "worker"
    worker.mkdir(parents=True)
    (worker / "setup.cfg").write_text("[metadata]\nname = queue-worker\n")
    (worker / "main.py").write_text("import os\nos.getenv('B')\n")
    assert _services(tmp_path) == [("queue-worker", "python", "services/worker")]


def test_broken_pyproject_is_a_configuration_error(tmp_path: Path) -> None:
    # It may hold [tool.envlint]: envlint cannot know its settings, so it stops, as ruff does.
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n")
    (tmp_path / "main.py").write_text("import os\nos.getenv('A')\n")
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"envlint: error: {tmp_path / 'pyproject.toml'}: cannot be read as TOML: ")
