"""Renames in a Dockerfile's own `ENV`: the image sets a name its program never reads while the program
reads the same name spelled differently, which neither the image nor any launch site of it sets
(`ENV SESISON_FILE=/app/data/.session` for `os.environ.get("SESSION_FILE", ...)`). The image's author
wrote both ends, so the pair is evidence even where no launch site of the image is in the repository.
"""

from __future__ import annotations

from typing import Iterator

from ..model import EnvSet, Read, Service
from ..renames import best_rename
from .context import Context

def image_renames(ctx: Context, service: Service) -> Iterator[tuple[EnvSet, str, str, Read]]:
    """(the ENV entry, the read name, the kind, a read of it) for each one-to-one pair."""
    if not service.image_env:
        return
    read_names, _ = ctx.passed_on(service)
    skip = ctx.runtime(service) | ctx.own_sets(service)
    given = {e.name for e in service.image_env if e.name}
    at_sites = {n for site in ctx.sites_by_service.get(service.name, []) for n in ctx.env(site).names}
    unread = sorted(n for n in given if n not in read_names and n not in skip
                    and not ctx.read_by_library(service, n) and not ctx.in_family(service, n))
    reads = ctx.primary_reads(service)
    unset = sorted(n for n in reads if n not in skip and n not in given and n not in at_sites)
    for name in unread:
        match = best_rename(name, unset)
        if match and (back := best_rename(match[0], unread)) and back[0] == name:
            entry = next(e for e in service.image_env if e.name == name)
            yield entry, match[0], match[1], reads[match[0]][0]
