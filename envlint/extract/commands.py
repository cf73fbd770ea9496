"""One shell command line as a launch: the assignments that prefix it (`DEBUG=False ./manage.py compress`)
and the program of the repository it runs (`./build.sh`, `bash ci/test.sh`, `python manage.py test`,
`python -m pkg`, `coverage run manage.py test`). Shared by the launchers written as shell text in
configuration: GitHub Actions `run:` steps and Dockerfile `RUN` instructions.

A program is recognised only by a path (`./x`, `dir/x`, `x.sh`, `x.py`) or an interpreter given one; a
bare word (`make`, `pytest`, `docker`) is a tool on the PATH, not a program of the repository.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .. import shellwords

_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.DOTALL)
_PYTHON = re.compile(r"^python[\d.]*$")
# Words that run the rest of the line as the command, with the same environment.
_PREFIXES = frozenset({"exec", "time", "command", "nohup"})
# Runners whose first argument (after their options) is a Python script or `-m module`.
_PYTHON_RUNNERS = {("coverage", "run"), ("uv", "run"), ("poetry", "run"), ("pipenv", "run")}


@dataclass(frozen=True)
class Assignment:
    name: str
    value: str  # as written, quotes removed
    offset: int  # where the assignment starts in the command's text


@dataclass(frozen=True)
class Command:
    """A command that runs a program of the repository, with the names it is given on its line."""

    assignments: tuple[Assignment, ...]
    kind: str  # "python-script", "python-module" or "script"
    target: str  # repository-relative path (normalised against the working folder), or the module
    offset: int  # where the program's word starts in the text


# The characters split_commands acts on; it jumps from one to the next (most lines hold none).
_SEPARATING = re.compile(r"[\\'\"#&|;]")


def split_commands(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each command of one logical line, split at `&&`, `||`, `;`, `|` outside quotes."""
    out, start, index, quote = [], 0, 0, ""
    while (found := _SEPARATING.search(text, index)) is not None:
        index = found.start()
        ch = text[index]
        if ch == "\\" and quote != "'":
            index += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (index == 0 or text[index - 1].isspace()):
            break  # a comment runs to the end of the line
        elif ch in "&|;":
            width = 2 if text[index:index + 2] in ("&&", "||") else 1
            out.append((start, text[start:index]))
            start = index + width
            index += width
            continue
        index += 1
    else:
        index = len(text)
    out.append((start, text[start:index]))
    return [(offset + len(part) - len(part.lstrip()), part.strip()) for offset, part in out if part.strip()]


def _words(text: str) -> list[tuple[int, str]]:
    """(offset, word) pairs; offsets found by searching the text for each word's first characters."""
    try:
        words = shellwords.split(text, comments=False)
    except ValueError:
        return []
    out, cursor = [], 0
    for word in words:
        probe = word.split("=", 1)[0] or word
        found = text.find(probe, cursor)
        offset = found if found >= 0 else cursor
        out.append((offset, word))
        cursor = offset + max(1, len(probe))
    return out


def _path(word: str, folder: str) -> str | None:
    if "$" in word or "`" in word or word.startswith("-"):
        return None
    if word.startswith("/"):
        return None  # an absolute path is the machine's, not the checkout's
    return posixpath.normpath(posixpath.join(folder, word)) if folder not in ("", ".") else posixpath.normpath(word)


def _python(words: list[tuple[int, str]], folder: str) -> tuple[str, str, int] | None:
    rest = list(words)
    while rest and rest[0][1].startswith("-") and rest[0][1] != "-m":
        rest.pop(0)  # interpreter options: -u, -O, -W error (a value-taking option is rare here)
    if len(rest) >= 2 and rest[0][1] == "-m":
        return ("python-module", rest[1][1], rest[1][0]) if "$" not in rest[1][1] else None
    if rest and rest[0][1].endswith(".py"):
        path = _path(rest[0][1], folder)
        return ("python-script", path, rest[0][0]) if path else None
    return None


# A command runs a program of the repository only if one of its words holds one of these: a path ("/",
# "x.sh", "x.py"), an interpreter (python, sh, bash, ...) or a runner's `-m` (_program). A word is the
# text's characters less the quotes and backslashes shlex removes, so a text that holds none of them
# once those are dropped needs no split (shlex is slow; most `run:` lines run tools: `make`, `go test`).
_NEEDLES = ("py", "sh", "/", "-m")
_UNQUOTE = str.maketrans("", "", "'\"\\")


def _may_run_program(text: str) -> bool:
    plain = text.translate(_UNQUOTE)
    return any(needle in plain for needle in _NEEDLES)


def parse_command(text: str, folder: str = ".") -> Command | None:
    """The launch of a repository program in one command (no separators), or None. ``folder`` is the
    repository folder the command runs in."""
    if not _may_run_program(text):
        return None
    words = _words(text)
    assignments = []
    while words and (match := _ASSIGNMENT.match(words[0][1])):
        assignments.append(Assignment(match.group(1), match.group(2), words[0][0]))
        words = words[1:]
    while words and words[0][1] in _PREFIXES:
        words = words[1:]
    if words and words[0][1] == "env":  # `env A=1 B=2 prog`
        words = words[1:]
        while words and (match := _ASSIGNMENT.match(words[0][1])):
            assignments.append(Assignment(match.group(1), match.group(2), words[0][0]))
            words = words[1:]
    if not words:
        return None
    found = _program(words, folder)
    if found is None:
        return None
    kind, target, offset = found
    return Command(tuple(assignments), kind, target, offset)


def _program(words: list[tuple[int, str]], folder: str) -> tuple[str, str, int] | None:
    offset, first = words[0]
    name = posixpath.basename(first)
    if _PYTHON.match(name):
        return _python(words[1:], folder)
    if len(words) > 1 and (name, words[1][1]) in _PYTHON_RUNNERS:
        rest = [w for w in words[2:] if not w[1].startswith("-") or w[1] == "-m"]
        if rest and _PYTHON.match(posixpath.basename(rest[0][1])):
            rest = rest[1:]
        return _python(rest, folder)
    if name in shellwords.SHELLS:
        rest = [w for w in words[1:] if not w[1].startswith("-")]
        if rest and "-c" not in [w for _, w in words[1:]]:
            path = _path(rest[0][1], folder)
            return ("script", path, rest[0][0]) if path else None
        return None
    if "/" in first or first.endswith((".sh", ".py")):
        path = _path(first, folder)
        if path is None:
            return None
        return ("python-script" if path.endswith(".py") else "script", path, offset)
    return None
