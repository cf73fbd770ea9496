"""What a container runs in place of its image's command: a launch site that starts an image of the
repository with its own command (compose `command: /opt/app/housekeeping.sh`, Kubernetes `command:`)
naming a file the image's Dockerfile copied in runs that repository file. Its reads are reads the
image's program may make: weak reads of the image's service (the image runs the file only under such a
command), so a set spelled like one is a probable rename, and none is required of the image's other
launches. Pure: works on the facts extraction found.
"""

from __future__ import annotations

import dataclasses

from .. import shellwords
from .dockerentry import entry_of, folders_of
from ..builds import Dockerfile
from ..model import FileFacts, LaunchSite, Link, Read, Service


def _words(command: str) -> tuple[str, ...]:
    try:
        return tuple(shellwords.split(command))
    except ValueError:
        return tuple(command.split())


def with_command_reads(services: tuple[Service, ...], sites: list[LaunchSite], links: list[Link],
                       dockerfiles: tuple[Dockerfile, ...], facts: list[FileFacts],
                       paths: tuple[str, ...]) -> tuple[Service, ...]:
    by_site = {s.id: s for s in sites}
    by_name = {s.name: s for s in services}
    by_dockerfile = {d.path: d for d in dockerfiles}
    reads_of = {f.path: f.reads for f in facts if f.reads}
    files = frozenset(paths)
    folders = folders_of(files)
    extra: dict[str, list[Read]] = {}
    for link in links:
        site, service = by_site.get(link.site), by_name.get(link.service)
        if site is None or service is None or not site.command or not service.dockerfiles:
            continue
        for path in service.dockerfiles:
            dockerfile = by_dockerfile.get(path)
            if dockerfile is None:
                continue
            entry = entry_of(dataclasses.replace(dockerfile, command=_words(site.command)), files, folders)
            if entry is not None and entry.path not in service.files and entry.path in reads_of:
                extra.setdefault(service.name, []).extend(reads_of[entry.path])
                break
    return tuple(dataclasses.replace(s, weak_reads=tuple(dict.fromkeys(s.weak_reads + tuple(extra[s.name]))))
                 if extra.get(s.name) else s for s in services)
