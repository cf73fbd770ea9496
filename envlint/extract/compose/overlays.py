"""Which compose files combine into which launch configurations.

`docker compose up` in a folder reads its base file (compose.yaml, ...) and, when present, the
override file beside it: one configuration per service, base merged with override. Another file of
the folder (docker-compose.prod.yml) is either a project of its own (its services name an image or a
build) or an overlay given with `-f base -f overlay`: then each of its services that names a service
of the base and has no image or build of its own is one more configuration of that service.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from ...model import LaunchSite
from .merging import Lookup, merge, resolve, to_site
from .ancestors import ancestor_base, runs_nothing
from .services import ServiceSpec, folder_of

# In compose's order of preference.
BASE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
OVERRIDE_NAMES = ("compose.override.yaml", "compose.override.yml",
                  "docker-compose.override.yml", "docker-compose.override.yaml")


def _family(name: str) -> str:
    return "docker-compose" if name.startswith("docker-") else "compose"


def _bases(paths: list[str]) -> dict[str, list[str]]:
    """folder -> its base files, most preferred first."""
    out: dict[str, list[str]] = {}
    for name in BASE_NAMES:
        for path in paths:
            if posixpath.basename(path) == name:
                out.setdefault(folder_of(path), []).append(path)
    return out


def _override_target(path: str, bases: dict[str, list[str]]) -> str | None:
    """The base file an override file merges into: the one of its own family (compose.override.yaml
    with compose.yaml), else the folder's preferred base."""
    candidates = bases.get(folder_of(path), [])
    family = _family(posixpath.basename(path))
    same = [b for b in candidates if _family(posixpath.basename(b)) == family]
    return (same or candidates or [None])[0]


def launch_sites(services: dict[str, list[str]], lookup: Lookup) -> dict[str, list[LaunchSite]]:
    """services: compose file -> its service names, in order. Returns compose file -> its sites."""
    paths = sorted(services)
    bases = _bases(paths)
    overrides: dict[str, list[str]] = {}  # base file -> the override files merged into it
    for path in paths:
        target = _override_target(path, bases) if posixpath.basename(path) in OVERRIDE_NAMES else None
        if target is not None:
            overrides.setdefault(target, []).append(path)
    merged_away = {o for group in overrides.values() for o in group}

    def spec(path: str, name: str) -> ServiceSpec:
        found = lookup(path, name)
        assert found is not None  # every name listed in ``services`` has a record
        return resolve(found, lookup)

    def under(path: str, name: str) -> str | None:
        """The file a service that runs nothing by itself overlays: its folder's base, else an ancestor's."""
        if not runs_nothing(spec(path, name)):
            return None
        base = next((b for b in bases.get(folder_of(path), []) if b != path and name in services[b]), None)
        return base or ancestor_base(path, name, services)

    def effective(path: str, name: str, depth: int = 0) -> ServiceSpec:
        """The service as the files it overlays make it, down to one that runs something."""
        own = spec(path, name)
        base = under(path, name) if depth <= 8 else None
        return merge(effective(base, name, depth + 1), own) if base else own

    def crosses(path: str, name: str) -> str | None:
        """The file of another folder that the service's chain of overlays ends on, if any."""
        current, seen = path, {path}
        while (base := under(current, name)) is not None and base not in seen:
            if folder_of(base) != folder_of(path):
                return base
            current = base
            seen.add(base)
        return None

    out: dict[str, list[LaunchSite]] = {path: [] for path in paths}
    for path in paths:
        folder_bases = [b for b in bases.get(folder_of(path), []) if b != path]
        for name in services[path]:
            own = spec(path, name)
            ancestor = crosses(path, name) if path not in merged_away else None
            if ancestor is not None:
                # An overlay of a compose file further up (ci/<case>/compose.yaml over ./compose.yaml),
                # maybe through its folder's own: a variant of that service, named so (ENV003 reads it).
                overlay = effective(path, name)
                out[path].append(to_site(overlay, f"{name} ({posixpath.basename(path)} over {ancestor})"))
                continue
            if path in merged_away:
                base = _override_target(path, bases)
                if base is not None and name in services[base]:
                    continue  # merged into the base file's site
                out[path].append(to_site(own, name))
            elif path in bases.get(folder_of(path), []):
                for override in overrides.get(path, []):
                    if name in services[override]:
                        # the site stands at the base service; the override's values replace the base's
                        merged = merge(own, spec(override, name))
                        own = replace(merged, name=own.name, path=own.path, location=own.location)
                out[path].append(to_site(own, name))
            else:
                base = next((b for b in folder_bases if name in services[b]), None)
                if base is not None and own.image is None and own.build is None:
                    overlay = merge(effective(base, name), own)
                    out[path].append(to_site(overlay, f"{name} ({posixpath.basename(path)})"))
                else:
                    out[path].append(to_site(own, name))
    return out
