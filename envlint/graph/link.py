"""Which launch site starts which service, each link with the reason a person can check.

Inferred from what the site runs: an image's last name component names the folder of a Dockerfile;
a program's name is a Go main package's folder or a console script; `python -m pkg` and
`python path/file.py` name the service that holds the module; a program that runs itself is its own
service. Links declared in config replace the inferred ones for the sites they name.
"""

from __future__ import annotations

import dataclasses
import posixpath
from functools import lru_cache
from importlib import resources

from ..config import Config
from .images import image_key
from ..model import LaunchSite, Link, Service, TargetRef
from ..builds import Projects
from .pyimports import module_files
from .stages import by_stage


_STRENGTH = ("declared", "built", "exact", "guess")


def _origin(service: Service, key: str) -> str:
    """Where the service's image name ``key`` comes from (its Dockerfile's folder, a build tag, config):
    the strongest origin when there are several (a folder named like the image that a build also tags)."""
    origins = [origin for name, origin in service.image_origins if name == key]
    return min(origins, key=lambda o: _STRENGTH.index(_origin_evidence(o)), default="its Dockerfile")


Found = tuple[list[Service], str, str]  # the services, why (with `{root}`), and the link's evidence


def _origin_evidence(origin: str) -> str:
    """How strong an image name is, by where services.py took it from."""
    if origin.startswith("listed in config"):
        return "declared"
    if origin.startswith("the folder of"):
        return "guess"  # an image named like a folder with a Dockerfile: no build says so
    if origin.startswith(("tagged ", "the image compose builds")):
        return "built"  # a `docker build -t` tag, or the image a compose service builds
    return "exact"


def _by_image(target: TargetRef, services: tuple[Service, ...], config: Config) -> Found:
    key = image_key(target.value)
    bare = target.value.split("@", 1)[0].rsplit(":", 1)[0] if ":" in target.value.rsplit("/", 1)[-1] else target.value
    for declared in config.services:
        if target.value in declared.images or bare in declared.images or key in declared.images:
            return [s for s in services if s.name == declared.name], "image listed for the service in config", "declared"
    exact = [s for s in services if key in s.images]
    # An official library image (`redis:7`, `postgres`) is upstream's program: only a build or a tag of
    # the repository's makes it one of its own, never a folder's name.
    exact = [s for s in exact if _vendor_image(target) or not _origin(s, key).startswith("the folder of")]
    if exact:
        origin = _origin(exact[0], key)
        return exact, f"image name {key!r} is {origin}", _origin_evidence(origin)
    if not _vendor_image(target):
        return [], "", ""
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
    return [], "", ""


def _by_build(target: TargetRef, services: tuple[Service, ...]) -> Found:
    built = [s for s in services if target.value in s.dockerfiles]
    if built:
        return built, f"compose builds it from {target.value}", "built"
    folder = posixpath.dirname(target.value) or "."
    if folder == ".":
        return [], "", ""  # a build context at the repository's root does not make the root project the program
    return [s for s in services if s.root == folder], "compose builds the folder {root}/", "built"


def _by_program(target: TargetRef, services: tuple[Service, ...], projects: Projects,
                config: Config) -> Found:
    name = posixpath.basename(target.value.rstrip("/"))
    name = name[:-4] if name.endswith(".exe") else name
    for declared in config.services:
        if name in declared.programs or target.value in declared.programs:
            return [s for s in services if s.name == declared.name], "program listed for the service in config", "declared"
    go = [s for s in services if s.kind == "go" and s.root.rpartition("/")[2] == name]
    if go:
        return go, f"program {name!r} is built from the Go main package in {{root}}/", "exact"
    scripts = {p.root for p in projects.python if name in p.scripts}
    python = [s for s in services if s.root in scripts]
    if python:
        return python, f"program {name!r} is a console script of the Python project {{root}}/", "exact"
    return [], "", ""


def _by_python(target: TargetRef, site: LaunchSite, services: tuple[Service, ...]) -> Found:
    if target.kind == "python-module":
        suffixes = module_files(target.value, run=True)
        what = f"module {target.value!r}"
    else:
        launcher_dir = posixpath.dirname(site.location.path)
        suffixes = [posixpath.normpath(target.value.lstrip("./") or "."),
                    posixpath.normpath(posixpath.join(launcher_dir, target.value))]
        what = f"script {target.value!r}"
    owners = []
    for service in services:
        for path in service.files:
            inside = path[len(service.root) + 1:] if service.root != "." else path
            if any(path == s or inside == s or inside.startswith("src/") and inside[4:] == s for s in suffixes):
                owners.append(service)
                break
    # A script run by its path is the program it makes, not another script's that runs it in turn.
    made = [s for s in owners if target.kind != "python-module" and s.location.path in suffixes]
    if made:
        return made, f"{what} is the program {{root}}/{posixpath.basename(made[0].location.path)}", "exact"
    # A module shared by several services belongs to the one whose own folder holds it.
    own = [s for s in owners if any(p.startswith(s.root + "/") or s.root == "." for p in s.files)]
    return (own or owners), f"{what} is in the service folder {{root}}/", "exact"


