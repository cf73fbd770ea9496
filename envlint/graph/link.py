"""Which launch site starts which service, each link with the reason a person can check.

Inferred from what the site runs: an image's last name component names the folder of a Dockerfile;
a program's name is a Go main package's folder or a console script; `python -m pkg` and
`python path/file.py` name the service that holds the module; a program that runs itself is its own
service. Links declared in config replace the inferred ones for the sites they name.
"""

from __future__ import annotations

import dataclasses

from ..config import Config
from .images import image_key, is_official_image
from ..model import LaunchSite, Link, Service
from ..builds import Projects
from .resolver import Inputs, resolve_target


def infer_links(sites: list[LaunchSite], services: tuple[Service, ...], owner: dict[str, tuple[str, ...]],
                projects: Projects, config: Config) -> list[Link]:
    given = Inputs(services, projects, config, owner)
    links: dict[tuple[str, str], Link] = {}
    for site in sites:
        declared = [d for d in config.links if d.site in (site.location.path, f"{site.location.path}:{site.location.line}")]
        if declared:
            for d in declared:
                links[(site.id, d.service)] = Link(
                    site=site.id, service=d.service, reason=f"declared in config (site {d.site!r})", evidence="declared"
                )
            continue
        for target in site.targets:
            for found in resolve_target(target, site, given):
                how = f" ({target.via} at {target.location})" if target.via and target.via != "literal" else ""
                links.setdefault(
                    (site.id, found.service.name),
                    Link(
                        site=site.id,
                        service=found.service.name,
                        reason=found.why + how,
                        target=target,
                        evidence=found.evidence,
                    ),
                )
    _by_site_names(sites, services, links)
    guessed = {site.id: site.guessed for site in sites if site.guessed}
    for key, link in links.items():
        if link.site in guessed and link.evidence != "declared":
            links[key] = dataclasses.replace(link, reason=f"{link.reason}; {guessed[link.site]}", evidence="guess")
    return sorted(links.values(), key=lambda l: (l.site, l.service))


def _by_site_names(sites: list[LaunchSite], services: tuple[Service, ...], links: dict) -> None:
    """The last resort for a site whose image names no program: the compose service or container or
    workload name, when exactly one program of the repository has that name; then the same image at
    other sites. Each such link says it is a guess."""
    linked = {site_id for site_id, _ in links}
    images: dict[str, set[str]] = {}
    for site in sites:
        targets = [t for t in site.targets if t.kind == "image" and not is_official_image(t.value)]
        if site.id in linked or not targets:
            continue
        for name in site.names:
            found = [s for s in services if s.name == name or name in s.images]
            if len(found) == 1:
                service = found[0]
                reason = (f"no program has the image {targets[0].value!r}; the {site.kind} name {name!r} is the "
                          f"program {service.name} in {service.root}/ (a guess)")
                links[(site.id, service.name)] = Link(
                    site=site.id, service=service.name, reason=reason, target=targets[0], evidence="guess"
                )
                images.setdefault(image_key(targets[0].value), set()).add(service.name)
                linked.add(site.id)
                break
    for site in sites:
        targets = [t for t in site.targets if t.kind == "image" and image_key(t.value) in images]
        if site.id in linked or not targets:
            continue
        named = images[image_key(targets[0].value)]
        if len(named) == 1:
            service = next(s for s in services if s.name in named)
            reason = f"the image {targets[0].value!r} is the one another site runs as {service.name} (a guess)"
            links[(site.id, service.name)] = Link(
                site=site.id, service=service.name, reason=reason, target=targets[0], evidence="guess"
            )
