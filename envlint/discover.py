"""Find the files envlint reads, and classify them. No file content is read here; in a git work tree,
git is asked which files belong to the repository (gitfiles.py)."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pathspec
from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

from .filenames import classify
from .gitfiles import git_files
from .model import Location, Problem

__all__ = ["DEFAULT_EXCLUDE", "Discovery", "SourceFile", "classify", "discover"]

# Folders that never hold a repository's own programs (as ruff's default excludes).
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".direnv", ".eggs", ".mypy_cache", ".nox", ".pytest_cache",
    ".ruff_cache", ".envlint_cache", ".tox", ".venv", "venv", "__pycache__", "__pypackages__", "node_modules",
    "site-packages", "vendor", "build", "dist", "_build",
    # Inputs of tests (the go tool ignores folders of this name): a chart or compose file there is a
    # fixture a test parses, not a deployment of the repository's programs.
    "testdata",
)


@dataclass(frozen=True)
class SourceFile:
    path: str  # repo-relative POSIX
    kind: str  # see filenames.classify


@dataclass(frozen=True)
class Discovery:
    files: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]


def _exclusion(patterns: tuple[str, ...], root: Path) -> Callable[[str], bool]:
    """A pattern matches a name, a path, or a folder that holds the path. Patterns relative to the
    analysed root match its repository-relative paths; absolute ones (a configuration file's patterns,
    anchored at its folder) match the absolute path."""
    relative = _regex(tuple(p for p in patterns if not p.startswith("/"))).match
    # An absolute pattern matches only the path itself, never a folder that holds it: callers test every
    # folder beneath the analysed one, and the analysed folder and its parents are never pruned (a
    # fixture under the configuration's excluded `tests/fixtures` can still be analysed by itself).
    absolute = _regex(tuple(p for p in patterns if p.startswith("/")), holders=False).match
    prefix = root.resolve().as_posix().rstrip("/") + "/"
    return lambda rel: bool(relative(rel) or absolute(prefix + rel))


def _regex(patterns: tuple[str, ...], holders: bool = True) -> re.Pattern[str]:
    parts = []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        body = fnmatch.translate(pattern)[4:-3]  # strip fnmatch's "(?s:" and ")\\Z"
        if not holders:
            parts.append(f"(?:{body})")
            continue
        parts.append(f"(?:(?:.*/)?{body}|{body}/.*)" if "/" not in pattern else f"(?:{body}(?:/.*)?)")
    return re.compile(f"(?s:{'|'.join(parts)})\\Z") if parts else re.compile("(?!)")


class _GitIgnores:
    """The `.gitignore` files of the walked folders, as git reads them (via pathspec's GitIgnoreSpec)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.specs: dict[str, _IgnoreFile | None] = {}

    def _spec(self, folder: str) -> _IgnoreFile | None:
        if folder not in self.specs:
            path = self.root / folder / ".gitignore"
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else None
            except OSError:
                lines = None
            self.specs[folder] = _IgnoreFile(lines) if lines else None
        return self.specs[folder]

    def ignored(self, rel: str, is_dir: bool) -> bool:
        parts = rel.split("/")
        for depth in range(len(parts)):
            found = self._spec("/".join(parts[:depth]))
            if found is not None and found.matches("/".join(parts[depth:]) + ("/" if is_dir else "")):
                return True
        return False


class _IgnoreFile:
    """One `.gitignore`. Most paths match none of its patterns: one regex of all of them (negated ones
    too) says so at once, and pathspec's pattern-by-pattern evaluation, which decides negations, is
    compiled and run only for a path that matches some pattern. A `.gitignore` of 10,000 lines made a
    3,000-file walk take 17 s when every path was tested against every pattern."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.spec: pathspec.GitIgnoreSpec | None = None
        bodies = []
        for line in lines:
            regex, _ = GitIgnoreSpecPattern.pattern_to_regex(line)
            if regex is not None:
                bodies.append(_NAMED_GROUP.sub("(?:", regex))
        self.any = re.compile("|".join(f"(?:{b})" for b in bodies)) if bodies else None

    def matches(self, path: str) -> bool:
        if self.any is None or self.any.match(path) is None:
            return False
        if self.spec is None:
            self.spec = pathspec.GitIgnoreSpec.from_lines(self.lines)
        return self.spec.match_file(path)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def discover(root: Path, paths: tuple[Path, ...], exclude: tuple[str, ...],
             respect_gitignore: bool = True) -> Discovery:
    """The files under ``paths`` (inside ``root``) that envlint reads; sorted output.

    In a git work tree, git's list (gitfiles.py): tracked files, even those an ignore pattern matches,
    and untracked files no ignore rule matches. Elsewhere, or with ``respect_gitignore`` off, a walk
    that does not follow symlinked folders and skips what `.gitignore` files ignore (unless off).
    ``exclude`` and DEFAULT_EXCLUDE apply to both. Files named on the command line are read even when
    excluded or ignored by git, as ruff does.
    """
    matches = _exclusion(DEFAULT_EXCLUDE + exclude, root)
    contained = Containment(root)
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
        if not _utf8(rel):
            # Every output is UTF-8 text: a name that is not cannot be printed, located or suppressed.
            shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            problems.append(
                Problem(
                    location=Location(shown, 1, 1),
                    kind="not-utf8-name",
                    message="the file's name is not UTF-8; skipped",
                )
            )
            return
        if path.is_symlink() and not path.exists():
            problems.append(Problem(location=Location(rel, 1, 1), kind="broken-symlink",
                                    message=f"broken symbolic link to {os.readlink(path)}; skipped"))
            return
        if not contained(path):
            # A link to /etc/passwd or /proc/self/environ in a stranger's repository: never read it.
            problems.append(Problem(location=Location(rel, 1, 1), kind="outside-root",
                                    message=f"symbolic link to {path.resolve()}, outside the analysed folder; skipped"))
            return
        if path.is_file():  # not a folder; not a tracked file deleted from the work tree (git says so)
            files.append(SourceFile(rel, kind))

    named = [start for start in paths if start.is_file() or start.is_symlink()]
    folders = tuple(start for start in paths if start not in named)
    for start in named:
        visit(start)
    listed = git_files(root, folders) if respect_gitignore and folders else None
    if listed is not None:
        for rel in _unexcluded(listed, root, folders, matches):
            visit(root / rel)
    else:
        gitignores = _GitIgnores(root) if respect_gitignore else None

        def excluded(rel: str, is_dir: bool) -> bool:
            return bool(matches(rel)) or (gitignores is not None and gitignores.ignored(rel, is_dir))

        def unreadable(error: OSError) -> None:
            where = Path(error.filename or start)
            rel = where.relative_to(root).as_posix() if where.is_relative_to(root) and where != root else "."
            problems.append(Problem(location=Location(rel, 1, 1), kind="unreadable",
                                    message=f"folder cannot be read ({error.strerror or error}); skipped"))

        for start in folders:
            for folder, dirnames, filenames in os.walk(start, onerror=unreadable):
                base = Path(folder)
                rel_folder = base.relative_to(root).as_posix() if base != root else ""
                dirnames[:] = sorted(d for d in dirnames if not excluded(f"{rel_folder}/{d}".lstrip("/"), True))
                for name in sorted(filenames):
                    if classify(name) is not None and not excluded(f"{rel_folder}/{name}".lstrip("/"), False):
                        visit(base / name)
    files.sort(key=lambda f: f.path)
    problems.sort(key=lambda p: p.location)
    return Discovery(tuple(files), tuple(problems))


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode kept the name's undecodable bytes as surrogates
        return False
    return True


class Containment:
    """Whether a path, with every symbolic link on the way resolved, is inside the root; for many paths:
    the root and each folder are resolved once. A path that is
    not itself a link resolves to its resolved folder plus its name (discovered names hold no `..`), so
    only links, and each folder once, cost a walk of the path's components (a resolve per file was
    0.4 s of ragflow's run)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._root: Path | None = None
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> bool:
        try:
            if self._root is None:
                self._root = self.root.resolve()
            if not path.name or path.name in (".", "..") or path.is_symlink():
                return path.resolve().is_relative_to(self._root)
            folder = self._folders.get(path.parent)
            if folder is None:
                folder = self._folders[path.parent] = path.parent.resolve()
            return (folder / path.name).is_relative_to(self._root)
        except (OSError, RuntimeError):  # a symlink loop
            return False


def _unexcluded(listed: list[str], root: Path, folders: tuple[Path, ...],
                excluded: Callable[[str], object]) -> Iterator[str]:
    """The listed files the walk would reach: of a kind envlint reads, with neither the file nor a
    folder between it and the analysed folder that holds it excluded (the walk prunes such a folder;
    the folder given itself is never pruned)."""
    starts = sorted((f.relative_to(root).as_posix() if f != root else "" for f in folders), key=len, reverse=True)
    pruned: dict[str, bool] = {}
    for rel in listed:
        parts = rel.split("/")
        if classify(parts[-1]) is None:
            continue
        # The deepest analysed folder holding the file prunes least, as the union of the walks would.
        start = next((s for s in starts if not s or rel.startswith(s + "/")), None)
        if start is None:
            continue
        between = ["/".join(parts[:depth]) for depth in range(start.count("/") + 2 if start else 1, len(parts))]
        if any(pruned.setdefault(f, bool(excluded(f))) if f not in pruned else pruned[f] for f in between):
            continue
        if not excluded(rel):
            yield rel
