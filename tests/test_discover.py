"""Which files discovery reads: names (filenames.classify)."""

from __future__ import annotations

import pytest

from envlint.filenames import classify


@pytest.mark.parametrize(("name", "kind"), [
    # compose: the defaults, and a variant after ".", "-" or "_" in either family
    ("compose.yaml", "compose"), ("compose.yml", "compose"), ("docker-compose.yml", "compose"),
    ("docker-compose.yaml", "compose"), ("docker-compose.prod.yml", "compose"),
    ("docker-compose.override.yml", "compose"), ("docker-compose-dev.yml", "compose"),
    ("docker-compose-dev.yaml", "compose"), ("docker-compose_ci.yml", "compose"),
    ("docker-compose_ci.yaml", "compose"), ("compose-local.yaml", "compose"), ("compose-local.yml", "compose"),
    ("compose.dev.yaml", "compose"),
    ("composer.yml", "yaml"), ("my-compose.yml", "yaml"), ("docker-composer.yml", "yaml"),
    ("compose-notes.txt", None), ("docker-compose-dev.json", None), ("compose", None),
    # Dockerfiles and Containerfiles
    ("Dockerfile", "dockerfile"), ("Dockerfile.dev", "dockerfile"), ("Dockerfile-api", "dockerfile"),
    ("Dockerfile_worker", "dockerfile"), ("api.Dockerfile", "dockerfile"), ("api.dockerfile", "dockerfile"),
    ("Containerfile", "dockerfile"), ("Containerfile.dev", "dockerfile"),
    ("mydockerfile.txt", None), ("Dockerfiles", None), ("dockerfile", None), ("Dockerfile.dockerignore", None),
    ("api.Dockerfile.dockerignore", None), ("Dockerfile.go", "go"), ("Dockerfile_tools.py", "python"),
    # the rest, unchanged
    ("main.go", "go"), ("main_test.go", None), ("app.py", "python"), ("test_app.py", None),
    ("deploy.yaml", "yaml"), (".env", "env-file"), ("prod.env", "env-file"), ("Makefile", "makefile"),
])
def test_classify(name: str, kind: str | None) -> None:
    assert classify(name) == kind
