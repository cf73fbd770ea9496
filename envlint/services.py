"""Services: the programs of the repository that read the environment, and which source files are theirs.

- a Python project (a folder with pyproject.toml, setup.py or setup.cfg): its .py files, plus the
  repository's own modules they import (transitively), wherever those live;
- a Go program (`package main` with `func main`): its package, plus every package of the repository it
  imports, directly or through others (import paths resolved with go.mod's module path);
- an image built by a Dockerfile: the service whose folder holds the Dockerfile, or, when the folder is
  not itself a project, everything beneath it.
"""

from __future__ import annotations

import bisect
import posixpath
from collections import defaultdict
from dataclasses import dataclass

from .config import Config
from .model import FileFacts, Location, Service
from .projects import Projects
from .pyimports import python_closure


@dataclass(frozen=True)
class ServiceSet:
    services: tuple[Service, ...]
    owner: dict[str, tuple[str, ...]]  # file -> names of the services it belongs to
    unowned: tuple[str, ...]  # source files with reads that belong to no service


def _under(path: str, root: str) -> bool:
    return root == "." or path == root or path.startswith(root + "/")


def _files_under(sorted_paths: list[str], root: str) -> list[str]:
    """The paths inside folder ``root``, found by bisection in a sorted list (services x files stays cheap)."""
    if root == ".":
        return list(sorted_paths)
    prefix = root + "/"
    start = bisect.bisect_left(sorted_paths, prefix)
    end = bisect.bisect_left(sorted_paths, prefix[:-1] + chr(ord("/") + 1))
    return sorted_paths[start:end]


def _dir(path: str) -> str:
    return posixpath.dirname(path) or "."


def _go_closure(main_dir: str, go_by_dir: dict[str, list[FileFacts]], modules: dict[str, str]) -> list[str]:
    """Files of a Go program: its main package and, transitively, the repository packages it imports."""
    seen, stack, files = {main_dir}, [main_dir], []
    while stack:
        folder = stack.pop()
        for facts in go_by_dir.get(folder, []):
            files.append(facts.path)
            for imp in facts.imports:
                for module_root, module_path in modules.items():
                    if imp.module == module_path or imp.module.startswith(module_path + "/"):
                        rest = imp.module[len(module_path):].strip("/")
                        target = posixpath.normpath(posixpath.join(module_root, rest)) if rest else module_root
                        if target not in seen and target in go_by_dir:
                            seen.add(target)
                            stack.append(target)
    return sorted(files)


def _make(name: str, kind: str, root: str, marker: str, files: list[str],
          by_path: dict[str, FileFacts], images: tuple[str, ...] = (), declared: bool = False) -> Service:
    facts = [by_path[f] for f in files if f in by_path]
    return Service(
        name=name, kind=kind, root=root, location=Location(marker, 1, 1),  # type: ignore[arg-type]
        reads=tuple(r for f in facts for r in f.reads),
        process_sets=tuple(s for f in facts for s in f.process_sets),
        files=tuple(sorted(set(files))),
        languages=tuple(sorted({f.language for f in facts})),
        images=images, reads_dynamic=any(f.reads_dynamic for f in facts), declared=declared,
    )


def build_services(projects: Projects, facts: list[FileFacts], config: Config) -> ServiceSet:
    by_path = {f.path: f for f in facts}
    go_by_dir: dict[str, list[FileFacts]] = defaultdict(list)
    for item in facts:
        if item.language == "go":
            go_by_dir[_dir(item.path)].append(item)
    python_files = sorted(f.path for f in facts if f.language == "python")
    all_files = sorted(by_path)
    # (name, kind, root, marker, files)
    found: list[tuple[str, str, str, str, list[str]]] = []
    for project in projects.python:
        nested = [p.root for p in projects.python if p.root != project.root and _under(p.root, project.root)]
        own = [f for f in _files_under(python_files, project.root) if not any(_under(f, n) for n in nested)]
        found.append((project.name, "python", project.root, project.marker,
                      python_closure(own, by_path, project.root)))
    for folder, items in sorted(go_by_dir.items()):
        mains = [f for f in items if f.has_main]
        if mains:
            name = posixpath.basename(folder) if folder != "." else projects.go_root_name()
            found.append((name, "go", folder, mains[0].path, _go_closure(folder, go_by_dir, projects.go_modules)))
    claimed_images: dict[str, list[str]] = defaultdict(list)
    for dockerfile in projects.dockerfiles:
        folder = _dir(dockerfile)
        inside = [entry for entry in found if _under(entry[2], folder)]
        exact = [entry for entry in inside if entry[2] == folder]
        chosen = exact or (inside if len(inside) == 1 else [])
        image = posixpath.basename(folder) if folder != "." else projects.root_name
        if chosen:
            for entry in chosen:
                claimed_images[entry[2]].append(image)
            continue
        files = _files_under(all_files, folder)
        if files:
            closure = python_closure([f for f in files if f.endswith(".py")], by_path, folder)
            found.append((image, "image", folder, dockerfile, sorted(set(files) | set(closure))))
            claimed_images[folder].append(image)
    for declared in config.services:
        files = _files_under(all_files, declared.root)
        found = [entry for entry in found if entry[2] != declared.root]
        found.append((declared.name, "declared", declared.root, declared.root, files))
    services = _name_and_build(found, by_path, claimed_images, config)
    owner: dict[str, list[str]] = defaultdict(list)
    for service in services:
        for path in service.files:
            owner[path].append(service.name)
    unowned = tuple(sorted(f.path for f in facts if f.path not in owner and f.reads))
    return ServiceSet(services, {k: tuple(v) for k, v in owner.items()}, unowned)


def _name_and_build(found, by_path, claimed_images, config: Config) -> tuple[Service, ...]:
    """Names must be unique: where two services would share one, both are named by their folder."""
    counts: dict[str, int] = defaultdict(int)
    for entry in found:
        counts[entry[0]] += 1
    declared = {d.root: d for d in config.services}
    services = []
    for name, kind, root, marker, files in found:
        images = tuple(sorted(set(claimed_images.get(root, []))))
        is_declared = kind == "declared"
        if is_declared:
            images = tuple(sorted(set(images) | set(declared[root].images)))
            languages = {by_path[f].language for f in files if f in by_path}
            kind = "go" if languages == {"go"} else "python" if languages == {"python"} else "image"
        unique = name if counts[name] == 1 or is_declared else root
        services.append(_make(unique, kind, root, marker, files, by_path, images, is_declared))
    return tuple(sorted(services, key=lambda s: s.name))
