"""Dockerfiles: the final stage's `ENV` (the image's own defaults, set for every container started from
it) and the program its `ENTRYPOINT`/`CMD` runs (to link the image to a program of the repository).

`ARG` is build time only and never reaches a container. A stage that starts `FROM` an earlier stage
keeps that stage's ENV; any other `FROM` starts empty (the base image's own ENV is not in the
repository).
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass

from ..model import EnvSet, Location

_INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)\s+(.*)$", re.DOTALL)
_PAIR = re.compile(r"""([A-Za-z_][A-Za-z0-9_.\-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)""")


@dataclass(frozen=True)
class Dockerfile:
    path: str
    env: tuple[EnvSet, ...]  # ENV of the final stage, in order
    command: tuple[str, ...]  # ENTRYPOINT then CMD of the final stage, as words


@dataclass(frozen=True)
class _Logical:
    """One instruction, continuation lines joined; `segments` map offsets back to physical lines."""

    text: str
    segments: tuple[tuple[int, int], ...]  # (offset in text, line number), ascending

    def location(self, path: str, offset: int) -> Location:
        start, number = next((s, n) for s, n in reversed(self.segments) if s <= offset)
        return Location(path, number, offset - start + 1)


def _logical_lines(text: str) -> list[_Logical]:
    """Instructions with `\\` continuations joined, comments dropped (docker drops them inside too)."""
    out: list[_Logical] = []
    buffer, segments = "", []
    for number, line in enumerate(text.splitlines(), start=1):
        if (not buffer and not line.strip()) or line.lstrip().startswith("#"):
            continue
        segments.append((len(buffer), number))
        if line.rstrip().endswith("\\"):
            buffer += line.rstrip()[:-1] + " "
            continue
        out.append(_Logical(buffer + line, tuple(segments)))
        buffer, segments = "", []
    if buffer:
        out.append(_Logical(buffer, tuple(segments)))
    return out


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].replace('\\"', '"') if value[0] == '"' else value[1:-1]
    return value


def _env(path: str, logical: _Logical, start: int, arguments: str) -> list[EnvSet]:
    pairs = list(_PAIR.finditer(arguments))
    if pairs and arguments.split(None, 1)[0].find("=") > 0:
        return [EnvSet(m.group(1), logical.location(path, start + m.start()), _unquote(m.group(2)),
                       via=f"ENV in {path}") for m in pairs]
    name, _, value = arguments.strip().partition(" ")  # legacy form: ENV NAME value with spaces
    return [EnvSet(name, logical.location(path, start), value.strip(), via=f"ENV in {path}")] if name else []


def _words(arguments: str) -> tuple[str, ...]:
    arguments = arguments.strip()
    if arguments.startswith("["):
        try:
            parsed = json.loads(arguments)
            if isinstance(parsed, list) and all(isinstance(w, str) for w in parsed):
                return tuple(parsed)
        except ValueError:
            pass
    try:
        return tuple(shlex.split(arguments))
    except ValueError:
        return tuple(arguments.split())


def parse_dockerfile(path: str, text: str) -> Dockerfile:
    stages: dict[str, tuple[list[EnvSet], tuple[str, ...], tuple[str, ...]]] = {}
    env: list[EnvSet] = []
    entrypoint: tuple[str, ...] = ()
    cmd: tuple[str, ...] = ()
    for logical in _logical_lines(text):
        match = _INSTRUCTION.match(logical.text)
        if not match:
            continue
        keyword, arguments = match.group(1).upper(), match.group(2)
        if keyword == "FROM":
            words = arguments.split()
            base = stages.get(words[0].lower()) if words else None
            env, entrypoint, cmd = (list(base[0]), base[1], base[2]) if base else ([], (), ())
            if len(words) >= 3 and words[-2].upper() == "AS":
                stages[words[-1].lower()] = (env, entrypoint, cmd)
        elif keyword == "ENV":
            env.extend(_env(path, logical, match.start(2), arguments))
        elif keyword == "ENTRYPOINT":
            entrypoint, cmd = _words(arguments), ()  # a new ENTRYPOINT resets an inherited CMD
        elif keyword == "CMD":
            cmd = _words(arguments)
        for name, stage in list(stages.items()):
            if stage[0] is env:
                stages[name] = (env, entrypoint, cmd)
    return Dockerfile(path, tuple(env), entrypoint + cmd)
