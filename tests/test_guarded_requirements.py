"""Requirements behind a guard on another variable (`if os.Getenv("ENABLE_TRACING") == "1" { initTracing() }`)
count only at the launch sites whose values can make the guard true."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_cli

# The program of the repro fixture: a requirement reached only when ENABLE_TRACING is "1".
MAIN = (Path(__file__).parent / "fixtures" / "rules" / "ENV001" / "negative-guarded-call-requirement" / "cmd" / "svc"
        / "main.go").read_text(encoding="utf-8")

DEPLOYMENT = '''apiVersion: apps/v1
kind: Deployment
metadata: {name: svc}
spec:
  template:
    spec:
      containers:
        - name: svc
          image: ghcr.io/acme/svc:1
'''


@pytest.mark.parametrize(("env", "reported"), [
    ("", False),  # unset: os.Getenv gives "", the guard is false
    ('          env: [{name: ENABLE_TRACING, value: "0"}]\n', False),
    ('          env: [{name: ENABLE_TRACING, value: "1"}]\n', True),
    ("          env: [{name: ENABLE_TRACING, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n", True),  # unknown
])
def test_guarded_requirement_is_reported_only_where_the_guard_can_hold(tmp_path: Path, env: str, reported: bool) -> None:
    (tmp_path / "go.mod").write_text("module example.com/h\n\ngo 1.22\n")
    (tmp_path / "cmd" / "svc").mkdir(parents=True)
    (tmp_path / "cmd" / "svc" / "main.go").write_text(MAIN)
    (tmp_path / "cmd" / "svc" / "Dockerfile").write_text('FROM golang:1.22\nCOPY . .\nENTRYPOINT ["/svc"]\n')
    (tmp_path / "deploy.yaml").write_text(DEPLOYMENT + env)
    result = run_cli("check", "--output-format", "concise", cwd=tmp_path)
    findings = [line for line in result.stdout.splitlines() if ": ENV" in line]
    if reported:
        assert findings == ['deploy.yaml:8:11: ENV001 [svc] svc requires COLLECTOR_ADDR (read only when '
                            'ENABLE_TRACING == "1"), which this launch site does not set']
    else:
        assert findings == []


def test_a_site_whose_guard_is_false_does_not_disagree(tmp_path: Path) -> None:
    """ENV003: the site that turns tracing on sets the collector; the one that leaves it off need not."""
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "pyproject.toml").write_text('[project]\nname="svc"\nversion="0"\n')
    (tmp_path / "svc" / "Dockerfile").write_text('FROM python\nCOPY . /app\nCMD ["python", "/app/server.py"]\n')
    (tmp_path / "svc" / "server.py").write_text(
        'import os\nif os.getenv("ENABLE_TRACING") == "1":\n    ADDR = os.getenv("COLLECTOR_ADDR", "collector:4317")\n')
    (tmp_path / "compose.yaml").write_text(
        "services:\n  traced:\n    build: ./svc\n    environment:\n      ENABLE_TRACING: '1'\n"
        "      COLLECTOR_ADDR: otel:4317\n  plain:\n    build: ./svc\n"
        "  off:\n    build: ./svc\n    environment:\n      ENABLE_TRACING: '1'\n")
    result = run_cli("check", "--output-format", "concise", cwd=tmp_path)
    found = [(line.split(":")[1], line.split(" ")[1], line.split(" reads ")[1].split(" ")[0].rstrip(","))
             for line in result.stdout.splitlines() if ": ENV" in line]
    # `plain` leaves tracing off: its missing COLLECTOR_ADDR is no disagreement (nor is the toggle it
    # leaves unset: a switch set at one variant only is not one); `off` turns tracing on without the
    # collector.
    assert found == [("9", "ENV003", "COLLECTOR_ADDR")]
