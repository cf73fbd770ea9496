"""The same tree checked out under two folder names gives byte-identical output.

The trap is real: an image named like the checkout folder (`acme/shop` in a clone called `shop`) must not
link to the repository's root program, whose name comes from its project file or is "root", never from
the folder the repository was cloned into.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_cli

COMPOSE = """\
services:
  web:
    build: .
    environment:
      DATABASE_URL: postgres://db/app
      LOG_LEVL: debug
  shop:
    image: acme/shop:1
    environment:
      FOO: "1"
"""
APP = """\
import os

DATABASE_URL = os.environ["DATABASE_URL"]
LOG_LEVEL = os.getenv("LOG_LEVEL", "info")
"""
DOCKERFILE = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/app.py"]\n'


def _checkout(parent: Path, name: str) -> Path:
    root = parent / name
    root.mkdir(parents=True)
    (root / "docker-compose.yml").write_text(COMPOSE)
    (root / "app.py").write_text(APP)
    (root / "Dockerfile").write_text(DOCKERFILE)
    return root


@pytest.mark.parametrize("command", [
    ("check",),
    ("check", "--output-format", "json"),
    ("check", "--output-format", "sarif"),
    ("check", "--output-format", "github"),
    ("facts",),
])
def test_two_checkout_names_give_byte_identical_output(tmp_path: Path, command: tuple[str, ...]) -> None:
    plain = run_cli(*command, cwd=_checkout(tmp_path, "checkout"))
    trap = run_cli(*command, cwd=_checkout(tmp_path, "shop"))
    assert (trap.exit_code, trap.stdout, trap.stderr) == (plain.exit_code, plain.stdout, plain.stderr)


def test_the_image_named_like_the_folder_starts_nothing_of_the_repository(tmp_path: Path) -> None:
    result = run_cli("check", "--output-format", "concise", "--quiet", cwd=_checkout(tmp_path, "shop"))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docker-compose.yml:6:7: ENV007 [root] LOG_LEVL is set here, but root reads LOG_LEVEL",
    ]
    facts = run_cli("facts", cwd=_checkout(tmp_path, "other")).stdout
    shop = facts[facts.index("targets=image:acme/shop:1"):]
    assert shop.splitlines()[1].strip().startswith("starts no known service")
