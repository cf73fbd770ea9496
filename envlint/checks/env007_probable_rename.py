"""## What it does
Reports a launch site that sets a variable the program never reads while the program reads a variable
the site leaves unset, when the two are the same name spelled differently: a typo in one word
(`DATBASE_URL`), a separator (`LOGLEVEL` for `LOG_LEVEL`), a plural (`ALLOWED_HOST`), a leading or
trailing word dropped or added (`DB_HOST` for `APP_DB_HOST`), a documented abbreviation or synonym
(`DB`/`DATABASE`, `ADDR`/`ADDRESS`/`HOST`/`URL`/`ENDPOINT`, `SECS`/`SECONDS`, `PASS`/`PASSWORD`).

A Dockerfile's own `ENV` is checked the same way against the program its image runs. A bare word that
spells several read names (`ENABLED` for `REGISTER_ENABLED` and `SANDBOX_ENABLED`) is paired when the
set's value is the default of only one of them, or is a switch where the other's default is none, or
when the names set around it begin with the word of only one. A read name the site sets only in the
other branch of the set's condition (a Helm `if`/`else`) is unset where the set is.

## Why is this bad?
This is the shape of almost every real contract regression: one side of a rename, or a typo, reaches
only the launcher, and the program silently runs on its default. Both halves are evidence (the set
that nothing reads and the read that nothing sets), so the rule reports it even where the program's
read set is otherwise incomplete.

## Example
```yaml
# compose.yaml
services:
  api:
    environment:
      DATABSE_URL: postgres://db/app
```
```python
DATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///local.db")
```

## What it does not report
- A pairing that is not one to one: when a set name could be several read names (or the other way
  round), and neither the set's value nor its neighbours tell which, nothing is reported.
- Names that merely share a word (`SERVER_URL` and `SERVER_OTEL_COLLECTOR_URL`, `DB_HOST` and
  `DB_PORT`, `HTTP_PORT` and `HTTPS_PORT`).
- A site whose environment may hold names envlint cannot see (an `envFrom` outside the repository).
- A name a library family covers (`OTEL_*` for OpenTelemetry, `SENTRY_*` for sentry_sdk) or the program
  reads by prefix, unless it is a typo or a plural of a name the program reads itself: other spellings
  may be the library's own names.
- A read name the site sets (outside the other branch of the set's condition), variables the language
  runtime reads, and names the program sets in its own process.

## Fix
Rename the variable at the launch site to the name the program reads (or the read to the name the
launchers set, if that is the intended name).
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding, Read, Related, Service
from .context import Context
from .rename_pairs import probable_renames
from .image_renames import image_env_renames

CODE = "ENV007"
NAME = "probable-rename"
SEVERITY = "error"
ENABLED_BY_DEFAULT = True

_KINDS = {"typo": "a typo", "separator": "a separator", "plural": "a plural", "prefix": "a leading word",
          "suffix": "a trailing word", "abbreviation": "an abbreviation"}


def check(ctx: Context) -> Iterator[Finding]:
    yield from _image_env(ctx)
    for site, service in ctx.linked():
        pairs = probable_renames(ctx, site, service)
        if not pairs:
            continue
        # The pairs are drawn from the site's reads, which add the reads of the scripts its command runs
        # (command_scripts.py) to the service's: a name only such a script reads is found there.
        reads = {**ctx.site_reads(site, service), **_reads_and_weak_reads(ctx, service)}
        for item in site.sets:
            if item.name not in pairs:
                continue
            read_name, kind = pairs.pop(item.name)
            read = reads[read_name][0]
            # the read name may be set in the other branch of this set's `if`: never together with it
            when = ctx.env(site).conditional.get(read_name)
            if when:
                unset = f"this site sets {read_name} only when {when}"
            elif any(s.name == read_name for s in site.sets):
                unset = f"this site does not set {read_name} in this branch"
            else:
                unset = f"this site does not set {read_name}"
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=f"{item.name} is set here, but {service.name} reads {read_name}",
                location=item.location,
                variable=read_name,
                service=service.name,
                related=(
                    Related(location=read.location, note=f"{read_name} is read here ({read.form}, {service.name})"),
                    Related(location=site.location, note=f"launch site: {site.label}"),
                ),
                site=site.id,
                help=_help(item.name, read_name, unset, kind),
            )


def _image_env(ctx: Context) -> Iterator[Finding]:
    """A Dockerfile's own ENV is a launch of the program its image runs (image_renames.py)."""
    for service in sorted(ctx.services.values(), key=lambda s: s.name):
        reads = _reads_and_weak_reads(ctx, service)
        for entry, read_name, kind in image_env_renames(ctx, service):
            read = reads[read_name][0]
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=f"{entry.name} is set here, but {service.name} reads {read_name}",
                location=entry.location,
                variable=read_name,
                service=service.name,
                related=(
                    Related(location=read.location, note=f"{read_name} is read here ({read.form}, {service.name})"),
                ),
                help=_help(entry.name, read_name, f"this image does not set {read_name}", kind),
            )


def _reads_and_weak_reads(ctx: Context, service: Service) -> dict[str, tuple[Read, ...]]:
    """The reads by name, with a weak read (a mounted configuration's) for a name read nowhere else:
    the read a finding points at. A copy: the table reads_by_name gives is every rule's."""
    reads = dict(ctx.reads_by_name(service))
    for weak in service.weak_reads:
        if weak.name and weak.name not in reads:
            reads[weak.name] = (weak,)
    return reads


def _help(set_name: str, read_name: str, unset: str, kind: str) -> str:
    return f"the same name but for {_KINDS[kind]}, and {unset}; rename {set_name} to {read_name}"
