"""## What it does
Reports a service started in a container (`docker run`, a compose service, a Kubernetes container) that
reads a variable whose default points at `localhost`, `127.0.0.1` or `[::1]`, when the launch site does
not set that variable. With host networking only under a condition, the help says under which
condition localhost still works.

## Why is this bad?
Inside a container, localhost is the container itself. The default that works on a developer's
machine makes every connection fail in the container ("All connection attempts failed"), and nothing
fails before run time.

## Example
```go
exec.Command("docker", "run", "--rm", "ghcr.io/acme/agent-runner:latest")
```
```python
base_url = os.getenv("OLLAMA_BASE_URL", "http://localhost:11434")
```

## What it does not report
Defaults that mention localhost without the container connecting to it:
- listen addresses: `0.0.0.0`, `::`, `[::]` mean every interface, which is right in a container;
- e-mail addresses such as `root@localhost`;
- URLs a browser uses, recognised by the variable's name: redirect and callback URIs, CORS and allowed
  origins, a public, external, site or frontend base URL (name parts `REDIRECT`, `CALLBACK`, `ORIGIN`,
  `ORIGINS`, `CORS`, `PUBLIC`, `EXTERNAL`, `BROWSER`, `SITE_URL`, `FRONTEND_URL`). There localhost is
  the user's machine;
- a value read only when another variable turns its feature on (`if os.environ["ENABLE_TRACING"] ==
  "1": addr = os.getenv("COLLECTOR_ADDR", "localhost:4317")`), at a site that does not always set that
  variable: the default is never used there.

Nor sites where localhost is right or the variable may be given:
- a container with host networking on every path (`--network host`, `network_mode: host`): localhost
  is the host there;
- a launch that starts no container (a subprocess, an `exec.Cmd`, a script): localhost is the machine
  the launcher runs on;
- a site whose environment may hold names envlint cannot see (an env file or `envFrom` source outside
  the repository), a site that sets the variable or a fallback read in its place on every path, and a
  variable the program sets in its own process;
- a read behind a guard the site's literal values make false, or in a settings module its
  `DJANGO_SETTINGS_MODULE` does not choose.

## Fix
Set the variable at the launch site to an address the container can reach
(`-e OLLAMA_BASE_URL=http://host.docker.internal:11434`), or run the container with `--network host`.
"""

from __future__ import annotations

from typing import Iterator

from ..describe import quote
from ..model import Finding
from ..redact import redact
from .context import Context
from .related import dynamic_related, read_condition, read_related
from .evidence import browser_facing, points_at_localhost

CODE = "ENV004"
NAME = "container-localhost-default"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def check(ctx: Context) -> Iterator[Finding]:
    for site, service in ctx.linked():
        if not site.container or site.network_host == "always":
            continue
        env = ctx.env(site)
        if env.open:
            continue
        by_name = ctx.reads_by_name(service)
        for name in ctx.primary_reads(service):
            # The localhost default may sit at the end of a fallback chain (`os.getenv("A") or
            # os.getenv("B", "http://localhost")`, envconfig's bare tag): the chain is one read.
            chain = [r for n in sorted(ctx.alternatives(service, name)) for r in by_name.get(n, [])]
            local = ctx.reached(site, service, name, [r for r in chain if any(points_at_localhost(v) for v in r.default.values)])
            if not local or ctx.provided(service, name, env, always=True) or name in ctx.own_sets(service):
                continue
            if browser_facing(name):
                continue
            value = next(v for v in local[0].default.values if points_at_localhost(v))
            when = next((env.conditional[n] for n in sorted(ctx.alternatives(service, name)) if n in env.conditional), None)
            sets = f"sets only when {when}" if when else "does not set"
            message = (f"{service.name} reads {name}{read_condition(local)} with the default {quote(redact(name, value))}, "
                       f"which this launch site {sets}")
            help = "inside the container localhost is the container itself"
            if site.network_host == "conditional":
                help += f"; localhost works only when {site.network_condition} (host networking)"
            help += f"; set {name} here to an address the container can reach"
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=message,
                location=site.location,
                variable=name,
                service=service.name,
                related=tuple(read_related(local, service) + dynamic_related(site)),
                site=site.id,
                help=help,
            )
