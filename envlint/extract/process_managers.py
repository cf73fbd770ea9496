"""Launchers written for a process manager: systemd units and Procfiles.

A systemd service (`*.service`) starts `ExecStart=` with a clean environment: only its `Environment=`
lines (several `K=V` words, quoted or not) and `PassEnvironment=` names (the manager's values) reach
it. An `EnvironmentFile=` lives on the machine (`/etc/default/app`), so the site is open: names envlint
cannot see may reach the program.

A Procfile (`web: gunicorn app.wsgi`, Heroku, foreman, honcho) starts each process type with the
platform's config vars, which the repository does not hold: its sites are open, and say what they run.

The program is the command's first word, by name (an installed binary or console script) or, for
Python, the script or module it runs.
"""

from __future__ import annotations

import posixpath
import re

from .. import shellwords
from ..model import EnvSet, FileFacts, LaunchSite, Location, TargetRef

_PYTHON = re.compile(r"^python[\d.]*$")
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_KEY = re.compile(r"^\s*([A-Za-z]+)\s*=\s*(.*)$")
_PROCESS = re.compile(r"^([A-Za-z0-9_-]+):\s*(.+)$")


def _words(text: str) -> list[str]:
    try:
        return shellwords.split(text)
    except ValueError:
        return text.split()


def command_targets(command: str, location: Location) -> tuple[TargetRef, ...]:
    """What a command line runs: `python x.py` / `python -m pkg` / a program by its name."""
    words = _words(command)
    while words and re.fullmatch(r"[A-Za-z_]\w*=.*", words[0]):
        words = words[1:]  # `A=1 prog`: the assignments are the site's sets, the program follows
    if not words or "$" in words[0]:
        return ()
    program = posixpath.basename(words[0].lstrip("-@:+!"))
    if _PYTHON.match(program):
        rest = [w for w in words[1:] if not w.startswith("-") or w == "-m"]
        if len(rest) >= 2 and rest[0] == "-m":
            return (TargetRef(kind="python-module", value=rest[1], location=location, via="command"),)
        if rest and rest[0].endswith(".py"):
            return (TargetRef(kind="python-script", value=rest[0], location=location, via="command"),)
        return ()
    return (TargetRef(kind="program", value=program, location=location, via="command"),)


def extract_systemd_unit(path: str, data: bytes) -> list[FileFacts]:
    text = data.decode("utf-8", errors="replace")
    section, sets, command, start, opened = "", [], "", None, []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _SECTION.match(line)
        if header:
            section = header.group(1).strip()
            continue
        match = _KEY.match(line)
        if section != "Service" or not match or line.lstrip().startswith(("#", ";")):
            continue
        key, value = match.group(1), match.group(2).strip()
        column = line.index(value) + 1 if value else 1
        if key == "Environment":
            for word in _words(value):
                name, eq, literal = word.partition("=")
                if eq and re.fullmatch(r"[A-Za-z_]\w*", name):
                    at = line.find(name + "=", column - 1) + 1 or column
                    sets.append(
                        EnvSet(name=name, location=Location(path, number, at), value=literal, via="systemd Environment")
                    )
        elif key == "PassEnvironment":
            sets.extend(EnvSet(name=name, location=Location(path, number, column), value=None, passthrough=True,
                               via="systemd PassEnvironment") for name in value.split())
        elif key == "EnvironmentFile" and value:
            opened.append(f"EnvironmentFile {value.lstrip('-')} is on the machine, not in the repository")
        elif key == "ExecStart" and value and not command:
            command, start = value, Location(path, number, column)
    if start is None:
        return [FileFacts(path=path, language="config")]
    name = posixpath.basename(path).rsplit(".", 1)[0]
    site = LaunchSite(
        location=start,
        kind="exec",
        language="config",
        function=f"systemd unit {name}",
        targets=command_targets(command, start),
        sets=tuple(sets),
        inherits=False,
        env_text="systemd: only Environment= and PassEnvironment= reach it",
        open_reason="; ".join(opened),
        command=command,
    )
    return [FileFacts(path=path, language="config", launch_sites=(site,))]


def extract_procfile(path: str, data: bytes) -> list[FileFacts]:
    sites = []
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        match = _PROCESS.match(line)
        if not match or line.startswith("#"):
            continue
        location = Location(path, number, 1)
        command = match.group(2).strip()
        sets = []
        for word in _words(command):  # `web: DEBUG=0 gunicorn app.wsgi`: the leading assignments
            if not re.fullmatch(r"[A-Za-z_]\w*=.*", word):
                break
            name, _, value = word.partition("=")
            sets.append(EnvSet(name=name, location=location, value=value, via="Procfile command"))
        sites.append(
            LaunchSite(
                location=location,
                kind="exec",
                language="config",
                function=f"Procfile process {match.group(1)}",
                targets=command_targets(command, location),
                sets=tuple(sets),
                inherits=False,
                env_text="Procfile: the platform's config vars",
                open_reason="a Procfile's processes get the platform's config vars, which the repository does not hold",
                command=command,
            )
        )
    return [FileFacts(path=path, language="config", launch_sites=tuple(sites))]


_SUPERVISOR_PAIR = re.compile(r"""\s*([A-Za-z_]\w*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]*)\s*(?:,|$)""")


def is_supervisor_config(data: bytes) -> bool:
    return b"[program:" in data


def extract_supervisor_config(path: str, data: bytes) -> list[FileFacts]:
    """supervisord's `[program:x]` sections: `command=` with `environment=KEY="v",OTHER=w`. The program
    gets supervisord's own environment too, so the site inherits (from whatever starts supervisord)."""
    sites, program, command, start, sets = [], None, "", None, []

    def close() -> None:
        if program is not None and start is not None:
            sites.append(
                LaunchSite(
                    location=start,
                    kind="exec",
                    language="config",
                    function=f"supervisord program {program}",
                    targets=command_targets(command, start),
                    sets=tuple(sets),
                    inherits=True,
                    env_text="supervisord: its own environment and environment=",
                    command=command,
                )
            )

    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        header = _SECTION.match(line)
        if header:
            close()
            name = header.group(1).strip()
            program = name.split(":", 1)[1] if name.startswith("program:") else None
            command, start, sets = "", None, []
            continue
        match = _KEY.match(line)
        if program is None or not match or line.lstrip().startswith((";", "#")):
            continue
        key, value = match.group(1), match.group(2).strip()
        column = line.index(value) + 1 if value else 1
        if key == "command":
            command, start = value, Location(path, number, column)
        elif key == "environment":
            for pair in _SUPERVISOR_PAIR.finditer(value):
                if not pair.group(1):
                    continue
                at = line.find(pair.group(1) + "=", column - 1) + 1 or column
                sets.append(
                    EnvSet(
                        name=pair.group(1),
                        location=Location(path, number, at),
                        value=pair.group(2).strip("\"'"),
                        via="supervisord environment",
                    )
                )
    close()
    return [FileFacts(path=path, language="config", launch_sites=tuple(sites))] if sites else []
