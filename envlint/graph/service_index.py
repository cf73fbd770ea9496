"""The programs looked up by what a launch target names (an image key, a Go folder's name, a
Dockerfile, a folder, a file), built once per link stage for graph/resolver.py: a scan of every
program per launch target grew with sites x programs (0.35 s of the 2x bench corpus's graph stage).

Every list keeps the programs' order, so a lookup returns what the scan it replaces returned.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..model import Service


class ServiceIndex:
    def __init__(self, services: tuple[Service, ...]) -> None:
        self.services = services
        self.with_image: dict[str, list[Service]] = defaultdict(list)  # image key -> programs
        self.go_named: dict[str, list[Service]] = defaultdict(list)  # a Go main folder's name -> programs
        self.built_from: dict[str, list[Service]] = defaultdict(list)  # Dockerfile path -> programs
        self.at_root: dict[str, list[Service]] = defaultdict(list)  # folder -> programs rooted there
        self._file_keys: dict[str, set[int]] | None = None
        for service in services:
            for image in dict.fromkeys(service.images):
                self.with_image[image].append(service)
            if service.kind == "go":
                self.go_named[posixpath.basename(service.root)].append(service)
            for dockerfile in dict.fromkeys(service.dockerfiles):
                self.built_from[dockerfile].append(service)
            self.at_root[service.root].append(service)

    def holding(self, wanted: set[str]) -> list[Service]:
        """The programs with a file whose path, path inside the program's folder, or that path less a
        leading `src/`, is one of ``wanted``."""
        if self._file_keys is None:
            self._file_keys = defaultdict(set)
            for position, service in enumerate(self.services):
                for path in service.files:
                    inside = path[len(service.root) + 1:] if service.root != "." else path
                    self._file_keys[path].add(position)
                    self._file_keys[inside].add(position)
                    if inside.startswith("src/"):
                        self._file_keys[inside[4:]].add(position)
        found = set().union(*(self._file_keys.get(w, ()) for w in wanted))
        return [self.services[i] for i in sorted(found)]