def infer_links(sites: list[LaunchSite], services: tuple[Service, ...], owner: dict[str, tuple[str, ...]],
                projects: Projects, config: Config) -> list[Link]:
    links: dict[tuple[str, str], Link] = {}
    for site in sites:
        declared = [d for d in config.links if d.site in (site.location.path, f"{site.location.path}:{site.location.line}")]
        if declared:
            for d in declared:
                links[(site.id, d.service)] = Link(site.id, d.service, f"declared in config (site {d.site!r})",
                                                   evidence="declared")
            continue
        for target in site.targets:
            if target.kind == "image":
                found, why, evidence = _by_image(target, services, config)
                if not found and _vendor_image(target):
                    found, why, evidence = by_stage(target, services, projects)
            elif target.kind == "program":
                found, why, evidence = _by_program(target, services, projects, config)
            elif target.kind in ("python-module", "python-script", "script"):
                found, why, evidence = _by_python(target, site, services)
            elif target.kind == "build":
                found, why, evidence = _by_build(target, services)
            else:  # self
                found = [s for s in services if s.name in owner.get(site.location.path, ())]
                why, evidence = "the program runs itself", "exact"
            for service in found:
                how = f" ({target.via} at {target.location})" if target.via and target.via != "literal" else ""
                reason = why.replace("{root}", service.root) + how
                links.setdefault((site.id, service.name),
                                 Link(site.id, service.name, reason, target, evidence=evidence))
    _by_site_names(sites, services, links)
    guessed = {site.id: site.guessed for site in sites if site.guessed}
    for key, link in links.items():
        if link.site in guessed and link.evidence != "declared":
            links[key] = dataclasses.replace(link, reason=f"{link.reason}; {guessed[link.site]}", evidence="guess")
    return sorted(links.values(), key=lambda l: (l.site, l.service))


def _site_names(site: LaunchSite) -> list[str]:
    """The names a configuration site gives what it runs: the compose service; the container, then the
    workload (`Deployment/api container server` -> `server`, `api`)."""
    function = (site.function or "").split(" (")[0]
    if site.kind == "compose":
        return [function] if function else []
    if site.kind == "kubernetes" and " container " in function:
        workload, container = function.split(" container ", 1)
        return [container, workload.rsplit("/", 1)[-1]]
    return []


@lru_cache(maxsize=1)
def _official_images() -> frozenset[str]:
    text = resources.files("envlint").joinpath("data/official_images.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _vendor_image(target: TargetRef) -> bool:
    """Not a Docker Official Image (`redis:7`, `postgres`, `library/cassandra`), which is upstream's
    program: a vendor's (`grafana/oncall`), the repository's own (`api:1`), or one left to install time
    (`{{ .Values.image }}`)."""
    reference = target.value.split("@", 1)[0]
    name = reference.rsplit(":", 1)[0] if ":" in reference.rsplit("/", 1)[-1] else reference
    for prefix in ("docker.io/", "index.docker.io/", "library/"):
        name = name.removeprefix(prefix)
    return name not in _official_images()


def _by_site_names(sites: list[LaunchSite], services: tuple[Service, ...], links: dict) -> None:
    """The last resort for a site whose image names no program: the compose service or container or
    workload name, when exactly one program of the repository has that name; then the same image at
    other sites. Each such link says it is a guess."""
    linked = {site_id for site_id, _ in links}
    images: dict[str, set[str]] = {}
    for site in sites:
        targets = [t for t in site.targets if t.kind == "image" and _vendor_image(t)]
        if site.id in linked or not targets:
            continue
        for name in _site_names(site):
            found = [s for s in services if s.name == name or name in s.images]
            if len(found) == 1:
                service = found[0]
                reason = (f"no program has the image {targets[0].value!r}; the {site.kind} name {name!r} is the "
                          f"program {service.name} in {service.root}/ (a guess)")
                links[(site.id, service.name)] = Link(site.id, service.name, reason, targets[0], evidence="guess")
                images.setdefault(image_key(targets[0].value), set()).add(service.name)
                linked.add(site.id)
                break
    for site in sites:
        targets = [t for t in site.targets if t.kind == "image" and image_key(t.value) in images]
        if site.id in linked or not targets:
            continue
        named = images[image_key(targets[0].value)]
        if len(named) == 1:
            service = next(s for s in services if s.name in named)
            reason = f"the image {targets[0].value!r} is the one another site runs as {service.name} (a guess)"
            links[(site.id, service.name)] = Link(site.id, service.name, reason, targets[0], evidence="guess")


def is_official_image(target: TargetRef) -> bool:
    """A Docker Official Image (`redis:7`, `postgres`): upstream's program, never a folder's."""
    return not _vendor_image(target)
