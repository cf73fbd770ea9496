"""Links and services declared in config, runtime variables from config, and env files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

WORKER = 'import os\n\nQUEUE = os.environ["WORKER_QUEUE"]\nMODE = os.getenv("WORKER_MODE", "x")\n'


def _worker(repo: Path, folder: str = "services/worker") -> None:
    root = repo / folder
    (root / "worker").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "worker"\nversion = "1"\n')
    (root / "Dockerfile").write_text("FROM python:3.12\n")
    (root / "worker" / "__main__.py").write_text(WORKER)


def _launcher(repo: Path, body: str) -> None:
    (repo / "ops").mkdir(exist_ok=True)
    (repo / "ops" / "launch.py").write_text("import subprocess\nimport sys\n\n" + body)


def _findings(repo: Path) -> list[tuple[str, str | None, str]]:
    result = run_cli("check", "--output-format", "json", cwd=repo)
    report = json.loads(result.stdout)
    return [(f["code"], f["variable"], f"{f['location']['path']}:{f['location']['line']}") for f in report["findings"]]


def test_declared_link_connects_a_site_inference_cannot(tmp_path: Path) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run([sys.argv[1]], env={"WORKER_MODE": "a"}, check=True)\n')
    assert _findings(tmp_path) == []
    (tmp_path / "envlint.toml").write_text('[[links]]\nsite = "ops/launch.py:4"\nservice = "worker"\n')
    assert _findings(tmp_path) == [("ENV001", "WORKER_QUEUE", "ops/launch.py:4")]
    facts = json.loads(run_cli("facts", "--json", cwd=tmp_path).stdout)
    assert facts["launch_sites"][0]["links"] == [
        {"service": "worker", "reason": "declared in config (site 'ops/launch.py:4')", "evidence": "declared"}
    ]


def test_declared_service_images(tmp_path: Path) -> None:
    _worker(tmp_path, "src/queue-consumer")
    _launcher(tmp_path, 'subprocess.run(["docker", "run", "registry.example/acme/special:1"], check=True)\n')
    assert _findings(tmp_path) == []
    (tmp_path / "pyproject.toml").write_text(
        '[tool.envlint.services.consumer]\nroot = "src/queue-consumer"\nimages = ["registry.example/acme/special"]\n'
    )
    assert _findings(tmp_path) == [("ENV001", "WORKER_QUEUE", "ops/launch.py:4")]


def test_runtime_variables_from_config(tmp_path: Path) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run(["docker", "run", "-e", "WORKER_QUEUE=q", "-e", "GUNICORN_CMD_ARGS=-w 2",'
                        ' "acme/worker"], check=True)\n')
    assert _findings(tmp_path) == [("ENV002", "GUNICORN_CMD_ARGS", "ops/launch.py:4")]
    (tmp_path / "envlint.toml").write_text('runtime-variables = { python = ["GUNICORN_CMD_ARGS"] }\n')
    assert _findings(tmp_path) == []


def test_runtime_variables_globs(tmp_path: Path) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run(["docker", "run", "-e", "WORKER_QUEUE=q", "-e", "MYLIB_TOKEN=t",'
                        ' "-e", "MYLIB_REGION=r", "-e", "MYLIBX=1", "acme/worker"], check=True)\n')
    (tmp_path / "envlint.toml").write_text('runtime-variables = { python = ["MYLIB_*"] }\n')
    assert _findings(tmp_path) == [("ENV002", "MYLIBX", "ops/launch.py:4")]


@pytest.mark.parametrize("entry", ["", "MYLIB TOKEN", "A=1", "MYLIB_[A", "$HOME"])
def test_runtime_variables_invalid_entry_is_a_configuration_error(tmp_path: Path, entry: str) -> None:
    _worker(tmp_path)
    (tmp_path / "envlint.toml").write_text(f'runtime-variables = {{ python = ["{entry}"] }}\n')
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert f"envlint.toml: runtime-variables.python: {entry!r} is neither a variable name nor a glob" in result.stderr


def test_env_file_in_the_repository_provides_its_names(tmp_path: Path) -> None:
    _worker(tmp_path)
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "worker.env").write_text("# worker settings\nexport WORKER_QUEUE=jobs\nWORKER_MODE=fast\n")
    _launcher(tmp_path, 'subprocess.run(["docker", "run", "--env-file", "deploy/worker.env", "acme/worker"],'
                        ' check=True)\n')
    assert _findings(tmp_path) == []
    (tmp_path / "deploy" / "worker.env").write_text("WORKER_MODE=fast\n")
    assert _findings(tmp_path) == [("ENV001", "WORKER_QUEUE", "ops/launch.py:4")]


def test_env_file_outside_the_repository_leaves_the_site_open(tmp_path: Path) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run(["docker", "run", "--env-file", "/etc/worker.env", "acme/worker"],'
                        ' check=True)\n')
    assert _findings(tmp_path) == []
    facts = json.loads(run_cli("facts", "--json", cwd=tmp_path).stdout)
    assert facts["launch_sites"][0]["environment"] == {
        "names": [], "open": True, "why_open": "env file /etc/worker.env is not in the repository"
    }


def test_declared_link_to_an_unknown_service_is_a_config_error(tmp_path: Path) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run([sys.argv[1]], check=True)\n')
    (tmp_path / "envlint.toml").write_text('[[links]]\nsite = "ops/launch.py"\nservice = "wroker"\n')
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert "links: service 'wroker' is not a service of the repository (services: worker)" in result.stderr


def test_declared_service_root_must_exist(tmp_path: Path) -> None:
    _worker(tmp_path)
    (tmp_path / "envlint.toml").write_text('[services.api]\nroot = "services/api"\n')
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "envlint: error: envlint.toml: services.api: root 'services/api' is not a folder\n"


@pytest.mark.parametrize(("site", "message"), [
    ("ops/launch.py:abc", "envlint.toml: links[0]: site 'ops/launch.py:abc': expected \"path\" or \"path:line\" "
                          "with a line number"),
    ("ops/launch.py:0", "envlint.toml: links[0]: site 'ops/launch.py:0': expected \"path\" or \"path:line\" "
                        "with a line number"),
    ("nope.go", "envlint.toml: links: site 'nope.go' is not a launch site envlint found (`envlint facts` lists "
                "them as path:line)"),
    ("ops/launch.py:3", "envlint.toml: links: site 'ops/launch.py:3' is not a launch site envlint found "
                        "(`envlint facts` lists them as path:line)"),
])
def test_declared_link_to_no_launch_site_is_a_config_error(tmp_path: Path, site: str, message: str) -> None:
    _worker(tmp_path)
    _launcher(tmp_path, 'subprocess.run([sys.argv[1]], check=True)\n')
    (tmp_path / "envlint.toml").write_text(f'[[links]]\nsite = "{site}"\nservice = "worker"\n')
    result = run_cli("check", cwd=tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"envlint: error: {message}\n")
