"""`envlint facts` says why a launch site starts no program of the repository, target by target."""

from __future__ import annotations

import pytest

from envlint.model import LaunchSite, Link, Location, Service, TargetRef
from envlint.graph.unlinked import explain_unlinked

HERE = Location("deploy/compose.yml", 2, 3)
WORKER = Service(
    name="worker",
    kind="python",
    root="worker",
    location=Location("worker/Dockerfile", 1, 1),
    reads=(),
    process_sets=(),
    files=(),
    dockerfiles=("worker/Dockerfile",),
)


def _why(*targets: tuple[str, str]) -> str:
    site = LaunchSite(
        location=HERE,
        kind="compose",
        language="compose",
        function="web",
        targets=tuple(TargetRef(kind=kind, value=value, location=HERE) for kind, value in targets),
        sets=(),
        inherits=False,
    )  # type: ignore[arg-type]
    return explain_unlinked([site], [], (WORKER,))[site.id]


@pytest.mark.parametrize(("targets", "why"), [
    ((), "it names no program envlint can resolve (the command is not a literal)"),
    ((("image", "redis:7"),), "image 'redis:7' is an official Docker image: upstream's program, not the repository's"),
    ((("image", "acme/shop:1"),), "no Dockerfile, build tag or compose build of the repository gives the image "
                                  "'acme/shop:1', and no program is named 'shop'"),
    ((("image", "{{ .Values.image }}"),), "image '{{ .Values.image }}' is left to install time, and no container, "
                                          "workload or service name is a program of the repository"),
    ((("program", "indexer"),), "no Go main package folder, console script or configured program is named 'indexer'"),
    ((("python-module", "app.worker"),), "no service of the repository holds the module 'app.worker'"),
    ((("build", "Dockerfile"),), "it builds Dockerfile at the repository root, which does not make the root "
                                 "project the program"),
    ((("build", "tools/Dockerfile"),), "tools/Dockerfile runs nothing that is a file of the repository"),
    ((("image", "redis:7"), ("build", "tools/Dockerfile")),
     "image 'redis:7' is an official Docker image: upstream's program, not the repository's; "
     "tools/Dockerfile runs nothing that is a file of the repository"),
])
def test_each_target_says_why_it_names_no_program(targets: tuple, why: str) -> None:
    assert _why(*targets) == why


def test_linked_sites_need_no_explanation() -> None:
    site = LaunchSite(
        location=HERE,
        kind="compose",
        language="compose",
        function="web",
        targets=(TargetRef(kind="build", value="worker/Dockerfile", location=HERE),),
        sets=(),
        inherits=False,
    )
    assert (
        explain_unlinked(
            [site], [Link(site=site.id, service="worker", reason="compose builds it", evidence="built")], (WORKER,)
        )
        == {}
    )
