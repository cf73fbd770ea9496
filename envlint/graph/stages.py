"""Linking an image by the Dockerfile stage it is named after: one Dockerfile with several targets
(`FROM scratch AS argocli` ... `ENTRYPOINT ["argo"]`, built with `docker build --target argocli -t
quay.io/acme/argocli`) makes one image per target stage, and CI gives each the stage's name. When an
image's last name component is such a stage, and the stage's command names exactly one Go main package
folder or console script of the repository, the site starts that program. The build command itself
is often outside the repository (a Makefile variable, CI), so the link is a guess.
"""

from __future__ import annotations

import posixpath

from .images import image_key
from ..model import Service, TargetRef
from ..builds import Projects

Found = tuple[list[Service], str, str]


def by_stage(target: TargetRef, services: tuple[Service, ...], projects: Projects) -> Found:
    key = image_key(target.value)
    commands = {(d.path, command[0]) for d in projects.dockerfiles for name, command in d.stages
                if name == key and command}
    found: dict[str, tuple[Service, str, str]] = {}
    for dockerfile, program in commands:
        name = posixpath.basename(program)
        scripts = {p.root for p in projects.python if name in p.scripts}
        for service in services:
            if (service.kind == "go" and posixpath.basename(service.root) == name) or service.root in scripts:
                found[service.name] = (service, dockerfile, name)
    if len(found) != 1:
        return [], "", ""
    service, dockerfile, name = next(iter(found.values()))
    return ([service], f"image name {key!r} is the stage {key} of {dockerfile}, whose command {name!r} is the "
            f"program in {{root}}/ (a guess)", "guess")
