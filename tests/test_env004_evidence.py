"""ENV004 reports a localhost default only where the container connects to it: the table of names and
defaults that are and are not reported, each through a real `docker run` launch site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from envlint.checks.evidence import browser_facing, is_bind_address, points_at_localhost

from .conftest import run_cli

REPORTED = [
    ("OLLAMA_BASE_URL", "http://localhost:11434"),
    ("REDIS_ADDR", "127.0.0.1:6379"),
    ("DB_HOST", "localhost"),
    ("DATABASE_URL", "postgres://user:pw@localhost:5432/app"),
    ("METRICS_URL", "http://[::1]:9090"),
    ("API_BASE_URL", "http://localhost:8000/api"),
]
NOT_REPORTED = [
    ("BIND_HOST", "0.0.0.0"),
    ("LISTEN_ADDR", "0.0.0.0:8080"),
    ("HOST", "::"),
    ("HTTP_ADDR", "[::]:8080"),
    ("ADMIN_EMAIL", "root@localhost"),
    ("OAUTH_REDIRECT_URI", "http://localhost:9380/oauth/callback"),
    ("GITHUB_CALLBACK_URL", "http://localhost:3000/auth/callback"),
    ("CORS_ALLOWED_ORIGINS", "http://localhost:3000"),
    ("ALLOWED_ORIGIN", "http://127.0.0.1:5173"),
    ("PUBLIC_URL", "http://localhost:8000"),
    ("EXTERNAL_BASE_URL", "http://localhost"),
    ("SITE_URL", "http://localhost:8080"),
    ("FRONTEND_URL", "http://localhost:5173"),
    ("FRONTEND_HOST", "http://localhost:5173"),  # the CORS origin and e-mail links of a FastAPI backend
    ("BROWSER_ENDPOINT", "http://localhost:4000"),
    ("CACHE_DIR", "/var/cache/app"),
]


def _repo(tmp_path: Path, name: str, default: str, body: str | None = None) -> Path:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "pyproject.toml").write_text('[project]\nname = "svc"\nversion = "0"\n')
    (tmp_path / "svc" / "Dockerfile").write_text('FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n')
    (tmp_path / "svc" / "main.py").write_text(body or f'import os\nVALUE = os.getenv("{name}", "{default}")\n')
    (tmp_path / "run.sh").write_text("docker run -e PORT=1 svc:1\n")
    return tmp_path


def _findings(repo: Path) -> list[tuple[str, str]]:
    report = json.loads(run_cli("check", "--output-format", "json", "--select", "ENV004", cwd=repo).stdout)
    return [(f["code"], f["variable"]) for f in report["findings"]]


@pytest.mark.parametrize(("name", "default"), REPORTED)
def test_reported(tmp_path: Path, name: str, default: str) -> None:
    assert _findings(_repo(tmp_path, name, default)) == [("ENV004", name)]


@pytest.mark.parametrize(("name", "default"), NOT_REPORTED)
def test_not_reported(tmp_path: Path, name: str, default: str) -> None:
    assert _findings(_repo(tmp_path, name, default)) == []


def test_value_read_only_when_another_variable_enables_the_feature(tmp_path: Path) -> None:
    body = ('import os\nif os.environ.get("ENABLE_TRACING") == "1":\n'
            '    ADDR = os.getenv("COLLECTOR_ADDR", "localhost:4317")\n')
    repo = _repo(tmp_path, "", "", body)
    assert _findings(repo) == []
    # The site turns the feature on: now the localhost default is what the container connects to.
    (repo / "run.sh").write_text("docker run -e ENABLE_TRACING=1 svc:1\n")
    assert _findings(repo) == [("ENV004", "COLLECTOR_ADDR")]


def test_evidence_helpers() -> None:
    assert is_bind_address("0.0.0.0") and is_bind_address("[::]:80") and is_bind_address("http://0.0.0.0:8000")
    assert not is_bind_address("127.0.0.1")
    assert points_at_localhost("redis://:pw@localhost:6379/0") and not points_at_localhost("root@localhost")
    assert not points_at_localhost("0.0.0.0") and not points_at_localhost("http://localhost.example.com")
    assert browser_facing("BOX_WEB_OAUTH_REDIRECT_URI") and not browser_facing("REDIS_URL")
