"""The values a shell variable can hold, from the script's own assignments: enough to read the image
name a build script gives `docker build -t "${IMAGE_NAME}"` when the name is composed in variables
(`IMAGE_NAMES="${IMAGE_NAMES-docker.io/acme/app}"`, `for IMAGE_NAME in "${IMAGE_NAMES[@]}"`,
`TAGS+=("${IMAGE_NAME}:${TAG}")`).

Flow-insensitive: every assignment of a name counts, wherever it stands. `${X-d}` and `${X:-d}` may be
their default; a name with no assignment, or met again while it is being resolved, stays as written
(`${X}`), so a caller sees which part of a value is not fixed by the repository.
"""

from __future__ import annotations

import re

from .. import shellwords

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_SCALAR = re.compile(rf"^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?({_NAME})=(?!\()(.*)$")
_ARRAY = re.compile(rf"^\s*(?:local\s+|declare\s+(?:-\w+\s+)*)?({_NAME})(\+?)=\((.*)$")
_FOR = re.compile(rf"^\s*for\s+({_NAME})\s+in\s+(.*?)\s*(?:;\s*do\b.*)?$")
_READ = re.compile(rf"^\s*(?:IFS=\S*\s+)?read\s+(?:-\w+\s+)*({_NAME})\s*<<<\s*(.*)$")
_EXPANSION = re.compile(rf"\$\{{({_NAME})(\[[@*]\])?(?::?-([^}}]*))?\}}|\$({_NAME})")
_LIMIT = 24  # values per name: a script that composes more is not one whose names can be read


def _split(text: str) -> list[str]:
    try:
        return shellwords.split(text, comments=True)
    except ValueError:
        return text.split()


class ShellValues:
    def __init__(self, text: str) -> None:
        self.values: dict[str, list[str]] = {}  # name -> the words assigned to it, as written
        lines = text.splitlines()
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if line.lstrip().startswith("#"):
                continue
            array = _ARRAY.match(line)
            if array:
                body = array.group(3)
                while ")" not in body.split("#")[0] and index < len(lines):  # a multi-line `X=(...)`
                    body += " " + lines[index]
                    index += 1
                self._add(array.group(1), _split(body.split(")")[0] if body.rstrip().endswith(")") else body))
                continue
            for pattern in (_SCALAR, _READ):
                match = pattern.match(line)
                if match:
                    self._add(match.group(1), _split(match.group(2))[:1])
                    break
            else:
                loop = _FOR.match(line)
                if loop:
                    self._add(loop.group(1), _split(loop.group(2)))

    def _add(self, name: str, words: list[str]) -> None:
        self.values.setdefault(name, []).extend(words)

    def resolve(self, word: str, seen: frozenset[str] = frozenset()) -> list[str]:
        """The values ``word`` can expand to (one word each; an array expands to its elements)."""
        match = _EXPANSION.search(word)
        if match is None:
            return [word]
        name = match.group(1) or match.group(4)
        default = match.group(3)
        options: list[str] = []
        if name in self.values and name not in seen:
            for value in self.values[name]:
                options.extend(self.resolve(value, seen | {name}))
        else:
            options.append("${" + name + "}")  # not fixed by the script: left as written
        if default is not None:
            options.extend(self.resolve(default, seen | {name}))
        head, tail = word[:match.start()], word[match.end():]
        out: list[str] = []
        for option in dict.fromkeys(options):
            for rest in self.resolve(tail, seen):
                out.append(head + option + rest)
                if len(out) >= _LIMIT:
                    return out
        return out
