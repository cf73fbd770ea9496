"""## What it does
Reports a launch site that starts a service which *requires* a variable, when the site neither sets
the variable nor passes on an environment that holds it.

A read is required when the program fails without the variable: `os.environ["X"]` in Python, or a read
whose emptiness leads straight to a failure (`if v == "" { log.Fatal(...) }`, `return fmt.Errorf(...)`,
`if not x: raise ...`). A site that sets the variable only under a condition is reported too, with the
condition.

## Why is this bad?
The program starts and dies at once, or at the first request that needs the value. Nothing fails at
build or test time, because each program is correct on its own: only this launch site is wrong.

## Example
```go
// cmd/supervisor/main.go
cmd := exec.Command("docker", "run", "--rm", "ghcr.io/acme/worker:latest")
```
```python
# services/worker/worker/main.py
QUEUE = os.environ["WORKER_QUEUE"]  # KeyError in the container
```

## What it does not report
- A read with a default or one the program does without (`os.getenv("X")`): it is not required (ENV003,
  ENV004 and ENV006 look at those).
- Variables the language runtime or the platform provides, and names the program sets in its own
  process (`os.environ.setdefault("X", ...)`).
- A site whose environment may hold names envlint cannot see: it inherits the environment of a program
  started from outside the repository (or of one envlint does not know), or takes an env file or
  `envFrom` source that is not in the repository.
- A name the site gives through a fallback the program reads in its place (`os.getenv("A") or
  os.environ["B"]` where the site sets A), and a name read only as such a fallback.
- A requirement reached only under a test of another variable (`if os.Getenv("ENABLE_TRACING") == "1"`
  around the read, or around every call of its function) at a site whose literal values make that
  test false, an unset variable being "", and one whose condition waits for another variable of the
  program to turn its feature on (`if settings.ENABLE_TRACING:`) at a site that does not always set it.
- A read in a settings module that the site's `DJANGO_SETTINGS_MODULE` does not choose (a sibling
  `settings/dev.py` at a site that runs `settings.prod`).
- A site that starts no program of the repository.

A finding whose link to the program is a guess, or whose launcher stands in a function nothing in the
repository calls, is reported as a warning, not an error.

## Fix
Set the variable at the launch site (`"-e", "WORKER_QUEUE=jobs"`), or give the read a default if the
program can run without it.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding
from .context import Context
from .related import dynamic_related, missing_reason, read_condition, read_related, set_related

CODE = "ENV001"
NAME = "read-never-set"
SEVERITY = "error"
ENABLED_BY_DEFAULT = True


def check(ctx: Context) -> Iterator[Finding]:
    for site, service in ctx.linked():
        env = ctx.env(site)
        if env.open:
            continue
        skip = ctx.runtime(service) | ctx.own_sets(service)
        for name, reads in ctx.site_reads(site, service).items():
            # A requirement behind a guard this site's values make false (`if os.Getenv("ENABLE_TRACING")
            # == "1"` where ENABLE_TRACING is unset) is not one here.
            required = ctx.reached(site, service, name, [r for r in reads if r.required])
            if not required or name in skip or ctx.provided(service, name, env, always=True):
                continue
            others = [s for s in ctx.sites_by_service.get(service.name, [])
                      if s.id != site.id and name in ctx.env(s).names]
            also = f"; {others[0].label} sets it" if others else ""
            if name in env.conditional:
                what = f"which this launch site sets only when {env.conditional[name]}"
                why = f"when that condition does not hold, {service.name} starts without {name}"
                fix = f"set {name} on every path or give the read a default"
            else:
                what, why = "which this launch site does not set", missing_reason(site)
                fix = f"set {name} here or give the read a default"
            condition = read_condition(required)
            requirement = "conditional" if condition or name in env.conditional else "unconditional"
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=f"{service.name} requires {name}{condition}, {what}",
                location=site.location,
                variable=name,
                service=service.name,
                related=tuple(
                    read_related(required, service, "required read")
                    + set_related(ctx, others, name)
                    + dynamic_related(site)
                ),
                site=site.id,
                evidence=(("requirement", requirement),),
                help=f"{why}{also}; {fix}",
            )
