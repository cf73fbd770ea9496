"""Why a launch site starts no program of the repository, target by target, for `envlint facts`.

A site that links to nothing is silent in every rule; the user who expected a finding needs to know
which of its targets envlint tried and why each named no program, to fix the cause (declare the link
in `[tool.envlint]`, tag the image in a build) instead of guessing.
"""

from __future__ import annotations

from .images import image_key
from .images import is_official_image
from ..model import LaunchSite, Link, Service, TargetRef


def _target(target: TargetRef, services: tuple[Service, ...]) -> str:
    value = target.value
    if target.kind == "image":
        if "{{" in value or "$" in value:
            return (f"image {value!r} is left to install time, and no container, workload or service name is "
                    f"a program of the repository")
        if is_official_image(target.value):
            return f"image {value!r} is an official Docker image: upstream's program, not the repository's"
        return (f"no Dockerfile, build tag or compose build of the repository gives the image {value!r}, and "
                f"no program is named {image_key(value)!r}")
    if target.kind == "program":
        return f"no Go main package folder, console script or configured program is named {value!r}"
    if target.kind == "python-module":
        return f"no service of the repository holds the module {value!r}"
    if target.kind == "python-script":
        return f"no service of the repository holds the script {value!r}"
    if target.kind == "build":
        if "/" not in value:
            return f"it builds {value} at the repository root, which does not make the root project the program"
        if not any(value in s.dockerfiles for s in services):
            return f"{value} runs nothing that is a file of the repository"
        return f"{value} builds a program of the repository, under another command"
    return "the launcher runs itself, but its file belongs to no program of the repository"


def explain_unlinked(sites: list[LaunchSite], links: list[Link], services: tuple[Service, ...]) -> dict[str, str]:
    """{site id: why it starts no known program} for every site without a link."""
    linked = {link.site for link in links}
    out = {}
    for site in sites:
        if site.id in linked:
            continue
        if not site.targets:
            out[site.id] = "it names no program envlint can resolve (the command is not a literal)"
        else:
            out[site.id] = "; ".join(_target(t, services) for t in site.targets)
    return out
