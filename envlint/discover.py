"""Find the files envlint reads, and classify them. No file content is read here."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Location, Problem

# Folders that never hold a repository's own programs (as ruff's default excludes).
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".direnv", ".eggs", ".mypy_cache", ".nox", ".pytest_cache",
    ".ruff_cache", ".tox", ".venv", "venv", "__pycache__", "__pypackages__", "node_modules",
    "site-packages", "vendor", "build", "dist", "_build",
)

_KINDS = {
    "pyproject.toml": "pyproject",
    "setup.py": "setup-py",
    "setup.cfg": "setup-cfg",
    "go.mod": "go-mod",
    "Dockerfile": "dockerfile",
}


@dataclass(frozen=True)
class SourceFile:
    path: str  # repo-relative POSIX
    kind: str  # "go", "python", "pyproject", "setup-py", "setup-cfg", "go-mod", "dockerfile"


@dataclass(frozen=True)
class Discovery:
    files: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]


# Tests read and set variables for the test run, not for the program: they are not part of any contract.
_TEST_FILES = ("*_test.go", "test_*.py", "*_test.py", "conftest.py")


def classify(name: str) -> str | None:
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in _TEST_FILES):
        return None
    if name in _KINDS:
        # setup.py is both a project marker and Python source; the marker wins, its reads are rare.
        return _KINDS[name]
    if name.endswith(".go"):
        return "go"
    if name.endswith(".py"):
        return "python"
    if name.startswith("Dockerfile.") or name.endswith(".Dockerfile"):
        return "dockerfile"
    return None


def _excluded(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(rel, pattern):
            return True
        if rel.startswith(pattern + "/"):
            return True
    return False


def discover(root: Path, paths: tuple[Path, ...], exclude: tuple[str, ...]) -> Discovery:
    """Walk ``paths`` (inside ``root``) without following symlinked folders; sorted output."""
    patterns = DEFAULT_EXCLUDE + exclude
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def visit(path: Path) -> None:
        rel = path.relative_to(root).as_posix() if path != root else "."
        if rel in seen:
            return
        seen.add(rel)
        kind = classify(path.name)
        if kind is None:
            return
        if path.is_symlink() and not path.exists():
            problems.append(Problem(Location(rel, 1, 1), "broken-symlink",
                                    f"broken symbolic link to {os.readlink(path)}; skipped"))
            return
        if path.is_file():
            files.append(SourceFile(rel, kind))

    for start in paths:
        if start.is_file() or start.is_symlink():
            visit(start)
            continue
        for folder, dirnames, filenames in os.walk(start):
            base = Path(folder)
            rel_folder = base.relative_to(root).as_posix() if base != root else ""
            dirnames[:] = sorted(
                d for d in dirnames
                if not _excluded(f"{rel_folder}/{d}".lstrip("/"), d, patterns)
            )
            for name in sorted(filenames):
                rel = f"{rel_folder}/{name}".lstrip("/")
                if not _excluded(rel, name, patterns):
                    visit(base / name)
    files.sort(key=lambda f: f.path)
    problems.sort(key=lambda p: p.location)
    return Discovery(tuple(files), tuple(problems))
