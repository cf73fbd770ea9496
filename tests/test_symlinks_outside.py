"""Symbolic links never lead envlint outside the analysed folder (issue: symlinks lead outside).

A stranger's repository may hold `settings.py -> /etc/passwd`, `leak.env -> ~/.aws/credentials` or a
link to /proc/self/environ: such a file is reported once as skipped, never read, never printed by
`facts`, and never edited by `--add-noqa`. Links that stay inside are read as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secrets.env").write_text("API_TOKEN=hunter2-outside\n")
    (outside / "reader.py").write_text('import os\nos.environ["OUTSIDE_ONLY"]\n')
    root = tmp_path / "repo"
    (root / "app").mkdir(parents=True)
    (root / "app" / "Dockerfile").write_text('FROM python:3\nCOPY . /app\nCMD ["python", "/app/main.py"]\n')
    (root / "app" / "main.py").write_text('import os\nQUEUE = os.environ["QUEUE"]\n')
    (root / "app" / "same.py").symlink_to("main.py")  # inside: read as any file
    (root / "app" / "reader.py").symlink_to(outside / "reader.py")
    (root / "leak.env").symlink_to(outside / "secrets.env")
    (root / "docker-compose.yml").write_text("services:\n  app:\n    build: ./app\n    env_file: leak.env\n"
                                             "    environment:\n      QUEUE: jobs\n")
    return root


def test_links_out_are_skipped_once_each_and_never_read(repo: Path) -> None:
    result = run_cli("check", "--output-format", "json", cwd=repo)
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(f["code"], f["location"]["path"], f["message"]) for f in report["findings"]] == [
        ("ENV000", "app/reader.py", f"outside-root: symbolic link to {repo.parent / 'outside' / 'reader.py'}, "
                                    "outside the analysed folder; skipped"),
        ("ENV000", "leak.env", f"outside-root: symbolic link to {repo.parent / 'outside' / 'secrets.env'}, "
                               "outside the analysed folder; skipped"),
    ]
    facts = run_cli("facts", cwd=repo).stdout
    assert "OUTSIDE_ONLY" not in facts and "hunter2" not in facts and "API_TOKEN" not in facts
    # a link inside the folder is read (its read belongs to no service: the Dockerfile runs main.py)
    assert "Files in no service (1): their reads are checked by no rule\n  app/same.py\n" in facts


def test_add_noqa_never_writes_through_a_link_out(repo: Path) -> None:
    before = (repo.parent / "outside" / "reader.py").read_text()
    result = run_cli("check", "--add-noqa", cwd=repo)
    assert result.exit_code == 0
    assert (repo.parent / "outside" / "reader.py").read_text() == before
    assert (repo.parent / "outside" / "secrets.env").read_text() == "API_TOKEN=hunter2-outside\n"


def test_containment_resolves_links_of_files_and_of_the_folders_above_them(repo: Path) -> None:
    from envlint.discover import Containment

    outside = repo.parent / "outside"
    (repo / "vendor").symlink_to(outside)  # a folder link out: every path under it is outside
    (repo / "mirror").symlink_to(repo / "app")  # a folder link that stays inside
    contained = Containment(repo)
    cases = ["app/main.py", "app/same.py", "app/reader.py", "leak.env", "vendor/reader.py", "mirror/main.py",
             "app/missing.py"]
    assert {case: contained(repo / case) for case in cases} == {
        "app/main.py": True, "app/same.py": True, "app/reader.py": False, "leak.env": False,
        "vendor/reader.py": False, "mirror/main.py": True, "app/missing.py": True,
    }
