"""Dockerfile `RUN` commands prefixed with assignments (`RUN DEBUG=False SECRET_KEY=x ./manage.py
compress`): each starts a program of the repository with those names, at build time.

Only the assignments are the site's sets: the stage's ENV is the image's configuration for the program
its CMD runs, so a name there that this command ignores is no finding of this site. A command without
assignments is not a launch site: nothing at that line is meant for the program. The program's path is
as the command gives it, relative to the build's WORKDIR, which the linker matches against the
repository's files.
"""

from __future__ import annotations

import re

from ..model import EnvSet, FileFacts, LaunchSite, TargetRef
from .commands import parse_command, split_commands
from .dockerfile import _INSTRUCTION, _logical_lines

_FLAGS = re.compile(r"^\s*(?:--\S+\s+)*")  # `RUN --mount=type=cache,target=/x cmd`


def extract_dockerfile_runs(path: str, data: bytes) -> list[FileFacts]:
    sites: list[LaunchSite] = []
    for logical in _logical_lines(data.decode("utf-8", errors="replace")):
        match = _INSTRUCTION.match(logical.text)
        if not match or match.group(1).upper() != "RUN" or match.group(2).lstrip().startswith("["):
            continue
        start = match.start(2) + len(_FLAGS.match(match.group(2)).group(0))  # type: ignore[union-attr]
        for offset, part in split_commands(logical.text[start:]):
            command = parse_command(part)
            if command is None or not command.assignments:
                continue
            at = start + offset
            sets = tuple(
                EnvSet(
                    name=a.name,
                    location=logical.location(path, at + a.offset),
                    value=a.value if "$" not in a.value else None,
                    via="assignment before the command",
                )
                for a in command.assignments
            )
            target = TargetRef(
                kind=command.kind,
                value=command.target,  # type: ignore[arg-type]
                location=logical.location(path, at + command.offset),
                via="Dockerfile RUN",
            )
            sites.append(
                LaunchSite(
                    location=logical.location(path, at),
                    kind="exec",
                    language="dockerfile",
                    function="RUN",
                    targets=(target,),
                    sets=sets,
                    inherits=False,
                    env_text="Dockerfile RUN: the command's assignments",
                )
            )
    return [FileFacts(path=path, language="dockerfile", launch_sites=tuple(sites))] if sites else []
