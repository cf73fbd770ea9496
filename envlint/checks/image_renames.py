"""Probable renames in a Dockerfile's own `ENV`: the image sets X for the program it runs, the program
never reads X and reads Y, which the Dockerfile does not set, where X and Y are one name spelled
differently (`ENV CQLSHHOST=cassandra` for a script that reads `${CQLSH_HOST:-...}`).

The Dockerfile is a launch site of its own kind: every container of the image starts with its ENV,
whatever runs it, so a misspelling there reaches every launch. Only the pairing is judged (as ENV007
does at any site): what the ENV leaves out, the runners may give.
"""

from __future__ import annotations

from ..model import EnvSet, Location, Service
from ..renames import best_rename
from .context import Context
from .rename_pairs import FAMILY_KINDS


def image_env_renames(ctx: Context, service: Service) -> list[tuple[EnvSet, str, str]]:
    """(the ENV entry, the name the program reads, the kind of misspelling), paired one to one within
    each image: the final stage's, and each other target stage's (a `release` before a `debug`)."""
    out: dict[Location, tuple[EnvSet, str, str]] = {}
    for group in (service.image_env,) + service.stage_env:
        for found in _pairs(ctx, service, [e for e in group if e.name]):
            out.setdefault(found[0].location, found)
    return [out[k] for k in sorted(out)]


def _pairs(ctx: Context, service: Service, image: list[EnvSet]) -> list[tuple[EnvSet, str, str]]:
    if not image:
        return []
    read_names, _ = ctx.passed_on(service)
    skip = ctx.runtime(service) | ctx.own_sets(service)
    given = {e.name for e in image}
    unread = sorted({e.name for e in image if e.name not in read_names and e.name not in skip})
    by_family = {n for n in unread if ctx.read_by_library(service, n) or ctx.in_family(service, n)}
    weak = {r.name for r in service.weak_reads if r.name}
    unset = sorted(n for n in set(ctx.primary_reads(service)) | weak if n not in skip and n not in given)
    out = []
    for entry in image:
        name = entry.name
        if name not in unread:
            continue
        match = best_rename(name, unset)
        if not match or (name in by_family and match[1] not in FAMILY_KINDS):
            continue
        if (back := best_rename(match[0], unread)) and back[0] == name:
            out.append((entry, match[0], match[1]))
    return out
