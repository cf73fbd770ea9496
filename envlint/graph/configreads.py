"""Configuration files handed to a program are read by it: the placeholders (`${env:X}`, `${X:-d}`) of
a file a launch site bind-mounts into the container, or that the image's Dockerfile copies in, are
reads of the program that site starts. Pure: works on the facts extraction found.
"""

from __future__ import annotations

import dataclasses
import posixpath

from .dockerentry import contexts
from ..builds import Dockerfile
from ..model import FileFacts, LaunchSite, Link, Read, Service


def placeholder_reads(facts: list[FileFacts]) -> dict[str, tuple[Read, ...]]:
    """Per file: the reads a program makes by loading it: the placeholders of a configuration file
    (extract/placeholders.py), all reads of a Python module (a settings file copied into an image)."""
    out = {}
    for item in facts:
        reads = tuple(r for r in item.reads if item.language == "python" or r.form.startswith("config "))
        if reads:
            out[item.path] = reads
    return out


def _within(paths: dict[str, tuple[Read, ...]], target: str) -> list[Read]:
    if target in paths:
        return list(paths[target])
    prefix = "" if target == "." else target + "/"
    return [r for path, reads in sorted(paths.items()) if path.startswith(prefix) for r in reads]


def copied_config_reads(dockerfile: Dockerfile, paths: dict[str, tuple[Read, ...]]) -> list[Read]:
    """Reads of the files a Dockerfile COPYs in by name or folder (not a whole build context): the
    configuration and settings modules the program loads."""
    out: list[Read] = []
    for copy in dockerfile.copies:
        for source in copy.sources:
            if source in (".", "./") or any(ch in source for ch in "*?[$"):
                continue
            for context in contexts(dockerfile):
                found = _within(paths, posixpath.normpath(posixpath.join(context, source)))
                if found:
                    out.extend(found)
                    break
    return out


def with_mounted_config(services: tuple[Service, ...], sites: list[LaunchSite], links: list[Link],
                        paths: dict[str, tuple[Read, ...]]) -> tuple[Service, ...]:
    """Each service with the placeholders of the files its launch sites bind-mount into it, as weak reads:
    which of them the program loads depends on its command."""
    by_site = {s.id: s for s in sites}
    extra: dict[str, list[Read]] = {}
    for link in links:
        site = by_site.get(link.site)
        for mounted in site.config_files if site is not None else ():
            extra.setdefault(link.service, []).extend(_within(paths, mounted))
    return tuple(dataclasses.replace(s, weak_reads=tuple(dict.fromkeys(s.weak_reads + tuple(extra[s.name]))))
                 if extra.get(s.name) else s for s in services)


def embedded_config_reads(facts: list[FileFacts], paths: dict[str, tuple[Read, ...]]) -> list[Read]:
    """Reads of the files the program's Go files embed (`//go:embed all-in-one.yaml`): a default
    configuration compiled in, whose placeholders it expands when no other configuration is given."""
    return [r for item in facts for embedded in item.embeds for r in _within(paths, embedded)]
