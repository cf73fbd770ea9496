"""Image names skaffold gives the repository's builds: each `build.artifacts[]` entry of a
`skaffold.yaml` (also under `profiles[].build`) names an `image` built from `context` with
`docker.dockerfile` (default `Dockerfile`, relative to the context). A launch site that runs that image
starts what the Dockerfile builds, as with `docker build -t`.
"""

from __future__ import annotations

import posixpath

from . import yamlsource as y
from ..builds import BuildTag


def skaffold_tags(path: str, data: bytes, known_files: set[str]) -> list[BuildTag]:
    documents, problem = y.load_documents(path, data)
    if problem is not None:
        return []  # the YAML extractor reports a file that does not parse
    folder = posixpath.dirname(path)
    found = []
    for document in documents:
        if not (y.scalar(y.get(document, "apiVersion")) or "").startswith("skaffold/"):
            continue
        builds = [y.get(document, "build")] + [y.get(p, "build") for p in y.sequence(y.get(document, "profiles"))]
        for build in builds:
            for artifact in y.sequence(y.get(build, "artifacts")):
                image_node = y.get(artifact, "image")
                image = y.scalar(image_node)
                if not image or image_node is None:
                    continue
                context = y.scalar(y.get(artifact, "context")) or "."
                dockerfile = y.scalar(y.get(y.get(artifact, "docker"), "dockerfile")) or "Dockerfile"
                target = posixpath.normpath(posixpath.join(folder, context, dockerfile))
                if target in known_files:
                    found.append(
                        BuildTag(image=image, dockerfile=target, location=y.location(path, image_node), by="skaffold")
                    )
    return found
