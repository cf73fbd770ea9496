"""Records of how the repository builds its programs, as extraction finds them and the graph stage reads
them: Dockerfiles (parsed once), project markers (pyproject.toml, setup.cfg, go.mod), the image names
that builds give (`docker build -t`, skaffold) and the binaries `go build -o` makes.

Extraction (envlint/extract/) builds these from the files; the graph stage (envlint/graph/) never reads
a file, only these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import EnvSet, Location, Problem, Read

ROOT_NAME = "root"  # the name of a program at the repository's root that names itself nowhere


@dataclass(frozen=True, kw_only=True, slots=True)
class Copy:
    """`COPY src... dest` of the final stage (not `--from` another stage or image): what of the build
    context lands where in the image. `dest` is absolute, resolved against the WORKDIR of its time."""

    sources: tuple[str, ...]
    dest: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Dockerfile:
    path: str
    env: tuple[EnvSet, ...]  # ENV of the final stage, in order
    command: tuple[str, ...]  # ENTRYPOINT then CMD of the final stage, as words
    copies: tuple[Copy, ...] = ()
    workdir: str = "/"  # of the final stage, where a relative command path starts
    base: str = ""  # the final stage's FROM image, "" when it is an earlier stage of this file
    # The final stage starts FROM a build argument (`FROM ${BASE_IMAGE}`): the program is not known.
    base_is_argument: bool = False
    shell_form: bool = False  # ENTRYPOINT/CMD written as a shell line, run by /bin/sh -c
    # What a shell-form ENTRYPOINT/CMD expands (`locust --host "http://${FRONTEND_ADDR}"`): reads of
    # the program the image runs, located in the Dockerfile.
    reads: tuple[Read, ...] = ()
    # Each named stage (`FROM x AS argocli`) with the ENTRYPOINT then CMD it ends with: a multi-target
    # Dockerfile builds one image per target stage (`docker build --target argocli`).
    stages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The ENV of the other named stages that run a command (a `release` target before a final `debug`
    # one): each is an image of its own that CI may build with `--target`.
    stage_env: tuple[tuple[EnvSet, ...], ...] = ()
    # Every RUN of every stage, with the WORKDIR and COPYs of its stage at that point (what a
    # `RUN go build` builds, mapped back to the build context).
    runs: tuple["RunStep", ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class RunStep:
    arguments: str  # the shell text after RUN, continuations joined
    location: Location  # where that text starts
    workdir: str
    copies: tuple[Copy, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class BuildTag:
    image: str  # as written, tag included
    dockerfile: str  # repository-relative path of the Dockerfile it builds
    location: Location
    by: str = "docker build"  # what gives the name: a `docker build -t`, a skaffold artifact


@dataclass(frozen=True, kw_only=True, slots=True)
class GoBuild:
    binary: str  # the file name of the binary
    packages: tuple[str, ...]  # candidate repository folders of the main package, most likely first
    location: Location


@dataclass(frozen=True, kw_only=True, slots=True)
class PythonProject:
    name: str
    root: str
    marker: str
    scripts: tuple[str, ...] = ()  # console script names ([project.scripts], console_scripts)


@dataclass(frozen=True, kw_only=True, slots=True)
class Projects:
    root_name: str  # the root project's name (pyproject, go.mod), else "root": never the folder's name
    python: tuple[PythonProject, ...]
    go_modules: dict[str, str] = field(default_factory=dict)  # folder -> module path
    dockerfiles: tuple[Dockerfile, ...] = ()
    build_tags: tuple[BuildTag, ...] = ()  # `docker build -t NAME` in Makefiles, scripts, CI files
    go_builds: tuple[GoBuild, ...] = ()  # `go build -o NAME` in Makefiles and Dockerfiles
    problems: tuple[Problem, ...] = ()

    def go_root_name(self) -> str:
        module = self.go_modules.get(".")
        return module.rsplit("/", 1)[-1] if module else self.root_name
