"""One resolver from what a launch site runs (an image, a program, a module, a script, a build, itself) to
the programs of the repository, each candidate with its evidence and the reason a person can check.

Evidence, strongest first: "declared" (configuration), "built" (a build of the repository makes that
image or binary), "exact" (a path, a module, a binary or a console script by its name), "guess" (a name
that matches a folder's, used only when it is unique). tests/test_resolver.py holds a table of every
mapping.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from ..builds import Projects
from ..config import Config
from ..model import EVIDENCE_ORDER, Evidence, ImageOrigin, LaunchSite, Service, TargetRef
from .images import image_key, is_official_image
from .service_index import ServiceIndex
from ..pymodules import module_files


@dataclass(frozen=True)
class Candidate:
    service: Service
    evidence: Evidence
    why: str  # the reason, the program's folder filled in


@dataclass(frozen=True)
class Inputs:
    """What a resolution may look at besides the target: every program, the project markers and builds,
    the configuration, and which programs own each file (a program that runs itself)."""

    services: tuple[Service, ...]
    projects: Projects
    config: Config
    owner: dict[str, tuple[str, ...]]

    @cached_property
    def index(self) -> ServiceIndex:
        return ServiceIndex(self.services)


Found = tuple[list[Service], str, Evidence | None]  # the services, why (with `{root}`), the evidence


def _origin(service: Service, key: str) -> ImageOrigin:
    """Where the service's image name ``key`` comes from (its Dockerfile's folder, a build tag, config):
    the strongest origin when there are several (a folder named like the image that a build also tags)."""
    origins = [origin for origin in service.image_origins if origin.name == key]
    return min(origins, key=lambda o: EVIDENCE_ORDER.index(o.evidence),
               default=ImageOrigin(name=key, evidence="exact", why="its Dockerfile"))


def _by_image(target: TargetRef, index: ServiceIndex, config: Config) -> Found:
    services = index.services
    key = image_key(target.value)
    bare = target.value.split("@", 1)[0].rsplit(":", 1)[0] if ":" in target.value.rsplit("/", 1)[-1] else target.value
    for declared in config.services:
        if target.value in declared.images or bare in declared.images or key in declared.images:
            return [s for s in services if s.name == declared.name], "image listed for the service in config", "declared"
    exact = list(index.with_image.get(key, ()))
    # An official library image (`redis:7`, `postgres`) is upstream's program: only a build or a tag of
    # the repository's makes it one of its own, never a folder's name.
    exact = [s for s in exact if not is_official_image(target.value) or _origin(s, key).evidence != "guess"]
    if exact:
        origin = _origin(exact[0], key)
        return exact, f"image name {key!r} is {origin.why}", origin.evidence
    if is_official_image(target.value):
        return [], "", None
    # Name matches are the last resort: used only when they are unique, and said to be guesses.
    # `acme-agent-runner` -> a unique Dockerfile folder whose name ends the image's name at a separator.
    best: list[tuple[int, Service]] = []
    for service in services:
        for image in service.images:
            if any(key.endswith(sep + image) for sep in "-_."):
                best.append((len(image), service))
    if best:
        longest = max(length for length, _ in best)
        chosen = [s for length, s in best if length == longest]
        if len(chosen) == 1:
            return chosen, f"image name {key!r} ends with the Dockerfile folder {{root}}/ (a guess)", "guess"
    # No Dockerfile of that name: a Go main package or Python project folder named like the image.
    named = [s for s in services if s.kind in ("go", "python") and posixpath.basename(s.root) == key]
    if len(named) == 1:
        return named, f"image name {key!r} is the folder {{root}}/ of a {named[0].kind} program (a guess)", "guess"
    return [], "", None


def _by_stage(target: TargetRef, services: tuple[Service, ...], projects: Projects) -> Found:
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
        return [], "", None
    service, dockerfile, name = next(iter(found.values()))
    return ([service], f"image name {key!r} is the stage {key} of {dockerfile}, whose command {name!r} is the "
            f"program in {{root}}/ (a guess)", "guess")


def _by_build(target: TargetRef, index: ServiceIndex) -> Found:
    built = list(index.built_from.get(target.value, ()))
    if built:
        return built, f"compose builds it from {target.value}", "built"
    folder = posixpath.dirname(target.value) or "."
    if folder == ".":
        return [], "", None  # a build context at the repository's root does not make the root project the program
    return list(index.at_root.get(folder, ())), "compose builds the folder {root}/", "built"


def _by_program(target: TargetRef, index: ServiceIndex, projects: Projects, config: Config) -> Found:
    services = index.services
    name = posixpath.basename(target.value.rstrip("/"))
    name = name[:-4] if name.endswith(".exe") else name
    for declared in config.services:
        if name in declared.programs or target.value in declared.programs:
            return [s for s in services if s.name == declared.name], "program listed for the service in config", "declared"
    go = list(index.go_named.get(name, ()))
    if go:
        return go, f"program {name!r} is built from the Go main package in {{root}}/", "exact"
    scripts = {p.root for p in projects.python if name in p.scripts}
    python = [s for s in services if s.root in scripts]
    if python:
        return python, f"program {name!r} is a console script of the Python project {{root}}/", "exact"
    return [], "", None


def _by_python(target: TargetRef, site: LaunchSite, index: ServiceIndex) -> Found:
    if target.kind == "python-module":
        suffixes = module_files(target.value, run=True)
        what = f"module {target.value!r}"
    else:
        launcher_dir = posixpath.dirname(site.location.path)
        suffixes = [posixpath.normpath(target.value.lstrip("./") or "."),
                    posixpath.normpath(posixpath.join(launcher_dir, target.value))]
        what = f"script {target.value!r}"
    owners = index.holding(set(suffixes))
    # A script run by its path is the program it makes, not another script's that runs it in turn.
    made = [s for s in owners if target.kind != "python-module" and s.location.path in suffixes]
    if made:
        return made, f"{what} is the program {{root}}/{posixpath.basename(made[0].location.path)}", "exact"
    # A module shared by several services belongs to the one whose own folder holds it.
    own = [s for s in owners if any(p.startswith(s.root + "/") or s.root == "." for p in s.files)]
    return (own or owners), f"{what} is in the service folder {{root}}/", "exact"




def _image(target: TargetRef, site: LaunchSite, given: Inputs) -> Found:
    found = _by_image(target, given.index, given.config)
    if not found[0] and not is_official_image(target.value):
        found = _by_stage(target, given.services, given.projects)
    return found


def _self(target: TargetRef, site: LaunchSite, given: Inputs) -> Found:
    return [s for s in given.services if s.name in given.owner.get(site.location.path, ())], \
        "the program runs itself", "exact"


# Each kind of target and how it is resolved.
_RESOLVERS: dict[str, Callable[[TargetRef, LaunchSite, Inputs], Found]] = {
    "image": _image,
    "program": lambda target, site, given: _by_program(target, given.index, given.projects, given.config),
    "python-module": lambda target, site, given: _by_python(target, site, given.index),
    "python-script": lambda target, site, given: _by_python(target, site, given.index),
    "script": lambda target, site, given: _by_python(target, site, given.index),
    "build": lambda target, site, given: _by_build(target, given.index),
    "self": _self,
}


def resolve_target(target: TargetRef, site: LaunchSite, given: Inputs) -> list[Candidate]:
    """The programs ``target`` at ``site`` may start, with the evidence and the reason for each."""
    resolver = _RESOLVERS.get(target.kind, _self)
    services, why, evidence = resolver(target, site, given)
    if evidence is None:
        return []
    return [Candidate(s, evidence, why.replace("{root}", s.root)) for s in services]
