"""Which names a launch site sets and its program never reads are the names it reads, spelled otherwise:
the pairs ENV007 reports and ENV002 leaves to it."""

from __future__ import annotations

from ..model import EnvSet, LaunchSite, Read, Service
from ..renames import best_rename, rename_kind
from .context import Context
from .rename_evidence import narrow_by_neighbours, narrow_by_value, set_apart


def probable_renames(ctx: Context, site: LaunchSite, service: Service) -> dict[str, tuple[str, str]]:
    """Names the site sets that the service never reads, each paired with the name it reads and the site
    leaves unset that is the same name spelled differently: {set name: (read name, kind)}. Both halves
    are evidence, so the pairing holds even where the service may read names envlint cannot see.
    Computed once per (site, service): ENV007 reports the pairs and ENV002 leaves them to it."""
    key = (site.id, service.name)
    if key not in ctx.renames:
        ctx.renames[key] = _pair_renames(ctx, site, service)
    return dict(ctx.renames[key])


def _pair_renames(ctx: Context, site: LaunchSite, service: Service) -> dict[str, tuple[str, str]]:
    env = ctx.env(site)
    if env.open:
        return {}
    read_names, _ = ctx.passed_on(service)
    skip = ctx.runtime(service) | ctx.own_sets(service)
    candidates = {s.name for s in site.sets if s.name and s.name not in read_names and s.name not in skip}
    # A name a library's or the program's family may read (CELERY_*, OTEL_*, SETTING_*) is read only by a
    # glob, a guess: a typo or a plural of a name the program reads itself is still a misspelling
    # (OTEL_EXPROTER_OTLP_ENDPOINT), while other spellings (a separator, a word more) may be the library's
    # own names (PGHOST and PG_HOST).
    familiar = {n for n in candidates if ctx.read_by_library(service, n) or ctx.in_family(service, n)}
    unread = sorted(candidates)
    weak = {r.name for r in service.weak_reads if r.name}
    here = set(ctx.site_reads(site, service))
    unset = sorted(n for n in here | weak
                   if n not in skip and not ctx.provided(service, n, env) and n not in env.names)
    # A name that serves other programs too (a CI job's env) competes for a read only when it is the set
    # being paired: beside a name the site gives this program alone, it is not the likelier rename.
    others = {s.name for s in site.sets if s.for_others}
    reads = sorted(n for n in here | weak if n not in skip and n not in unset)
    by_name = {n: list(found) for n, found in ctx.reads_by_name(service).items()}
    for weak_read in service.weak_reads:
        if weak_read.name:
            by_name.setdefault(weak_read.name, []).append(weak_read)
    pairs = {}
    for name in unread:
        # A read name the site sets only in branches that exclude this set's (the `else` of its `if`)
        # is unset wherever this one is set.
        apart = [n for n in reads if rename_kind(name, n) and set_apart(site.sets, name, n)]  # _one_rename keeps no other
        match = _one_rename(name, site.sets, unset + apart, by_name)
        # one to one: the read name must pair back with this set name only
        if match and name in familiar and match[1] not in _SLIPS:
            continue
        rivals = [n for n in unread if n == name or n not in others]
        if match and (back := best_rename(match[0], rivals)) and back[0] == name:
            pairs[name] = match
    return pairs


# The rename kinds that make a name a family covers a misspelling of the program's own read.
_SLIPS = frozenset({"typo", "plural"})
FAMILY_KINDS = _SLIPS  # the same rule for a Dockerfile's ENV (image_renames.py)


def _one_rename(name: str, sets: tuple[EnvSet, ...], candidates: list[str],
                reads: dict[str, list[Read]]) -> tuple[str, str] | None:
    """best_rename, where several candidates are narrowed by the set's value, then by the names set
    around it (rename_evidence)."""
    values = {s.value for s in sets if s.name == name}
    value = values.pop() if len(values) == 1 else None
    found = [(c, kind) for c in sorted(set(candidates)) if (kind := rename_kind(name, c))]
    if len(found) > 1:
        kept = narrow_by_value(value, [c for c, _ in found], reads)
        if len(kept) > 1:
            kept = narrow_by_neighbours(name, sets, kept)
        found = [f for f in found if f[0] in kept]
    return found[0] if len(found) == 1 else None
