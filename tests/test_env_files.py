"""env files as docker compose reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envlint.extract.envfiles import parse_env_file
from envlint.model import Location

from .conftest import run_cli


def test_env_file_forms() -> None:
    text = '# comment\nA="x" # c\nB # comment\n  export C=3\nD=e # f\nE="a#b"\nF=\n9BAD=1\n'
    rows = [(e.name, e.value, e.passthrough, e.location) for e in parse_env_file("deploy/.env", text)]
    assert rows == [
        ("A", "x", False, Location("deploy/.env", 2, 1)),
        ("B", None, True, Location("deploy/.env", 3, 1)),
        ("C", "3", False, Location("deploy/.env", 4, 10)),
        ("D", "e", False, Location("deploy/.env", 5, 1)),
        ("E", "a#b", False, Location("deploy/.env", 6, 1)),
        ("F", "", False, Location("deploy/.env", 7, 1)),
    ]


def _compose_repo(tmp_path: Path) -> Path:
    (tmp_path / "worker").mkdir()
    (tmp_path / "worker" / "pyproject.toml").write_text('[project]\nname = "worker"\nversion = "0"\n')
    (tmp_path / "worker" / "Dockerfile").write_text('FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n')
    (tmp_path / "worker" / "main.py").write_text(
        'import os\nA = os.getenv("QUEUE_URL", "amqp://q")\nB = os.getenv("KEY_PREFIX", "")\n')
    (tmp_path / "compose.yaml").write_text(
        "services:\n  worker:\n    build: ./worker\n    environment:\n"
        "      QUEUE_URL: ${QUEUE_URL}\n      KEY_PREFIX: ${KEY_PREFIX}\n")
    return tmp_path


def _env006(repo: Path) -> list[str]:
    report = json.loads(run_cli("check", "--output-format", "json", "--select", "ENV006", cwd=repo).stdout)
    return [f["variable"] for f in report["findings"]]


@pytest.mark.parametrize(("name", "text", "expected"), [
    (None, "", ["QUEUE_URL"]),
    (".env", "QUEUE_URL=amqp://broker\n", []),
    (".env", "QUEUE_URL=\n", ["QUEUE_URL"]),  # an empty value in .env is still empty
    (".env.example", "QUEUE_URL=\n", []),
    (".env.sample", "QUEUE_URL=amqp://x\n", []),
    (".env.dist", "QUEUE_URL=\n", []),
    (".env-dev", "QUEUE_URL=amqp://x\n", []),
    ("other/.env", "QUEUE_URL=amqp://x\n", ["QUEUE_URL"]),  # not beside the compose file
])
def test_project_env_file_gives_interpolations_a_value(tmp_path: Path, name: str | None, text: str,
                                                        expected: list[str]) -> None:
    repo = _compose_repo(tmp_path)
    if name:
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text(text)
    # KEY_PREFIX is never reported: its default "" is what an empty value gives.
    assert _env006(repo) == expected
