"""Known secrets planted in every kind of input never appear in any output format nor in `facts`."""

from __future__ import annotations

from pathlib import Path

import pytest

from envlint.render import RENDERERS

from .conftest import run_cli

FILES = {
    "app/Dockerfile": 'FROM python:3.12\nENV AWS_SECRET_ACCESS_KEY=PLANTED-08\nCOPY . /app\n'
                      'ENTRYPOINT ["/app/entrypoint.sh"]\n',
    "app/entrypoint.sh": '#!/bin/sh\necho "${REDIS_PASSWORD:-PLANTED-11}"\nexec python /app/main.py\n',
    "app/main.py": 'import os\n\n'
                   'DB_URL = os.getenv("DB_URL", "postgres://admin:PLANTED-01@localhost/db")\n'
                   'API_TOKEN = os.getenv("API_TOKEN", "PLANTED-02")\n'
                   'CACHE = os.getenv("CACHE_URL", "redis://:PLANTED-12@localhost:6379/0")\n',
    "cmd/api/main.go": 'package main\n\nimport "os"\n\nfunc get(k, d string) string {\n\tif v := os.Getenv(k); v != "" {\n'
                       '\t\treturn v\n\t}\n\treturn d\n}\n\nfunc main() {\n\t_ = get("SECRET_KEY", "PLANTED-03")\n'
                       '\t_ = get("UPSTREAM", "http://user:PLANTED-13@localhost:8080")\n}\n',
    "go.mod": "module example.com/x\n\ngo 1.22\n",
    "docker-compose.yml": "services:\n  app:\n    build: ./app\n    image: acme/app:1\n    env_file: app.env\n"
                          "    environment:\n      PASSWORD: PLANTED-04\n      API_TOKEN: ${API_TOKEN}\n"
                          "      DATABASE_URL: postgres://u:PLANTED-10@db/x\n",
    "app.env": "DB_PASSWORD=PLANTED-05\n",
    "scripts/run.sh": "docker run -e GITHUB_TOKEN=PLANTED-09 acme/app:1\n",
    "deploy/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  API_KEY: PLANTED-07\n",
    "deploy/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n"
                              "    spec:\n      containers:\n        - name: app\n          image: acme/app:1\n"
                              "          envFrom:\n            - configMapRef:\n                name: app\n"
                              "          env:\n            - name: SESSION_SECRET\n              value: PLANTED-06\n",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("secrets")
    for path, text in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


@pytest.mark.parametrize("command", [("check", "--output-format", fmt) for fmt in sorted(RENDERERS)]
                         + [("facts",), ("facts", "--json")])
def test_no_planted_secret_in_any_output(repo: Path, command: tuple[str, ...]) -> None:
    result = run_cli(*command, cwd=repo)
    assert result.exit_code in (0, 1)
    assert "PLANTED" not in result.stdout + result.stderr


def test_the_findings_still_say_what_they_would_have_shown(repo: Path) -> None:
    text = run_cli("check", cwd=repo).stdout
    assert 'with the default "postgres://admin:***@localhost/db"' in text  # ENV004 keeps the URL's host
    assert '= help: a container started by docker run gets none of the launcher\'s environment, so its default "***"' \
        in text  # ENV003's help names the default the site falls back to, masked as in the message
    facts = run_cli("facts", cwd=repo).stdout
    assert 'read API_TOKEN default="***"' in facts and 'set PASSWORD="***"' in facts
    assert 'set DATABASE_URL="postgres://u:***@db/x"' in facts
