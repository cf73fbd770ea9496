"""Names given to a struct field that says env in composite literals: `{Name: "db.host", EnvKey:
"POSTGRESQL_HOST", DefaultValue: "postgresql"}`. A program that reads `os.LookupEnv(item.EnvKey)` over
such a table reads each of them; the join happens per program (envlint/graph/fieldreads.py), where the read
and the table meet. Only upper-case names of a field spelled with `Env` (`Env`, `EnvKey`, `EnvVar`,
`EnvName`) are taken: a table of settings keyed by their environment names.
"""

from __future__ import annotations

import re

from ...model import Location

_KEYED = re.compile(rb'(?<![\w."])([A-Z]\w*Env\w*|Env\w*)\s*:\s*"([A-Z][A-Z0-9_]*)"')
# What every match of _KEYED holds, from its `Env`: a pattern that starts with a literal is searched by
# a fast scan, where _KEYED tries each capital letter of the file.
_HINT = re.compile(rb'Env\w*\s*:\s*"[A-Z]')


def env_field_literals(path: str, data: bytes) -> tuple[tuple[str, str, Location], ...]:
    if b"Env" not in data or _HINT.search(data) is None:
        return ()
    out = []
    for match in _KEYED.finditer(data):
        start = data.rfind(b"\n", 0, match.start()) + 1
        if data[start:match.start()].lstrip().startswith(b"//"):
            continue
        line = data.count(b"\n", 0, match.start(2)) + 1
        column = len(data[start:match.start(2)].decode("utf-8", "replace")) + 1
        out.append((match.group(1).decode(), match.group(2).decode(), Location(path, line, column)))
    return tuple(out)
