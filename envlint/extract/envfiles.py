"""env files (`.env`, `*.env`, `.env.*`): `K=V` lines, as docker compose and `docker run --env-file` read them.

`export K=V`, quotes, inline ` # comments` after unquoted values and blank or comment lines are
understood; a line without `=` names a variable whose value comes from the host (compose) or is
empty. Every entry keeps its location, so a finding can point into the file.
"""

from __future__ import annotations

import re

from ..model import EnvSet, Location

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def _value(raw: str) -> str:
    """The value as compose reads it: quoted up to the closing quote, else up to a ` #` comment."""
    raw = raw.strip()
    if raw[:1] in ("'", '"'):
        end = raw.find(raw[0], 1)
        if end > 0:
            return raw[1:end]
    comment = re.search(r"\s#", raw)
    return raw[: comment.start()].rstrip() if comment else raw


def parse_env_file(path: str, text: str, via: str = "") -> list[EnvSet]:
    sets = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        body = stripped
        if body.startswith("export "):
            body = body[len("export "):].lstrip()
            indent = line.index(body)
        name, eq, raw = body.partition("=")
        if not eq:
            name = re.split(r"\s#", name, maxsplit=1)[0]
        name = name.strip()
        if not _NAME.fullmatch(name):
            continue
        value = _value(raw) if eq else None
        sets.append(EnvSet(name=name, location=Location(path, number, indent + 1), value=value, passthrough=not eq,
                           via=via or f"env file {path}"))
    return sets
