"""Image references."""

from __future__ import annotations


def image_key(reference: str) -> str:
    """`ghcr.io/acme/agent-runner:latest` -> `agent-runner` (digest and tag dropped)."""
    last = reference.split("@", 1)[0].rsplit("/", 1)[-1]
    return last.split(":", 1)[0]
