"""Image references: their short name, and whether one is a Docker Official Image (upstream's program)."""

from __future__ import annotations

from functools import lru_cache

from ..packaged import data_lines


def image_key(reference: str) -> str:
    """`ghcr.io/acme/agent-runner:latest` -> `agent-runner` (digest and tag dropped)."""
    last = reference.split("@", 1)[0].rsplit("/", 1)[-1]
    return last.split(":", 1)[0]


@lru_cache(maxsize=1)
def _official_images() -> frozenset[str]:
    return frozenset(data_lines("official_images.txt"))


def is_official_image(reference: str) -> bool:
    """A Docker Official Image (`redis:7`, `postgres`, `library/cassandra`): upstream's program, never a
    folder's. A vendor's (`grafana/oncall`), the repository's own (`api:1`), or one left to install time
    (`{{ .Values.image }}`) is not."""
    reference = reference.split("@", 1)[0]
    name = reference.rsplit(":", 1)[0] if ":" in reference.rsplit("/", 1)[-1] else reference
    for prefix in ("docker.io/", "index.docker.io/", "library/"):
        name = name.removeprefix(prefix)
    return name in _official_images()
