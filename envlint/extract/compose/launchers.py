"""Names a repository's Makefile gives the compose file it runs. A compose file that is only ever run
through `make` (`$(ENV) docker compose -f docker-compose-dev.yml up`, with `ENV := DB=$(DB)
BROKER=$(BROKER)`) gets its interpolated names from the Makefile, not from the user's shell: `${BROKER}`
there is not empty when unset on the host, because make always sets it. A Makefile counts when it names
the compose file and says `docker compose`/`docker-compose`; its names are those it writes as `NAME=`.
"""

from __future__ import annotations

import posixpath
import re

MAKEFILES = ("Makefile", "makefile", "GNUmakefile")
_COMPOSE_RUN = re.compile(r"\bdocker[ -]compose\b")
_ASSIGNED = re.compile(r"(?:^|[\s;(])(?:export[ \t]+)?([A-Z_][A-Z0-9_]*)[ \t]*(?::=|\?=|\+=|=)", re.MULTILINE)


def is_makefile(path: str) -> bool:
    name = posixpath.basename(path)
    return name in MAKEFILES or name.endswith(".mk")


def given_by_makefiles(compose_path: str, contents: dict[str, bytes]) -> frozenset[str]:
    name = posixpath.basename(compose_path)
    out: set[str] = set()
    for path, data in contents.items():
        if not is_makefile(path):
            continue
        text = data.decode("utf-8", errors="replace")
        if name in text and _COMPOSE_RUN.search(text):
            out.update(m.group(1) for m in _ASSIGNED.finditer(text))
    return frozenset(out)
