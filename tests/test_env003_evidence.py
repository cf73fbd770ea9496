"""ENV003 compares only what the evidence carries: two Kubernetes variants of one program, one of which
sets a variable; which reads are a disagreement and which are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

DEPLOY = """apiVersion: apps/v1
kind: Deployment
metadata: {{name: app}}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:1
{env}"""


def _repo(tmp_path: Path, read: str, debug_env: str) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app" / "Dockerfile").write_text('FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n')
    (tmp_path / "app" / "main.py").write_text("import os\n" + read + "\n")
    for variant, env in (("base", ""), ("debug", f"          env:\n            - {debug_env}\n")):
        (tmp_path / "deploy" / variant).mkdir(parents=True)
        (tmp_path / "deploy" / variant / "deploy.yaml").write_text(DEPLOY.format(env=env))
    return tmp_path


def _findings(repo: Path) -> list[tuple[str, str, str]]:
    report = json.loads(run_cli("check", "--output-format", "json", "--select", "ENV003", cwd=repo).stdout)
    return [(f["code"], f["variable"], f["location"]["path"]) for f in report["findings"]]


@pytest.mark.parametrize(("read", "debug_env"), [
    ('on = os.getenv("VERBOSE_SQL") == "yes"', '{name: VERBOSE_SQL, value: "yes"}'),
    ('on = os.environ.get("FEATURE_X", "").lower() in ("1", "true")', '{name: FEATURE_X, value: "1"}'),
    ('on = os.getenv("FEATURE_Y", "false")', '{name: FEATURE_Y, value: "true"}'),
    ('on = os.getenv("ENABLE_PPROF")', '{name: ENABLE_PPROF, value: "1"}'),
    ('endpoint = os.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")', '{name: OTEL_EXPORTER_OTLP_ENDPOINT, value: "http://c:4317"}'),
    ('workers = os.getenv("WORKERS", "4")', '{name: WORKERS, value: "4"}'),
    ('if os.getenv("ENABLE_CACHE") == "1":\n    url = os.getenv("CACHE_URL", "redis://cache")',
     '{name: CACHE_URL, value: "redis://other"}'),
    ('delay = os.getenv("EXTRA_DELAY") or "0s"', '{name: EXTRA_DELAY, value: ""}'),
], ids=["compared", "compared-after-lower", "boolean-default", "pprof-by-name", "otel-by-name",
        "sets-the-default", "enabled-by-another", "empty-is-unset"])
def test_not_a_disagreement(tmp_path: Path, read: str, debug_env: str) -> None:
    assert _findings(_repo(tmp_path, read, debug_env)) == []


@pytest.mark.parametrize(("read", "debug_env"), [
    ('workers = os.getenv("WORKERS", "4")', '{name: WORKERS, value: "8"}'),
    ('url = os.getenv("QUEUE_URL")', '{name: QUEUE_URL, value: "amqp://q"}'),
    # os.getenv("X", "d") tells "" from unset: an empty value is another value
    ('delay = os.getenv("EXTRA_DELAY", "0s")', '{name: EXTRA_DELAY, value: ""}'),
], ids=["other-value", "no-default", "empty-is-a-value"])
def test_disagreement(tmp_path: Path, read: str, debug_env: str) -> None:
    name = read.split('"')[1]
    assert _findings(_repo(tmp_path, read, debug_env)) == [("ENV003", name, "deploy/base/deploy.yaml")]
