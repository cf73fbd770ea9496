"""Programs outside the repository that read its files: a launch site that starts no program of the
repository (an upstream image: a proxy, a database, a product's released image) but hands it
configuration files of the repository (a compose bind mount of a folder or of `config.xml`) makes that
program read what those files read: their placeholders (`${STATSD_ADDR}`, `from_env="X"`), a mounted
Python settings module's reads.

Each such program becomes a service whose weak reads are those, and whose read set is incomplete: its
own code is not here, so a rule may claim only what both halves prove (a probable rename: the set nothing
reads and the read nothing sets), never that a name it receives is unread or that one is missing. Sites
that run the same image with the same files are one program. The link is a guess: which of the files the
program loads depends on its command. Pure: works on the facts extraction found.
"""

from __future__ import annotations

import posixpath

from .configreads import _within
from .images import image_key
from ..model import LaunchSite, Link, Read, Service, TargetRef


def upstream_programs(services: tuple[Service, ...], sites: list[LaunchSite], links: list[Link],
                      paths: dict[str, tuple[Read, ...]]) -> tuple[tuple[Service, ...], list[Link]]:
    """The services and links with a program for each group of unlinked container sites that mount files
    holding reads."""
    linked = {link.site for link in links}
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[LaunchSite, TargetRef | None, tuple[Read, ...]]]] = {}
    for site in sites:
        if site.id in linked or not site.container or not site.config_files:
            continue
        # A mount of the whole repository hands the program its sources, not a configuration.
        reads = tuple(dict.fromkeys(r for mounted in site.config_files if mounted not in (".", "..")
                                    for r in _within(paths, mounted)))
        if not reads:
            continue
        image = next((t for t in site.targets if t.kind == "image" and t.value), None)
        files = tuple(sorted({r.location.path for r in reads}))
        groups.setdefault((image.value if image else site.id, files), []).append((site, image, reads))
    names = {s.name for s in services}
    added: list[Service] = []
    new_links: list[Link] = []
    for members in groups.values():
        first, image, reads = members[0]
        name = _name(first, image, names)
        names.add(name)
        shown = image.value if image else "its image"
        files = sorted({r.location.path for r in reads})
        added.append(
            Service(
                name=name,
                kind="image",
                root=_root(first.config_files, files),
                location=first.location,
                reads=(),
                process_sets=(),
                files=(),
                images=(image.value,) if image else (),
                weak_reads=reads,
                incomplete=f"its program is {shown}, not a file of the repository; only the files its launch "
                f"sites mount are ({', '.join(files)})",
            )
        )
        for site, target, _ in members:
            new_links.append(
                Link(
                    site=site.id,
                    service=name,
                    reason=f"the program of {shown} is outside the repository; the site "
                    f"mounts {', '.join(files)}, whose reads are the program's",
                    target=target,
                    evidence="guess",
                )
            )
    return services + tuple(added), sorted(links + new_links, key=lambda l: (l.site, l.service))


def _name(site: LaunchSite, image: TargetRef | None, taken: set[str]) -> str:
    """The image's short name when it is written out, else the compose service's (or container's) name;
    never the name of another service."""
    own = site.names[0] if site.names else (site.function or "")
    candidates = [image_key(image.value)] if image is not None and "$" not in image.value else []
    candidates += [own, f"{own or 'image'} ({site.location})"]
    return next(c for c in candidates if c and c not in taken)


def _root(mounted: tuple[str, ...], files: list[str]) -> str:
    """The first mounted folder that holds one of the files (the file's folder for a mounted file)."""
    found = next((m for m in mounted if any(f == m or f.startswith(m + "/") for f in files)), files[0])
    return (posixpath.dirname(found) or ".") if found in files else found
