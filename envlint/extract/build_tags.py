"""Image names the repository gives its own builds: `docker build -t NAME [-f path/Dockerfile] CONTEXT`
in Makefiles, shell scripts and CI workflow files. A launch site that runs NAME starts what that
Dockerfile builds. In a shell script, a tag, file or context given in variables is read through the
script's assignments (envlint/extract/shell_values.py), and `"${ARGS[@]}"` through the words it puts in
ARGS. Names still holding a variable (`$(IMAGE)`, `${REPO}/api`) in their last path component are
skipped: nothing can be matched on them.
"""

from __future__ import annotations

import posixpath
import re

from .. import shellwords
from ..builds import BuildTag
from ..model import Location
from .shell_values import ShellValues

_BUILD = re.compile(r"docker\s+(?:buildx\s+(?:--builder[= ]\S+\s+)?)?build\b")
_VALUE_OPTIONS = {"-f", "--file", "-t", "--tag", "--build-arg", "--target", "--platform", "--label",
                  "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--progress", "-o", "--output"}
_ARRAY_WORD = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}$")


def _commands(text: str) -> list[tuple[int, int, str]]:
    """(line, column, command text) of each `docker build`, with `\\` continuations joined first (a
    `docker buildx --builder x build` may span lines)."""
    lines = text.splitlines()
    out = []
    number = 0
    while number < len(lines):
        first, command = number + 1, lines[number]
        while command.rstrip().endswith("\\") and number + 1 < len(lines):
            number += 1
            command = command.rstrip()[:-1] + " " + lines[number]
        number += 1
        match = _BUILD.search(command)
        if match:
            out.append((first, min(match.start(), len(lines[first - 1])) + 1, command[match.start():]))
    return out


def _words(command: str) -> list[str]:
    command = re.split(r"\s(?:&&|\|\||;|\|)\s", command, maxsplit=1)[0]
    try:
        return shellwords.split(command, comments=True)
    except ValueError:
        return command.split()


def _arguments(command: str, values: ShellValues | None) -> list[str]:
    """The words after `build`, with `"${ARGS[@]}"` replaced by the words the script puts in ARGS."""
    words = _words(command)[1:]
    if words and words[0] == "buildx":
        words = words[1:]
        while words and words[0].startswith("--builder"):
            words = words[1 if "=" in words[0] else 2:]
    words = words[1:] if words and words[0] == "build" else words
    out = []
    for word in words:
        array = _ARRAY_WORD.match(word)
        if array and values is not None and array.group(1) in values.values:
            out.extend(values.values[array.group(1)])
        else:
            out.append(word)
    return out


def _fixed(value: str, values: ShellValues | None) -> list[str]:
    """The values a word can have that the repository fixes: itself, or what its variables resolve to."""
    if "$" not in value or values is None:
        return [value]
    return values.resolve(value)


_REPOSITORY = re.compile(r"[A-Za-z0-9][\w.\-/:]*")


def _named(tag: str) -> bool:
    """The tag names its repository without a variable (`acme/api:${VERSION}` does; `${REPO}/api`,
    `$(IMAGE)` and the text of a command substitution do not)."""
    reference = tag.split("@", 1)[0]
    repository = reference.rsplit(":", 1)[0] if ":" in reference.rsplit("/", 1)[-1] else reference
    if re.search(r"[\s'\"`]", repository):
        return False  # the text of a command substitution, not a reference
    if "$" in repository.rsplit("/", 1)[-1]:
        return False
    return "$" in repository or _REPOSITORY.fullmatch(repository) is not None


def find_build_tags(path: str, text: str, known_files: set[str]) -> list[BuildTag]:
    folder = posixpath.dirname(path)
    values = ShellValues(text) if path.endswith(".sh") else None
    found = []
    for line, column, command in _commands(text):
        words = _arguments(command, values)
        tags, dockerfiles, positional = [], [], []
        index = 0
        while index < len(words):
            word = words[index]
            flag, _, inline = word.partition("=")
            if flag in _VALUE_OPTIONS:
                value = inline if inline else (words[index + 1] if index + 1 < len(words) else "")
                index += 1 if inline else 2
                if flag in ("-t", "--tag"):
                    tags.extend(_fixed(value, values))
                elif flag in ("-f", "--file"):
                    dockerfiles.extend(v for v in _fixed(value, values) if "$" not in v)
                continue
            if not word.startswith("-"):
                positional.append(word)
            index += 1
        contexts = [c for c in _fixed(positional[-1], values) if "$" not in c] if positional else ["."]
        for base in ("", folder):  # commands usually run at the repository root; scripts maybe beside
            candidates = [posixpath.normpath(posixpath.join(base, d or posixpath.join(c, "Dockerfile")))
                          for c in contexts or ["."] for d in (dockerfiles or [""])]
            candidate = next((c for c in candidates if c in known_files), None)
            if candidate is not None:
                for tag in dict.fromkeys(tags):
                    if _named(tag):
                        found.append(BuildTag(image=tag, dockerfile=candidate, location=Location(path, line, column)))
                break
    return found
