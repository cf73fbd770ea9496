"""The resolver from a launch target to the programs of the repository: every mapping it knows, with
the evidence and the reason it gives (envlint/graph/resolver.py). One row per mapping; a row with no
expected candidate is a target that must link nothing."""

from __future__ import annotations

import pytest

from envlint.builds import Dockerfile, Projects, PythonProject
from envlint.config import Config, DeclaredService
from envlint.graph.resolver import Inputs, resolve_target
from envlint.model import ImageOrigin, LaunchSite, Location, Service, TargetRef

AT = Location("launch.go", 3, 1)


def _service(name: str, kind: str, root: str, files: tuple[str, ...] = (), marker: str = "",
             origins: tuple[ImageOrigin, ...] = (), dockerfiles: tuple[str, ...] = ()) -> Service:
    return Service(name=name, kind=kind, root=root, location=Location(marker or f"{root}/main.go", 1, 1),  # type: ignore[arg-type]
                   reads=(), process_sets=(), files=files, images=tuple(sorted({o.name for o in origins})),
                   image_origins=origins, dockerfiles=dockerfiles)


SERVICES = (
    _service("api", "go", "cmd/api", ("cmd/api/main.go",),
             origins=(ImageOrigin(name="api", evidence="built", why="tagged acme/api by docker build at Makefile:4:2"),
                      ImageOrigin(name="api", evidence="guess", why="the folder of cmd/api/Dockerfile")),
             dockerfiles=("cmd/api/Dockerfile",)),
    _service("cassandra", "image", "cassandra", ("cassandra/Dockerfile",), marker="cassandra/Dockerfile",
             origins=(ImageOrigin(name="cassandra", evidence="guess", why="the folder of cassandra/Dockerfile"),),
             dockerfiles=("cassandra/Dockerfile",)),
    _service("runner", "image", "runner", ("runner/Dockerfile",), marker="runner/Dockerfile",
             origins=(ImageOrigin(name="runner", evidence="guess", why="the folder of runner/Dockerfile"),),
             dockerfiles=("runner/Dockerfile",)),
    _service("billing", "python", "billing", ("billing/billing/__init__.py", "billing/billing/server.py"),
             marker="billing/pyproject.toml"),
    _service("worker", "python", "services/worker", ("services/worker/src/worker/__main__.py",),
             marker="services/worker/pyproject.toml"),
    _service("tool", "python", "tools", ("tools/migrate.py",), marker="tools/migrate.py"),
    _service("agent", "go", "agent", ("agent/main.go",)),
)
PROJECTS = Projects(
    root_name="root",
    python=(
        PythonProject(name="billing", root="billing", marker="billing/pyproject.toml", scripts=("billing-serve",)),
        PythonProject(name="worker", root="services/worker", marker="services/worker/pyproject.toml"),
    ),
    dockerfiles=(
        Dockerfile(path="build/Dockerfile", env=(), command=("/bin/agent",), stages=(("agentd", ("agent",)),)),
    ),
)
CONFIG = Config(services=(DeclaredService("billing", "billing", images=("acme/pay",), programs=("payd",)),))
OWNER = {"agent/main.go": ("agent",)}


def _site(path: str = "launch.go") -> LaunchSite:
    return LaunchSite(location=Location(path, 3, 1), kind="docker-run", language="go", function="start",
                      targets=(), sets=(), inherits=False)


TABLE = [
    # images
    ("image", "acme/pay:1", "launch.go", [("billing", "declared", "image listed for the service in config")]),
    ("image", "ghcr.io/acme/api:2", "launch.go",
     [("api", "built", "image name 'api' is tagged acme/api by docker build at Makefile:4:2")]),
    ("image", "acme/runner", "launch.go", [("runner", "guess", "image name 'runner' is the folder of runner/Dockerfile")]),
    ("image", "cassandra:4.1", "launch.go", []),  # an official image is upstream's, never a folder's
    ("image", "acme/agent-runner:1", "launch.go",
     [("runner", "guess", "image name 'agent-runner' ends with the Dockerfile folder runner/ (a guess)")]),
    ("image", "acme/billing", "launch.go",
     [("billing", "guess", "image name 'billing' is the folder billing/ of a python program (a guess)")]),
    ("image", "acme/agentd", "launch.go",
     [("agent", "guess", "image name 'agentd' is the stage agentd of build/Dockerfile, whose command 'agent' is "
                         "the program in agent/ (a guess)")]),
    ("image", "acme/unknown", "launch.go", []),
    # programs
    ("program", "payd", "launch.go", [("billing", "declared", "program listed for the service in config")]),
    ("program", "/usr/local/bin/api", "launch.go",
     [("api", "exact", "program 'api' is built from the Go main package in cmd/api/")]),
    ("program", "api.exe", "launch.go", [("api", "exact", "program 'api' is built from the Go main package in cmd/api/")]),
    ("program", "billing-serve", "launch.go",
     [("billing", "exact", "program 'billing-serve' is a console script of the Python project billing/")]),
    ("program", "git", "launch.go", []),
    # Python modules and scripts
    ("python-module", "billing.server", "launch.go",
     [("billing", "exact", "module 'billing.server' is in the service folder billing/")]),
    ("python-module", "worker", "launch.go",
     [("worker", "exact", "module 'worker' is in the service folder services/worker/")]),
    ("python-script", "tools/migrate.py", "launch.go",
     [("tool", "exact", "script 'tools/migrate.py' is the program tools/migrate.py")]),
    ("python-script", "./migrate.py", "tools/run.py",
     [("tool", "exact", "script './migrate.py' is the program tools/migrate.py")]),
    ("python-module", "nowhere.mod", "launch.go", []),
    # builds
    ("build", "cmd/api/Dockerfile", "compose.yaml", [("api", "built", "compose builds it from cmd/api/Dockerfile")]),
    ("build", "billing/Dockerfile", "compose.yaml", [("billing", "built", "compose builds the folder billing/")]),
    ("build", "Dockerfile", "compose.yaml", []),  # a root build context does not make the root project the program
    # itself
    ("self", "", "agent/main.go", [("agent", "exact", "the program runs itself")]),
    ("self", "", "launch.go", []),
]


@pytest.mark.parametrize(("kind", "value", "site_path", "expected"), TABLE,
                         ids=[f"{k}:{v or '-'}@{p}" for k, v, p, _ in TABLE])
def test_each_mapping_gives_its_programs_evidence_and_reason(kind, value, site_path, expected) -> None:
    target = TargetRef(kind=kind, value=value, location=Location(site_path, 3, 10))
    found = resolve_target(target, _site(site_path), Inputs(SERVICES, PROJECTS, CONFIG, OWNER))
    assert [(c.service.name, c.evidence, c.why) for c in found] == expected


def test_the_strongest_origin_of_an_image_name_wins() -> None:
    """A folder named like the image that a build also tags: the link is `built`, not a guess."""
    found = resolve_target(
        TargetRef(kind="image", value="api", location=AT), _site(), Inputs(SERVICES, PROJECTS, CONFIG, OWNER)
    )
    assert [(c.service.name, c.evidence) for c in found] == [("api", "built")]
