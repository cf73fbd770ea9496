"""Dockerfiles: the final stage's `ENV` (the image's own defaults, set for every container started from
it) and the program its `ENTRYPOINT`/`CMD` runs (to link the image to a program of the repository).

`ARG` is build time only and never reaches a container. A stage that starts `FROM` an earlier stage
keeps that stage's ENV; any other `FROM` starts empty (the base image's own ENV is not in the
repository).
"""

from __future__ import annotations

import json
import re
import posixpath
from dataclasses import dataclass, field

from .. import shellwords
from ..builds import Copy, Dockerfile, RunStep
from ..model import EnvSet, Location, Read
from .shell_reads import scan

_INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)\s+(.*)$", re.DOTALL)
_PAIR = re.compile(r"""([A-Za-z_][A-Za-z0-9_.\-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)""")


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
        return [EnvSet(name=m.group(1), location=logical.location(path, start + m.start()), value=_unquote(m.group(2)),
                       via=f"ENV in {path}") for m in pairs]
    name, _, value = arguments.strip().partition(" ")  # legacy form: ENV NAME value with spaces
    return (
        [EnvSet(name=name, location=logical.location(path, start), value=value.strip(), via=f"ENV in {path}")]
        if name
        else []
    )


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
        return tuple(shellwords.split(arguments))
    except ValueError:
        return tuple(arguments.split())


@dataclass
class _Stage:
    env: list[EnvSet] = field(default_factory=list)
    entrypoint: tuple[str, ...] = ()
    cmd: tuple[str, ...] = ()
    copies: list[Copy] = field(default_factory=list)
    workdir: str = "/"
    base: str = ""
    base_is_argument: bool = False
    shell_form: bool = False
    entrypoint_reads: tuple[Read, ...] = ()
    cmd_reads: tuple[Read, ...] = ()

    def inherit(self) -> "_Stage":
        return _Stage(list(self.env), self.entrypoint, self.cmd, list(self.copies), self.workdir, self.base,
                      self.base_is_argument, self.shell_form, self.entrypoint_reads, self.cmd_reads)


def _copy(arguments: str, workdir: str) -> Copy | None:
    words = [w for w in _words(arguments)]
    if any(w.startswith("--from") for w in words):
        return None  # from another stage or image: not the build context
    paths = [w for w in words if not w.startswith("--")]
    if len(paths) < 2:
        return None
    dest = paths[-1]
    if not dest.startswith("/"):
        folder = dest.endswith("/") or dest in (".", "./")
        dest = posixpath.normpath(posixpath.join(workdir, dest)) + ("/" if folder else "")
    return Copy(sources=tuple(paths[:-1]), dest=dest)


def parse_dockerfile(path: str, text: str) -> Dockerfile:
    stages: dict[str, _Stage] = {}
    stage = _Stage()
    runs: list[RunStep] = []
    for logical in _logical_lines(text):
        match = _INSTRUCTION.match(logical.text)
        if not match:
            continue
        keyword, arguments = match.group(1).upper(), match.group(2)
        if keyword == "FROM":
            words = [w for w in arguments.split() if not w.startswith("--")]
            earlier = stages.get(words[0].lower()) if words else None
            if earlier is not None:
                stage = earlier.inherit()
            else:
                image = words[0] if words else ""
                stage = _Stage(base=image, base_is_argument="$" in image)
            if len(words) >= 3 and words[-2].upper() == "AS":
                stages[words[-1].lower()] = stage
        elif keyword == "ENV":
            stage.env.extend(_env(path, logical, match.start(2), arguments))
        elif keyword == "ENTRYPOINT":
            # a new ENTRYPOINT resets an inherited CMD
            stage.entrypoint, stage.cmd, stage.cmd_reads = _words(arguments), (), ()
            stage.shell_form = not arguments.strip().startswith("[")
            stage.entrypoint_reads = _shell_reads(path, logical, match.start(2), arguments, stage.shell_form)
        elif keyword == "CMD":
            stage.cmd = _words(arguments)
            shell = not arguments.strip().startswith("[")
            stage.shell_form = stage.shell_form or shell
            stage.cmd_reads = _shell_reads(path, logical, match.start(2), arguments, shell)
        elif keyword == "WORKDIR":
            stage.workdir = posixpath.normpath(posixpath.join(stage.workdir, _unquote(arguments.strip())))
        elif keyword in ("COPY", "ADD"):
            copied = _copy(arguments, stage.workdir)
            if copied is not None:
                stage.copies.append(copied)
        elif keyword == "RUN":
            runs.append(
                RunStep(
                    arguments=arguments,
                    location=logical.location(path, match.start(2)),
                    workdir=stage.workdir,
                    copies=tuple(stage.copies),
                )
            )
    return Dockerfile(
        path=path,
        env=tuple(stage.env),
        command=stage.entrypoint + stage.cmd,
        copies=tuple(stage.copies),
        workdir=stage.workdir,
        base=stage.base,
        base_is_argument=stage.base_is_argument,
        shell_form=stage.shell_form,
        reads=stage.entrypoint_reads + stage.cmd_reads,
        stages=tuple(
            (name, named.entrypoint + named.cmd) for name, named in stages.items() if named.entrypoint + named.cmd
        ),
        stage_env=tuple(
            tuple(named.env)
            for named in stages.values()
            if named is not stage and named.entrypoint + named.cmd and named.env
        ),
        runs=tuple(runs),
    )


def _shell_reads(path: str, logical: _Logical, start: int, arguments: str, shell_form: bool) -> tuple[Read, ...]:
    """`/bin/sh -c` expands a shell-form command, and the script an exec form hands a shell
    (`["/bin/sh", "-c", "app --level=${LOG_LEVEL}"]`); any other exec form (`["x", "$Y"]`) expands nothing."""
    if not shell_form:
        script = _exec_form_script(arguments)
        if script is None:
            return ()
        at, text, exact = script
        # Offsets inside the script are exact unless JSON escapes changed its length: then its start.
        return scan(text, lambda offset: logical.location(path, start + at + (offset if exact else 0))).reads
    return scan(arguments, lambda offset: logical.location(path, start + offset)).reads


_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_COMMAND_FLAG = re.compile(r"-[A-Za-z]*c[A-Za-z]*")  # -c, -ec, -xc, -lc: the next word is the script


def _exec_form_script(arguments: str) -> tuple[int, str, bool] | None:
    """(offset in ``arguments``, text, whether the text is the JSON string's source unchanged) of the
    script in `["<shell>", <options>, "-c", "<script>", ...]`, else None. Only options may come before
    `-c`: after a script's path it is that script's argument."""
    words = [(m.start(1), m.group(1)) for m in _JSON_STRING.finditer(arguments)]
    if len(words) < 3 or posixpath.basename(words[0][1]) not in shellwords.SHELLS:
        return None
    for i in range(1, len(words) - 1):
        flag = words[i][1]
        if _COMMAND_FLAG.fullmatch(flag):
            at, raw = words[i + 1]
            try:
                text = json.loads(f'"{raw}"')
            except ValueError:
                return None
            return at, text, text == raw
        if not flag.startswith(("-", "+")) and words[i - 1][1] not in ("-o", "+o"):
            return None  # a script's path (or an option's value other than `-o`'s): no `-c` of the shell
    return None
