"""## What it does
Reports a variable that a launch site sets when the service it starts never reads it: not in its own
code, not in the repository modules it imports, and not in a program it starts with its own
environment. When the service reads a variable with a close name that the same site leaves unset, the
help asks "did you mean ...?".

Variables that a language runtime or the platform reads (`PYTHONUNBUFFERED`, `GOMAXPROCS`, `TZ`,
`HTTP_PROXY`, ...) count as read by every service of that language; `envlint rules ENV002` prints the
table, and `runtime-variables` in the configuration extends it. Variables that a library the service
imports reads by itself (`AWS_*` for boto3 or the AWS SDK for Go, `SENTRY_*`, `OTEL_*`, `DD_*`, `PG*`
for PostgreSQL drivers, ...) count as read too; the table is printed below.

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

## What it does not report
- A site whose service (or a program it starts with its own environment, or a script its command runs)
  reads names envlint cannot resolve, has a read set envlint knows to be incomplete (a program in a
  base image, a loop over the whole environment), or hands its environment to a program envlint does
  not know: no one can say a name it receives is unused.
- A name of a family the service reads by prefix (it iterates the environment for `APP_*`) or that a
  program outside the repository it starts reads (`git` reads `GIT_*`), and a name a library it
  imports reads by itself (the table below).
- A name from an env file or ConfigMap that launch sites of several services share: it may be meant for
  another of them.
- A name of a CI workflow's or job's `env:` (it serves every step), and a name the launching command
  expands itself (`run: prog "$BUMP"`).
- A set that ENV007 pairs with a read of the same name spelled differently: ENV007 reports it.
- A set whose name envlint cannot resolve (ENV005's, when selected), and a second set of one name at one
  site.

## Fix
Rename the variable at the launch site to the name the program reads, or remove the set.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding, Related
from ..renames import rename_kind
from .context import Context
from .rename_pairs import probable_renames

CODE = "ENV002"
NAME = "set-never-read"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def did_you_mean(name: str, candidates: list[str]) -> list[str]:
    """The candidates that are ``name`` spelled differently (envlint.renames): a single one is ENV007's
    finding; several are offered here as a hint."""
    return [c for c in sorted(set(candidates)) if rename_kind(name, c)]


def check(ctx: Context) -> Iterator[Finding]:
    shared = ctx.shared_files
    for site in ctx.graph.sites:
        services = [ctx.services[l.service] for l in ctx.links_by_site.get(site.id, []) if l.service in ctx.services]
        if not services:
            continue
        passed = [ctx.passed_on(s) for s in services]
        if any(unknown for _, unknown in passed):
            continue
        # A name read only by another sub-command of the binary (`app work` at a site that runs `app
        # serve`) is not read by the program this site starts.
        other_commands = frozenset().union(*(ctx.other_commands_only(site, s) for s in services))
        read_anywhere = frozenset().union(*(names for names, _ in passed))
        # the scripts the site's command runs read at this site too (command_scripts.py)
        read_anywhere |= frozenset(n for s in services for n in ctx.site_reads(site, s))
        read_anywhere -= other_commands
        if any(ctx.site_scripts_dynamic(site, s) for s in services):
            continue
        env = ctx.env(site)
        seen: set[str] = set()
        # a set that ENV007 pairs with a read of the same name spelled differently is reported there
        renamed = {name for s in services for name in probable_renames(ctx, site, s)}
        for item in site.sets:
            if (item.name is None or item.name in read_anywhere or item.name in seen or item.location.path in shared
                    or item.name in renamed or item.for_others):
                continue
            if any(ctx.read_by_library(s, item.name) or ctx.in_family(s, item.name) for s in services):
                continue
            seen.add(item.name)
            unset = sorted({n for s in services for n in ctx.reads_by_name(s) if n not in env.names})
            guesses = did_you_mean(item.name, unset)
            related = [Related(location=site.location, note=f"launch site: {site.label}")]
            # The sub-command the site runs, as the guards name it (`serve` in `/app serve`).
            command = sorted(ctx.sub_command(site, services[0]) or ()) if other_commands else []
            program = " ".join([services[0].name, *command])
            message = f"{item.name} is set here, but {program} never reads it"
            if guesses:
                help = (f"did you mean {' or '.join(guesses)}? rename {item.name} to the name "
                        f"{services[0].name} reads, or remove it")
            elif item.name in other_commands:
                help = (f"only another sub-command of {services[0].name} reads it, and this site runs {program}; "
                        f"remove it, or run the sub-command that reads it")
            else:
                help = (f"{program} does not read it in its own code, the repository modules it imports or "
                        f"the programs it starts; remove it, or correct it to the name {program} reads")
            for guess in guesses:
                read = ctx.reads_by_name(next(s for s in services if guess in ctx.reads_by_name(s)))[guess][0]
                related.append(Related(location=read.location, note=f"{guess} is read here and not set by this site"))
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=message,
                location=item.location,
                variable=item.name,
                service=services[0].name,
                related=tuple(related),
                site=site.id,
                help=help,
            )
