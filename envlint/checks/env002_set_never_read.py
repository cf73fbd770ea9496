"""## What it does
Reports a variable that a launch site sets when the service it starts never reads it: not in its own
code, not in the repository modules it imports, and not in a program it starts with its own
environment. When the service reads a variable with a close name that the same site leaves unset, the
message asks "did you mean ...?".

Variables that a language runtime or the platform reads (`PYTHONUNBUFFERED`, `GOMAXPROCS`, `TZ`,
`HTTP_PROXY`, ...) count as read by every service of that language; `envlint rules ENV002` prints the
table, and `runtime-variables` in the configuration extends it. Variables that a library the service
imports reads by itself (`AWS_*` for boto3 or the AWS SDK for Go, `SENTRY_*`, `OTEL_*`, `DD_*`, `PG*`
for PostgreSQL drivers, ...) count as read too; the table is printed below. A service that reads names envlint
cannot resolve, or hands its environment to a program envlint does not know, is never reported; nor is
a name from an env file or ConfigMap that launch sites of several services share.

## Why is this bad?
A set that nobody reads is most often a misspelling or a rename that reached only one side: the
launcher sets `LLM_BASE_URL`, the program reads `OLLAMA_BASE_URL`, and the program quietly runs on its
default.

## Example
```yaml
# the launcher
docker run -e QUEUE_NAME=jobs ghcr.io/acme/worker
```
```python
queue = os.getenv("WORKER_QUEUE_NAME", "default")
```

## Fix
Rename the variable at the launch site to the name the program reads, or remove the set.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..model import Finding, Related
from .context import Context

CODE = "ENV002"
NAME = "set-never-read"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def _parts(name: str) -> set[str]:
    return {p for p in name.upper().split("_") if len(p) >= 2}


def did_you_mean(name: str, candidates: list[str]) -> str | None:
    """The closest candidate by shared name parts, then by edit similarity; None when none is close."""
    best: tuple[int, float, str] | None = None
    for candidate in candidates:
        shared = len(_parts(name) & _parts(candidate))
        ratio = difflib.SequenceMatcher(None, name.upper(), candidate.upper()).ratio()
        if shared >= 2 or ratio >= 0.8 or (shared == 1 and ratio >= 0.7):
            key = (shared, ratio, candidate)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _shared_files(ctx: Context) -> frozenset[str]:
    """Files of sets (env files, ConfigMaps) that sites of two or more services use: a name there may be
    meant for another of them, so it is not reported as unread by one."""
    users: dict[str, set[str]] = {}
    for site in ctx.graph.sites:
        for item in site.sets:
            if item.location.path != site.location.path:
                users.setdefault(item.location.path, set()).update(l.service for l in ctx.links_by_site.get(site.id, []))
    return frozenset(path for path, services in users.items() if len(services) > 1)


def check(ctx: Context) -> Iterator[Finding]:
    shared = _shared_files(ctx)
    for site in ctx.graph.sites:
        services = [ctx.services[l.service] for l in ctx.links_by_site.get(site.id, []) if l.service in ctx.services]
        if not services:
            continue
        passed = [ctx.passed_on(s) for s in services]
        if any(unknown for _, unknown in passed):
            continue
        read_anywhere = frozenset().union(*(names for names, _ in passed))
        env = ctx.env(site)
        seen: set[str] = set()
        for item in site.sets:
            if item.name is None or item.name in read_anywhere or item.name in seen or item.location.path in shared:
                continue
            if any(ctx.read_by_library(s, item.name) for s in services):
                continue
            seen.add(item.name)
            unset = sorted({n for s in services for n in ctx.reads_by_name(s) if n not in env.names})
            guess = did_you_mean(item.name, unset)
            related = [Related(site.location, f"launch site: {site.label}")]
            message = f"{item.name} is set here, but {services[0].name} never reads it"
            if guess:
                read = ctx.reads_by_name(next(s for s in services if guess in ctx.reads_by_name(s)))[guess][0]
                message += f"; did you mean {guess}?"
                related.append(Related(read.location, f"{guess} is read here and not set by this site"))
            yield Finding(CODE, NAME, SEVERITY, message, item.location, item.name, services[0].name,
                          tuple(related), site.id)
