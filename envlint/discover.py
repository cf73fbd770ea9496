"""Find the files envlint reads, and classify them. No file content is read here; in a git work tree,
git is asked which files belong to the repository (gitfiles.py)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .excludes import exclusion, unexcluded
from .filenames import classify
from .gitfiles import git_files
from .gitignore import GitIgnores
from .model import Location, Problem
from .walk import walk

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


def discover(root: Path, paths: tuple[Path, ...], exclude: tuple[str, ...],
             respect_gitignore: bool = True) -> Discovery:
    """The files under ``paths`` (inside ``root``) that envlint reads; sorted output.

    In a git work tree, git's list (gitfiles.py): tracked files, even those an ignore pattern matches,
    and untracked files no ignore rule matches. Elsewhere, or with ``respect_gitignore`` off, a walk
    that does not follow symlinked folders and skips what `.gitignore` files ignore (unless off).
    ``exclude`` and DEFAULT_EXCLUDE apply to both. Files named on the command line are read even when
    excluded or ignored by git, as ruff does.
    """
    matches = exclusion(DEFAULT_EXCLUDE + exclude, root)
    found = _Found(root)
    named = [start for start in paths if start.is_file() or start.is_symlink()]
    folders = tuple(start for start in paths if start not in named)
    for start in named:
        found.visit(start)
    listed = git_files(root, folders) if respect_gitignore and folders else None
    if listed is not None:
        for rel in unexcluded(listed, root, folders, matches, found.kind):
            found.listed(rel)
    else:
        gitignores = GitIgnores(root) if respect_gitignore else None

        def unreadable(error: OSError) -> None:
            where = Path(error.filename or start)
            rel = where.relative_to(root).as_posix() if where.is_relative_to(root) and where != root else "."
            found.problems.append(Problem(location=Location(rel, 1, 1), kind="unreadable",
                                          message=f"folder cannot be read ({error.strerror or error}); skipped"))

        for start in folders:
            real = found.contained.real_folder(start)
            for below, rel_folder, kept in walk(root, start, matches, gitignores, found.kind, unreadable):
                found.walked(start, below, rel_folder, kept, real)
    found.files.sort(key=lambda f: f.path)
    found.problems.sort(key=lambda p: p.location)
    return Discovery(tuple(found.files), tuple(found.problems))


class _Found:
    """What discovery found so far. A file is judged once (the first of the named files, git's list
    and the walk to reach it): skipped when its name is not UTF-8, when it is a broken link or one
    that leads outside the root, or when it is no regular file (a folder, a pipe, a tracked file
    deleted from the work tree). Links, and whatever the faster answers below cannot tell, take the
    path objects' way (`_judge`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.contained = Containment(root)
        self.files: list[SourceFile] = []
        self.problems: list[Problem] = []
        self.seen: set[str] = set()
        self.kinds: dict[str, str | None] = {}
        self.base = os.fspath(root).rstrip("/") + "/"
        self.folders: dict[str, tuple[str, str] | None] = {}  # a listed file's folder -> real_folder()

    def kind(self, name: str) -> str | None:
        """classify(), asked once per distinct name: it depends on the name alone."""
        try:
            return self.kinds[name]
        except KeyError:
            kind = self.kinds[name] = classify(name)
            return kind

    def visit(self, path: Path) -> None:
        rel = path.relative_to(self.root).as_posix() if path != self.root else "."
        if rel in self.seen:
            return
        self.seen.add(rel)
        kind = self.kind(path.name)
        if kind is not None and self._named(rel):
            self._judge(path, rel, kind)

    def listed(self, rel: str) -> None:
        """A file of git's list: one lstat answers whether it is a link and a regular file."""
        if rel in self.seen:  # git's names are normalized: `(root / rel).relative_to(root)` is rel
            return
        self.seen.add(rel)
        folder, _, name = rel.rpartition("/")
        kind = self.kind(name)
        if kind is None or not self._named(rel):
            return
        try:
            status = os.lstat(self.base + rel)
        except OSError:
            status = None
        if status is None or stat.S_ISLNK(status.st_mode):
            self._judge(self.root / rel, rel, kind)
            return
        if not _inside(self._real(folder), name):
            self._judge(self.root / rel, rel, kind)  # says why
        elif stat.S_ISREG(status.st_mode):  # not a link: stat() would say the same
            self.files.append(SourceFile(rel, kind))

    def _real(self, folder: str) -> tuple[str, str] | None:
        """real_folder() of a listed file's folder (relative to the root), a folder at a time: one that
        is not a link resolves to its resolved parent plus its name, as realpath() finds it (a failed
        lstat reads as no link there too), so only links cost a resolve of the whole path."""
        chain = []  # the folders from this one up to the first already resolved, or the root ("")
        while folder not in self.folders and folder:
            chain.append(folder)
            folder = folder.rpartition("/")[0]
        if not folder and folder not in self.folders:
            self.folders[""] = self.contained.real_folder(self.root)
        above = self.folders[folder]
        for folder in reversed(chain):
            name = folder.rpartition("/")[2]
            real = None
            if above is not None and name not in (".", ".."):
                try:
                    link = stat.S_ISLNK(os.lstat(self.base + folder).st_mode)
                except OSError:
                    link = False
                if not link:
                    real = (above[0], above[1].rstrip("/") + "/" + name)
            if real is None:
                real = self.contained.real_folder(self.root / folder)
            above = self.folders[folder] = real
        return above

    def walked(self, start: Path, below: str, rel_folder: str, kept: list[tuple[str, str, os.DirEntry]],
               real: tuple[str, str] | None) -> None:
        """The files of one walked folder. Its path below the start has no link (the walk follows
        none): it resolves to the resolved start plus that path."""
        prefix = rel_folder + "/" if rel_folder else ""
        if real is not None and below:
            real = (real[0], real[1].rstrip("/") + "/" + below)
        # A folder inside the root holds only files inside it; one outside may (in principle) hold the
        # root's own name, so its files are each asked.
        held = real is not None and _under(real[1], real[0])
        for name, kind, entry in kept:
            rel = prefix + name
            if rel in self.seen:
                continue
            self.seen.add(rel)
            if not self._named(rel):
                continue
            try:
                link = entry.is_symlink()
                regular = not link and entry.is_file()  # the listing's type: no stat where it says
            except OSError:
                link = True
            if link or not (held or _inside(real, name)):
                self._judge(Path(os.path.join(os.fspath(start), below, name)), rel, kind)
            elif regular:
                self.files.append(SourceFile(rel, kind))

    def _named(self, rel: str) -> bool:
        if rel.isascii() or _utf8(rel):
            return True
        # Every output is UTF-8 text: a name that is not cannot be printed, located or suppressed.
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        self.problems.append(Problem(location=Location(shown, 1, 1), kind="not-utf8-name",
                                     message="the file's name is not UTF-8; skipped"))
        return False

    def _judge(self, path: Path, rel: str, kind: str) -> None:
        if path.is_symlink() and not path.exists():
            self.problems.append(Problem(location=Location(rel, 1, 1), kind="broken-symlink",
                                         message=f"broken symbolic link to {os.readlink(path)}; skipped"))
            return
        if not self.contained(path):
            # A link to /etc/passwd or /proc/self/environ in a stranger's repository: never read it.
            message = f"symbolic link to {path.resolve()}, outside the analysed folder; skipped"
            self.problems.append(Problem(location=Location(rel, 1, 1), kind="outside-root", message=message))
            return
        if path.is_file():  # not a folder; not a tracked file deleted from the work tree (git says so)
            self.files.append(SourceFile(rel, kind))


def _inside(real: tuple[str, str] | None, name: str) -> bool:
    """Whether the file ``name`` of a folder (not a link) is inside the root, given real_folder()'s
    answer for the folder."""
    return real is not None and _under(real[1].rstrip("/") + "/" + name, real[0])


def _under(path: str, root: str) -> bool:
    """Path(path).is_relative_to(root), for resolved (normalised, absolute) paths' strings."""
    return path == root or path.startswith(root.rstrip("/") + "/")


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

    def real_folder(self, folder: Path) -> tuple[str, str] | None:
        """The resolved root and ``folder``, as strings, for the many files of one folder that are not
        links (each resolves to the folder's plus its name, as above); None where a file's call
        would fail (a link loop), so answer False."""
        try:
            if self._root is None:
                self._root = self.root.resolve()
            real = self._folders.get(folder)
            if real is None:
                real = self._folders[folder] = folder.resolve()
        except (OSError, RuntimeError):
            return None
        return str(self._root), str(real)
