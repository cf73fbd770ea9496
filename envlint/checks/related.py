"""The related locations and the wording the rules share: where a name is read and set, the sets whose
names are unknown, the condition of a read, and why a name a site does not set cannot reach its child."""

from __future__ import annotations

from ..describe import default_text
from ..kinds import MISSING_CLOSED, MISSING_INHERITED, SITE_KINDS
from ..model import LaunchSite, Read, Related, Service
from .context import Context


def read_related(reads: list[Read], service: Service, note: str = "read here") -> list[Related]:
    out = []
    for read in reads[:3]:
        text = note
        if read.default.kind != "none":
            text += f" with default {default_text(read.default, read.name)}"
        if read.condition:
            text += f", only when {read.condition}"
        out.append(Related(location=read.location, note=f"{text} ({read.form}, {service.name})"))
    return out


def set_related(ctx: Context, sites: list[LaunchSite], name: str) -> list[Related]:
    """Where other launch sites set ``name``: the set itself when it is explicit, else the site."""
    out = []
    for site in sites:
        explicit = [s for s in site.sets if s.name == name]
        where = explicit[0].location if explicit else site.location
        when = ctx.env(site).conditional.get(name)
        out.append(Related(location=where, note=f"set by {site.label}" + (f" only when {when}" if when else "")))
    return out


def dynamic_related(site: LaunchSite) -> list[Related]:
    """Sets of the site whose names are unknown: a reviewer should know the miss may be one of them."""
    return [Related(location=s.location, note=f"this site also sets a name envlint cannot resolve: {s.name_text}")
            for s in site.sets if s.name is None]


def read_condition(reads: list[Read]) -> str:
    """` (read only when ...)` when every one of these reads is guarded by a condition of the service."""
    conditions = {r.condition for r in reads}
    if None in conditions or not conditions:
        return ""
    return f" (read only when {' or '.join(sorted(c for c in conditions if c))})"


def missing_reason(site: LaunchSite) -> str:
    """Why a name this site does not set cannot reach the child either."""
    return SITE_KINDS[site.kind].missing or (MISSING_INHERITED if site.inherits else MISSING_CLOSED)
