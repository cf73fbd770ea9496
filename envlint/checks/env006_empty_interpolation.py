"""## What it does
Reports a variable that a compose file sets only to an interpolation without a default (`X: ${X}`,
`- X=$X`), when the service reads X with a default that an empty value defeats, or its image's
Dockerfile gives X a value. When X is unset on the host, compose passes `X=` (an empty string): the
variable is *set*, so `os.getenv("X", "d")`, `os.environ.get("X", "d")` and Go's `os.LookupEnv` do not
fall back to their default, and the image's `ENV X=...` is overridden.

## Why is this bad?
The default that works when the variable is absent silently turns into an empty string in the
container. The program fails on "" (an empty URL, port or path) far from the compose file that caused it.

## Example
```yaml
services:
  worker:
    image: ghcr.io/acme/worker
    environment:
      QUEUE_URL: ${QUEUE_URL}
```
```python
queue_url = os.getenv("QUEUE_URL", "amqp://rabbitmq:5672")
```

## What it does not report
- Reads whose default also replaces an empty value (`os.getenv("X") or "d"`, Go's
  `if v == "" { v = "d" }`), and empty-string defaults (`os.getenv("X", "")`: an empty value gives the
  same).
- Reads without a default where the image has no `ENV X`: there is no default to defeat.
- Interpolations with a default or a requirement (`${X:-d}`, `${X:?msg}`), values that hold more than
  the one reference (`http://${HOST}:8080`), and a name the site also sets in another way.
- Names that the `.env` beside the compose file gives a value or that its templates (`.env.example`,
  `.env.sample`, `.env.dist`, `.env-<variant>`) list for the user to set, and names that a Makefile
  which runs the compose file (it names the file and `docker compose`) writes as `NAME=`: make sets them
  on every run.
- A read behind a guard the site's literal values make false, one waiting for a feature switch the
  site never turns on, and one in a settings module its `DJANGO_SETTINGS_MODULE` does not choose.

## Fix
Give the interpolation the same default (`${QUEUE_URL:-amqp://rabbitmq:5672}`), make it required
(`${QUEUE_URL:?set QUEUE_URL}`), or drop the entry so that the program's default applies.
"""

from __future__ import annotations

from typing import Iterator

from ..describe import default_text, quote
from ..redact import redact
from ..model import Finding, Related
from .context import Context

CODE = "ENV006"
NAME = "empty-interpolation"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def check(ctx: Context) -> Iterator[Finding]:
    for site, service in ctx.linked():
        by_name: dict[str, list] = {}
        for item in site.sets:
            if item.name is not None:
                by_name.setdefault(item.name, []).append(item)
        image_env = {e.name: e for e in service.image_env if e.name} if site.container else {}
        reads = ctx.reads_by_name(service)
        for name, sets in sorted(by_name.items()):
            if not all(s.empty_if_unset for s in sets):
                continue
            # An empty-string default (`os.getenv("X", "")`) gets what an empty value gives: nothing is lost.
            defeated = [r for r in ctx.reached(site, service, name, reads.get(name, [])) if r.default.kind != "none" and not r.default.covers_empty
                        and not (r.default.kind == "literal" and all(v == "" for v in r.default.values))]
            if not defeated and name not in image_env:
                continue
            related = [Related(location=site.location, note=f"launch site: {site.label}")]
            if defeated:
                what = f"{service.name}'s default {default_text(defeated[0].default, name)}"
                related.append(
                    Related(
                        location=defeated[0].location,
                        note=f"read here with default {default_text(defeated[0].default, name)}"
                        f" ({defeated[0].form}, {service.name})",
                    )
                )
            else:
                what = f"the image's ENV {name}={quote(redact(name, image_env[name].value or ''))}"
            if name in image_env:
                related.append(Related(location=image_env[name].location, note=f"the image sets {name} here"))
            yield Finding(
                code=CODE, name=NAME, severity=SEVERITY,
                message=f"{name} is set here to an interpolation without a default, which can defeat {what}",
                location=sets[0].location, variable=name, service=service.name, related=tuple(related), site=site.id,
                help=f"when {name} is unset on the host, compose gives {service.name} an empty {name}, not an unset "
                     f"one; give the interpolation the same default (`${{{name}:-...}}`), make it required "
                     f"(`${{{name}:?...}}`), or drop the entry",
            )
