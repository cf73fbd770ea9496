"""Compose overlays kept in sub-folders: CI and test setups often hold one folder per case whose
compose file only adds environment to a service of the repository's main compose file, run as
`-f compose.yaml -f ci/base.yaml -f ci/<case>/compose.yaml` (or COMPOSE_FILE=...). Such a service runs
nothing by itself: no build, and no image, or only one the caller must pass (`${CI_IMAGE:?}`).
Compose rejects it alone, so it is an overlay; what it overlays is the same service in the nearest
ancestor folder that has it in exactly one compose file (its base file preferred).
"""

from __future__ import annotations

import posixpath
import re

from .services import ServiceSpec, folder_of

# An image that is only an interpolation without a default: the caller names the image at run time.
_ONLY_INTERPOLATION = re.compile(r"\$\{\w+(?::?\?[^}]*)?\}|\$\w+")
_BASE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")


def runs_nothing(spec: ServiceSpec) -> bool:
    if spec.build is not None:
        return False
    return spec.image is None or bool(_ONLY_INTERPOLATION.fullmatch(spec.image.value.strip()))


def ancestor_base(path: str, name: str, services: dict[str, list[str]]) -> str | None:
    """The compose file of the nearest ancestor folder of ``path`` that defines service ``name``: the
    folder's base file when it has it, else the one file there that does; None when ambiguous."""
    folder = folder_of(path)
    while folder:
        folder = folder_of(folder)
        here = [p for p in sorted(services) if folder_of(p) == folder and p != path and name in services[p]]
        if not here:
            continue
        preferred = [p for n in _BASE_NAMES for p in here if posixpath.basename(p) == n]
        chosen = preferred or here
        return chosen[0] if len(chosen) == 1 else None
    return None
