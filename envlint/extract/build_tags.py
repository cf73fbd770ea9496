"""Image names the repository gives its own builds: `docker build -t NAME [-f path/Dockerfile] CONTEXT`
in Makefiles, shell scripts and CI workflow files. A launch site that runs NAME starts what that
Dockerfile builds. A variable the file assigned a literal before the line (`image=api` ... `-t ${image}`) is
substituted. Names still holding a variable (`$(IMAGE)`, `${REPO}/api`) in their last path component are
skipped: nothing can be matched on them.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass

from ..model import Location

_BUILD = re.compile(r"docker\s+(?:buildx\s+)?build\b")
_VALUE_OPTIONS = {"-f", "--file", "-t", "--tag", "--build-arg", "--target", "--platform", "--label",
                  "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--progress", "-o", "--output"}


@dataclass(frozen=True)
class BuildTag:
    image: str  # as written, tag included
    dockerfile: str  # repository-relative path of the Dockerfile it builds
    location: Location


def _commands(text: str) -> list[tuple[int, int, str]]:
    """(line, column, command text) of each `docker build`, with `\\` continuations joined."""
    lines = text.splitlines()
    out = []
    for number, line in enumerate(lines, start=1):
        match = _BUILD.search(line)
        if not match:
            continue
        command, index = line[match.start():], number
        while command.rstrip().endswith("\\") and index < len(lines):
            command = command.rstrip()[:-1] + " " + lines[index]
            index += 1
        out.append((number, match.start() + 1, command))
    return out


def _words(command: str) -> list[str]:
    command = re.split(r"\s(?:&&|\|\||;|\|)\s", command, maxsplit=1)[0]
    try:
        return shlex.split(command, comments=True)
    except ValueError:
        return command.split()


# `image=api`, `local dir=services/api/`: a literal a script assigns, substituted into a later build line.
_ASSIGN = re.compile(r"^[ \t]*(?:export\s+|readonly\s+|local\s+)?([A-Za-z_]\w*)=([^\s$`;&|()]+)[ \t]*(?:#.*)?$",
                     re.MULTILINE)
_REFERENCE = re.compile(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)")


def _substituted(command: str, text: str, line: int) -> str:
    """The command with the variables the file assigned a literal before its line replaced by it (the
    last assignment wins; functions are not told apart, as for a `docker run` image variable)."""
    values: dict[str, str] = {}
    for match in _ASSIGN.finditer(text):
        if text.count("\n", 0, match.start()) + 1 >= line:
            break
        values[match.group(1)] = match.group(2).strip("'\"")
    return _REFERENCE.sub(lambda m: values.get(m.group(1) or m.group(2), m.group(0)), command) if values else command


def find_build_tags(path: str, text: str, known_files: set[str]) -> list[BuildTag]:
    folder = posixpath.dirname(path)
    found = []
    for line, column, command in _commands(text):
        words = _words(_substituted(command, text, line) if "$" in command else command)[2:]
        if words and words[0] == "build":  # `docker buildx build`
            words = words[1:]
        tags, dockerfile, positional = [], None, []
        index = 0
        while index < len(words):
            word = words[index]
            flag, _, inline = word.partition("=")
            if flag in _VALUE_OPTIONS:
                value = inline if inline else (words[index + 1] if index + 1 < len(words) else "")
                index += 1 if inline else 2
                if flag in ("-t", "--tag"):
                    tags.append(value)
                elif flag in ("-f", "--file"):
                    dockerfile = value
                continue
            if not word.startswith("-"):
                positional.append(word)
            index += 1
        context = positional[-1] if positional else "."
        for base in ("", folder):  # commands usually run at the repository root; scripts maybe beside
            candidate = posixpath.normpath(posixpath.join(base, dockerfile or posixpath.join(context, "Dockerfile")))
            if candidate in known_files:
                for tag in tags:
                    last = tag.split("@")[0].rsplit("/", 1)[-1]
                    if "$" not in last.split(":")[0]:
                        found.append(BuildTag(tag, candidate, Location(path, line, column)))
                break
    return found
