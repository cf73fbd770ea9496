"""Project markers: pyproject.toml / setup.cfg / setup.py, go.mod and Dockerfiles.

Reads only the few fields the linker needs: a Python project's name and console scripts, a Go module's
path. A marker that cannot be read is a `Problem`; the folder still counts as a project.
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from typing import Mapping
from pathlib import Path

from ..builds import ROOT_NAME, GoBuild, Projects, PythonProject
from ..discover import SourceFile
from ..model import Location, Problem
from .build_tags import find_build_tags
from .dockerfile import parse_dockerfile
from .gobuilds import dockerfile_go_builds, makefile_go_builds
from .makefile import expanded_text
from .load import load
from .skaffold import skaffold_tags


_MODULE_LINE = re.compile(r"^\s*module\s+(\S+)", re.MULTILINE)


def _read(root: Path, source: SourceFile, problems: list[Problem], loaded: Mapping[str, bytes]) -> str | None:
    """The file's text, or None with the problem the extractors give any file (not-utf8 at its line and
    column, binary, too-large, unreadable). A file extraction already read is not read again."""
    if source.path in loaded:
        return loaded[source.path].decode("utf-8")
    data, problem = load(root, source)
    if problem is not None:
        problems.append(problem)
        return None
    return data.decode("utf-8") if data is not None else None


def _pyproject(text: str, rel: str, problems: list[Problem]) -> tuple[str | None, tuple[str, ...], bool]:
    """(name, console scripts, whether the file makes its folder a project). A pyproject.toml with
    tool settings only ([tool.ruff], [tool.envlint]) is no project; a broken one still is."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(location=Location(rel, 1, 1), kind="invalid-toml", message=f"not valid TOML: {exc}"))
        return None, (), True
    # Any key may hold any TOML value in a file nobody validated (`project = 5`, `scripts = 7`): only
    # the shapes the specifications give are read, the rest is ignored.
    tool = _table(data.get("tool"))
    poetry = _table(tool.get("poetry"))
    project = _table(data.get("project"))
    scripts = set(_table(project.get("scripts"))) | set(_table(poetry.get("scripts")))
    name = project.get("name") or poetry.get("name")
    is_project = bool({"project", "build-system"} & set(data) or poetry)
    return (name if isinstance(name, str) else None), tuple(sorted(scripts)), is_project


def _table(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _setup_cfg(text: str, rel: str, problems: list[Problem]) -> tuple[str | None, tuple[str, ...], bool]:
    import configparser  # here: most repositories have no setup.cfg, and the module costs 2 ms to import

    parser = configparser.ConfigParser(interpolation=None)  # `%` in a value is text, not a reference
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        problems.append(
            Problem(location=Location(rel, 1, 1), kind="invalid-setup-cfg", message=f"cannot be parsed: {exc}")
        )
        return None, (), True
    name = parser.get("metadata", "name", fallback=None)
    scripts = parser.get("options.entry_points", "console_scripts", fallback="")
    names = tuple(sorted(line.split("=")[0].strip() for line in scripts.splitlines() if "=" in line))
    return name, names, True


def find_projects(root: Path, files: tuple[SourceFile, ...], loaded: Mapping[str, bytes] | None = None) -> Projects:
    """The projects, Dockerfiles and builds of the repository. ``loaded`` holds the bytes extraction read
    already (extract_all), so that a Dockerfile or a Makefile is read once per run."""
    loaded = loaded or {}
    problems: list[Problem] = []
    by_root: dict[str, PythonProject] = {}
    modules: dict[str, str] = {}
    dockerfiles = []
    go_builds: list[GoBuild] = []
    build_files = []  # Makefiles, shell scripts, YAML (CI workflows): where `docker build -t` stands
    for source in files:
        folder = posixpath.dirname(source.path) or "."
        if source.kind == "dockerfile":
            text = _read(root, source, problems, loaded)
            dockerfiles.append(parse_dockerfile(source.path, text or ""))
            go_builds.extend(dockerfile_go_builds(dockerfiles[-1]))
        elif source.kind in ("makefile", "shell", "yaml"):
            build_files.append((source.path, source.kind))
        elif source.kind == "go-mod":
            text = _read(root, source, problems, loaded)
            match = _MODULE_LINE.search(text or "")
            if match:
                modules[folder] = match.group(1)
        elif source.kind in ("pyproject", "setup-cfg", "setup-py"):
            name, scripts, is_project = None, (), True
            if source.kind != "setup-py":
                text = _read(root, source, problems, loaded)
                if text is not None:
                    reader = _pyproject if source.kind == "pyproject" else _setup_cfg
                    name, scripts, is_project = reader(text, source.path, problems)
            if not is_project:
                continue
            previous = by_root.get(folder)
            default = posixpath.basename(folder) if folder != "." else ROOT_NAME
            merged_scripts = tuple(sorted(set(scripts) | set(previous.scripts if previous else ())))
            best_name = name or (previous.name if previous else default)
            marker = previous.marker if previous and source.kind != "pyproject" else source.path
            by_root[folder] = PythonProject(name=best_name, root=folder, marker=marker, scripts=merged_scripts)
    known = {d.path for d in dockerfiles}
    tags = []
    for path, kind in build_files:
        # Only `docker build` lines and skaffold artifacts matter here; the file's own problems (not
        # UTF-8, too large) are the extractors' to report.
        data = loaded[path] if path in loaded else load(root, SourceFile(path, kind))[0]
        if data is None:
            continue
        text = data.decode("utf-8")
        if kind == "yaml" and "skaffold/" in text:
            tags.extend(skaffold_tags(path, data, known))
        if "docker" in text:
            tags.extend(find_build_tags(path, text, known))
        if _is_makefile(path) and "$" in text:
            # Recipes written with the Makefile's variables: `$(DOCKERBUILD) -t $(IMAGE) ...`.
            expanded = expanded_text(text)
            seen = {(t.image, t.dockerfile) for t in tags}
            tags.extend(t for t in find_build_tags(path, expanded, known) if (t.image, t.dockerfile) not in seen)
            go_builds.extend(makefile_go_builds(path, text))
    # Never the checkout folder's name: the same tree cloned under another name gives the same output.
    root_project = by_root.get(".")
    root_name = root_project.name if root_project else modules.get(".", ROOT_NAME).rsplit("/", 1)[-1]
    return Projects(
        root_name=root_name,
        python=tuple(sorted(by_root.values(), key=lambda p: p.root)),
        go_modules=modules,
        dockerfiles=tuple(dockerfiles),
        build_tags=tuple(tags),
        go_builds=tuple(go_builds),
        problems=tuple(problems),
    )


def _is_makefile(path: str) -> bool:
    name = posixpath.basename(path)
    return name in ("Makefile", "makefile", "GNUmakefile") or name.endswith(".mk")
