"""The pinned corpus: which repositories, at which commit, and their trees on disk.

A repository is materialised once per commit as a git work tree (so envlint sees what git tracks, as it
would in a real checkout) whose objects come from a bare git directory found under `--git-dir-root`.
Blobs that the bare directory lacks (mirrors may drop files of 4 MiB or more) are left out of the
index and the tree, and counted.
"""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, kw_only=True)
class Repo:
    name: str  # short name: labels/<name>.tsv, contracts/<name>.toml
    slug: str  # OWNER/NAME on GitHub
    commit: str


class CorpusError(Exception):
    """A repository cannot be materialised: no git directory, or no such commit."""


def load_repos(path: Path = HERE / "repos.toml") -> tuple[Repo, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    repos = tuple(Repo(name=r["name"], slug=r["slug"], commit=r["commit"]) for r in data.get("repo", []))
    names = [r.name for r in repos]
    if len(set(names)) != len(names):
        raise CorpusError(f"{path}: repository names repeat")
    return repos


def find_git_dir(root: Path, slug: str) -> Path | None:
    """The bare git directory of `slug` under `root`, in the layouts mirrors use."""
    owner, name = slug.split("/", 1)
    for candidate in (root / f"{owner}+{name}" / "repo", root / f"{owner}+{name}", root / owner / f"{name}.git",
                      root / owner / name, root / f"{name}.git", root / name):
        if (candidate / "objects").is_dir() or (candidate / ".git" / "objects").is_dir():
            return candidate if (candidate / "objects").is_dir() else candidate / ".git"
    return None


def _git(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise CorpusError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


@dataclass(frozen=True, kw_only=True)
class Tree:
    path: Path
    missing_blobs: int  # index entries left out because the mirror lacks their content


def materialise(repo: Repo, git_dir: Path, cache: Path) -> Tree:
    """A work tree of `repo` at its commit under `cache`, made once and reused."""
    target = cache / f"{repo.name}-{repo.commit[:12]}"
    marker = target / ".git" / "envlint-ecosystem-ready"
    if marker.is_file():
        return Tree(path=target, missing_blobs=int(marker.read_text() or 0))
    if target.exists():
        shutil.rmtree(target)  # an interrupted earlier attempt
    target.mkdir(parents=True)
    _git("init", "-q", str(target))
    objects = (git_dir / "objects").resolve()
    (target / ".git" / "objects" / "info" / "alternates").write_text(f"{objects}\n")
    try:
        _git("cat-file", "-e", f"{repo.commit}^{{commit}}", cwd=target)
    except CorpusError:
        shutil.rmtree(target)
        raise CorpusError(f"{repo.slug}: commit {repo.commit} is not in {git_dir}") from None
    _git("read-tree", repo.commit, cwd=target)
    missing = _missing_blobs(target)
    if missing:
        _git("rm", "--cached", "-q", "--pathspec-from-file=-", "--pathspec-file-nul", cwd=target,
             stdin=b"\0".join(p.encode() for p in missing))
    _git("checkout-index", "-a", "-q", cwd=target)
    marker.write_text(str(len(missing)))
    return Tree(path=target, missing_blobs=len(missing))


def _missing_blobs(target: Path) -> list[str]:
    """Index entries whose blob the object store lacks (gitlinks, mode 160000, are submodules: no blob)."""
    entries = []
    for line in _git("ls-files", "-s", "-z", cwd=target).split(b"\0"):
        if not line:
            continue
        meta, path = line.split(b"\t", 1)
        mode, sha, _stage = meta.split()
        entries.append((mode, sha, path.decode()))
    checked = _git("cat-file", "--batch-check", cwd=target,
                   stdin=b"".join(sha + b"\n" for mode, sha, _ in entries if mode != b"160000"))
    absent = {line.split()[0] for line in checked.splitlines() if line.endswith(b" missing")}
    return sorted(path for mode, sha, path in entries if mode != b"160000" and sha in absent)
