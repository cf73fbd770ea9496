"""Which files discovery reads: names (filenames.classify), and in a git work tree git's list of tracked
and not-ignored files instead of the ignore files alone."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from envlint.discover import discover
from envlint.filenames import classify

from .conftest import run_cli


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


def _git(repo: Path, *args: str) -> str:
    """git without the user's global settings mattering: identity given here, hooks not involved."""
    done = subprocess.run(["git", "-c", "user.name=envlint-tests", "-c", "user.email=tests@example.invalid",
                           "-c", "init.defaultBranch=main", *args],
                          cwd=repo, check=True, capture_output=True)
    return done.stdout.decode()


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


# The repro tracked-ignored-env-file: the compose service's env file is committed under an ignore pattern.
TRACKED_ENV = {
    ".gitignore": ".env\n",
    ".env": "DB_URL=postgres://db/app\n",
    "compose.yaml": "services:\n  svc:\n    build: ./svc\n    env_file: .env\n",
    "svc/Dockerfile": 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/server.py"]\n',
    "svc/pyproject.toml": '[project]\nname="svc"\nversion="0"\n',
    "svc/server.py": 'import os\nprint(os.environ["DB_URL"], os.environ["DB_POOL_SIZE"])\n',
}


def _paths(root: Path, *starts: Path, respect_gitignore: bool = True, exclude: tuple[str, ...] = ()) -> list[str]:
    found = discover(root, starts or (root,), exclude, respect_gitignore)
    assert found.problems == ()
    return [f.path for f in found.files]


def _tracked_env_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    _write(repo, TRACKED_ENV)
    _git(repo, "init", "-q")
    _git(repo, "add", "-f", ".")
    _git(repo, "commit", "-q", "-m", "init")
    return repo


