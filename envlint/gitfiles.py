"""The files of a git work tree, as git lists them: what it tracks plus what it would add.

A file that git tracks is part of the repository even when a `.gitignore` pattern matches it (a
committed `.env` under a `.env` pattern, force-added), and an ignored file nobody committed is not.
Only git knows both, so discovery asks it: `git ls-files` for tracked files, `--others
--exclude-standard` for untracked ones that no ignore rule (`.gitignore` at any depth,
`.git/info/exclude`, the user's `core.excludesFile`) matches. ruff never asks git; its walk reads the
ignore files instead, which is what envlint falls back to when this returns None.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_GITLINK = "160000"  # a submodule's entry: a commit of another repository, not a file of this one
_TIMEOUT = 60  # seconds; a work tree too large to list in that time is walked instead

# Settings that would change what git prints: names verbatim (also under -z), no fsmonitor daemon
# started on the user's machine by a listing.
_GIT = ("git", "-c", "core.quotepath=off", "-c", "core.fsmonitor=false")


def _environment() -> dict[str, str]:
    """The process environment minus git's own variables: GIT_DIR, GIT_WORK_TREE or GIT_INDEX_FILE
    (set, for one, while a pre-commit hook runs) would point git at another repository or index than
    the analysed folder's. PATH finds git; HOME finds the user's ignore rules."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def _git(root: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[bytes] | None]:
    """Each git command's result (None when it could not run), the commands run at once: one process
    start is most of a listing's time (three in turn took 28 ms of a 0.16 s cached run on ragflow)."""
    started: list[subprocess.Popen[bytes] | None] = []
    for args in commands:
        try:
            started.append(subprocess.Popen([*_GIT, "-C", str(root), *args], stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, env=_environment()))
        except OSError:  # git not installed
            started.append(None)
    done: list[subprocess.CompletedProcess[bytes] | None] = []
    for process in started:
        if process is None:
            done.append(None)
            continue
        try:
            out, err = process.communicate(timeout=_TIMEOUT)
        except subprocess.SubprocessError:  # too slow: walked instead
            process.kill()
            process.communicate()
            done.append(None)
            continue
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _ls_files_args(pathspecs: list[str], *options: str) -> tuple[str, ...]:
    # A folder named `[abc]` is that folder, not a pattern (check-ignore takes no pathspec magic).
    return ("--literal-pathspecs", "ls-files", "-z", *options, "--", *pathspecs)


def _listed(done: subprocess.CompletedProcess[bytes] | None) -> list[str] | None:
    if done is None or done.returncode != 0:
        return None  # not a work tree, a bare repository, an unsafe owner, a path in a submodule
    # Names are bytes; a name that is not UTF-8 is kept with surrogateescape, as os.walk does.
    return [os.fsdecode(entry) for entry in done.stdout.split(b"\0") if entry]


def ls_files(root: Path, pathspecs: list[str]) -> list[str] | None:
    """What `git ls-files` lists under ``pathspecs`` (paths relative to ``root``), None outside a work tree."""
    return _listed(_git(root, _ls_files_args(pathspecs))[0])


def git_files(root: Path, starts: tuple[Path, ...]) -> list[str] | None:
    """Paths relative to ``root`` (POSIX) of the files git tracks or would add under ``starts``, sorted;
    None when ``root`` is not in a git work tree or git cannot list it.

    Entries are not checked against the disk: a tracked file deleted from the work tree is still
    listed, and discovery skips what is not there."""
    pathspecs = [start.relative_to(root).as_posix() if start != root else "." for start in starts]
    listing, ignored, others = _git(root, _ls_files_args(pathspecs, "--stage"), ("check-ignore", "--", *pathspecs),
                                    _ls_files_args(pathspecs, "--others", "--exclude-standard"))
    tracked = _listed(listing)
    if tracked is None:
        return None
    # An analysed folder inside an ignored one (a generated corpus, a scratch copy) is one git lists
    # nothing of; it is walked, as outside a work tree. Exit 1: none of them is ignored.
    if ignored is None or ignored.returncode != 1:
        return None
    untracked = _listed(others)
    if untracked is None:
        return None
    files = set()
    for entry in tracked:  # "<mode> <object> <stage>\t<path>"; one line per stage of a conflicted file
        info, _, path = entry.partition("\t")
        if info.split(" ", 1)[0] != _GITLINK:
            files.add(path)
    # An untracked nested repository is listed as its folder ("sub/"): not a file of this repository.
    files.update(path for path in untracked if not path.endswith("/"))
    return sorted(files)
