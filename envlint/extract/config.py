"""Launch sites written as configuration: one entry point per kind of file set.

Each extractor gets every file of its kind in the repository at once (repository-relative POSIX paths
and bytes), because these files refer to each other: compose overlays and env files, Kubernetes
ConfigMaps and kustomize bases, a Helm chart's templates, helpers and values.
"""

from __future__ import annotations

from ..model import FileFacts


def extract_config(kind: str, files: list[tuple[str, bytes]]) -> list[FileFacts]:
    if kind == "compose":
        from .compose import extract_compose

        return extract_compose(files)
    if kind == "kubernetes":
        from .kube import extract_kubernetes

        return extract_kubernetes(files)
    raise ValueError(f"unknown kind of configuration: {kind}")