def test_a_tracked_file_is_read_although_gitignore_matches_it(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    result = run_cli("check", "--output-format", "json", cwd=repo)
    report = json.loads(result.stdout)
    assert [(f["code"], f["variable"], f["location"]["path"]) for f in report["findings"]] == \
        [("ENV001", "DB_POOL_SIZE", "compose.yaml")]
    assert result.exit_code == 1


def test_outside_a_work_tree_the_ignore_files_decide(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    _write(plain, TRACKED_ENV)
    assert ".env" not in _paths(plain)
    # The site reads an env file that is not there: open, so nothing is claimed missing.
    assert run_cli("check", cwd=plain).exit_code == 0
    # respect-gitignore = false reads every file that is not excluded, with or without git.
    assert ".env" in _paths(plain, respect_gitignore=False)
    assert ".env" in _paths(_tracked_env_repo(tmp_path), respect_gitignore=False)


def test_without_git_on_the_path_the_walk_is_used(tmp_path: Path, monkeypatch) -> None:
    repo = _tracked_env_repo(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert ".env" not in _paths(repo)


def test_untracked_files_count_unless_ignored(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    _write(repo, {"new/app.py": "", "scratch/.env": "A=1\n", ".gitignore": ".env\nscratch/\n"})
    assert _paths(repo) == [".env", "compose.yaml", "new/app.py", "svc/Dockerfile", "svc/pyproject.toml",
                            "svc/server.py"]


def test_a_subfolder_of_the_work_tree_keeps_paths_relative_to_itself(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _write(repo, {f"deploy/{rel}": text for rel, text in TRACKED_ENV.items()} | {"main.go": "package main\n"})
    _git(repo, "init", "-q")
    _git(repo, "add", "-f", ".")
    deploy = repo / "deploy"
    assert _paths(deploy) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]
    assert _paths(deploy, deploy / "svc") == ["svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]
    findings = json.loads(run_cli("check", "--output-format", "json", cwd=deploy).stdout)["findings"]
    assert [(f["variable"], f["location"]["path"]) for f in findings] == [("DB_POOL_SIZE", "compose.yaml")]


def test_excludes_still_apply_to_tracked_files(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    _write(repo, {"vendor/lib/x.py": "", "svc/gen/y.py": "", "build/z.py": ""})
    _git(repo, "add", "-f", ".")
    assert _paths(repo, exclude=("gen",)) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml",
                                              "svc/server.py"]
    # A folder named on the command line is not pruned itself, as in the walk; exclude patterns still
    # match paths from the root.
    gen = repo / "svc" / "gen"
    assert _paths(repo, gen, exclude=("gen",)) == _paths(repo, gen, exclude=("gen",), respect_gitignore=False) == \
        ["svc/gen/y.py"]
    lib = repo / "vendor" / "lib"
    assert _paths(repo, lib) == _paths(repo, lib, respect_gitignore=False) == []


def test_a_tracked_file_deleted_from_the_work_tree_is_skipped_silently(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    (repo / "svc" / "Dockerfile").unlink()
    assert _paths(repo) == [".env", "compose.yaml", "svc/pyproject.toml", "svc/server.py"]


def test_a_tracked_broken_symlink_is_a_problem(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    (repo / "link.py").symlink_to("gone.py")
    (repo / "also.py").symlink_to("svc/server.py")
    _git(repo, "add", ".")
    found = discover(repo, (repo,), (), True)
    assert [(str(p.location), p.kind, p.message) for p in found.problems] == \
        [("link.py:1:1", "broken-symlink", "broken symbolic link to gone.py; skipped")]
    assert "also.py" in [f.path for f in found.files]


def test_a_submodule_is_not_read(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    lib = repo / "lib"
    _write(lib, {"reader.py": "import os\nos.environ['X']\n"})
    _git(lib, "init", "-q")
    _git(lib, "add", ".")
    _git(lib, "commit", "-q", "-m", "lib")
    _git(repo, "add", "lib")  # a gitlink entry (mode 160000), as `git submodule add` makes
    assert "160000" in _git(repo, "ls-files", "--stage", "lib")
    assert _paths(repo) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]


def test_a_linked_worktree_is_listed_by_git(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    other = tmp_path / "other"
    _git(repo, "worktree", "add", "-q", str(other))
    assert (other / ".git").is_file()
    assert _paths(other) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]


def test_git_variables_of_the_caller_do_not_redirect_the_listing(tmp_path: Path, monkeypatch) -> None:
    repo = _tracked_env_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _git(elsewhere, "init", "-q")
    # As in a hook run by `git commit` in another repository.
    monkeypatch.setenv("GIT_DIR", str(elsewhere / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(elsewhere / ".git" / "index"))
    assert _paths(repo) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]


def test_a_name_that_is_not_utf8_is_one_problem_from_git_and_from_the_walk(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    name = os.fsdecode(b"caf\xe9.py")
    (repo / name).write_text("", encoding="utf-8")
    _git(repo, "add", ".")
    listed, walked = discover(repo, (repo,), (), True), discover(repo, (repo,), (), False)
    assert name not in [f.path for f in listed.files]
    assert [f.path for f in listed.files] == [f.path for f in walked.files]
    assert [(str(p.location), p.kind) for p in listed.problems] == [("caf\\xe9.py:1:1", "not-utf8-name")]
    assert listed.problems == walked.problems


def test_git_and_the_walk_agree_when_nothing_is_ignored(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _write(repo, {rel: text for rel, text in TRACKED_ENV.items() if rel != ".gitignore"}
           | {"a/b/c.go": "", "a/Dockerfile_x": "", "notes.txt": "", "a/b/d_test.go": ""})
    _git(repo, "init", "-q")
    _git(repo, "add", "svc")  # some tracked, the rest untracked: both listed
    assert _paths(repo) == _paths(repo, respect_gitignore=False) == \
        [".env", "a/Dockerfile_x", "a/b/c.go", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml",
         "svc/server.py"]


def test_an_analysed_folder_that_git_ignores_is_walked(tmp_path: Path) -> None:
    repo = _tracked_env_repo(tmp_path)
    scratch = repo / "scratch" / "copy"
    _write(scratch, {rel: text for rel, text in TRACKED_ENV.items() if rel != ".gitignore"})
    _write(repo, {".gitignore": ".env\nscratch/\n"})
    assert _paths(scratch) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]
    assert _paths(repo) == [".env", "compose.yaml", "svc/Dockerfile", "svc/pyproject.toml", "svc/server.py"]


def test_an_unreadable_folder_is_a_problem_not_a_silent_gap(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "main.py").write_text("import os\n")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):  # root reads every folder; a folder that refuses is simulated
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover(tmp_path, (tmp_path,), (), respect_gitignore=False)
    assert [f.path for f in found.files] == ["ok/main.py"]
    assert [(str(p.location), p.kind, p.message) for p in found.problems] == [
        ("locked:1:1", "unreadable", "folder cannot be read (Permission denied); skipped")]


def test_a_gitignore_is_matched_as_git_does_with_its_negations(tmp_path: Path) -> None:
    """The one-regex prefilter of a .gitignore must not change what it ignores."""
    (tmp_path / ".gitignore").write_text("gen/\n*.py\n!keep*.py\n# a comment\n\n/top.sh\n")
    for rel in ("gen/a.go", "a.py", "keep_me.py", "sub/keep2.py", "sub/b.py", "top.sh", "sub/top.sh", "main.go"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n")
    found = discover(tmp_path, (tmp_path,), (), respect_gitignore=True)
    assert [f.path for f in found.files] == ["keep_me.py", "main.go", "sub/keep2.py", "sub/top.sh"]


def test_go_testdata_folders_are_skipped_by_default_as_go_tools_skip_them(tmp_path: Path) -> None:
    (tmp_path / "cmd" / "testdata").mkdir(parents=True)
    (tmp_path / "cmd" / "main.go").write_text("package main\n")
    (tmp_path / "cmd" / "testdata" / "broken.go").write_text("package broken\nfunc {\n")
    (tmp_path / "testdata").mkdir()
    (tmp_path / "testdata" / "run.sh").write_text("#!/bin/sh\nexec app\n")
    found = discover(tmp_path, (tmp_path,), (), True)
    assert [(f.path, f.kind) for f in found.files] == [("cmd/main.go", "go")]
    assert found.problems == ()
