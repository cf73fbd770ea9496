"""Services: the programs of the repository that read the environment, and which source files are theirs.

- a Python project (a folder with pyproject.toml, setup.py or setup.cfg): its .py files, plus the
  repository's own modules they import (transitively), wherever those live;
- a Go program (`package main` with `func main`): its package, plus every package of the repository it
  imports, directly or through others (import paths resolved with go.mod's module path);
- an image built by a Dockerfile: the service whose folder holds the Dockerfile, else the program its
  ENTRYPOINT/CMD runs, else the one service beneath its folder, else everything beneath it. The image
  is known by its folder's name and by the tags `docker build -t` gives it in the repository.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass

from ..config import Config
from .configreads import placeholder_reads
from .drafts import Draft, files_under, folder_of
from .image_services import assign_images
from ..model import FileFacts, ImageOrigin, Service
from ..builds import Projects
from .scripts import launched_scripts
from ..pymodules import module_files
from .pyimports import Entries, python_closure


@dataclass(frozen=True)
class ServiceSet:
    services: tuple[Service, ...]
    owner: dict[str, tuple[str, ...]]  # file -> names of the services it belongs to
    unowned: tuple[str, ...]  # source files with reads that belong to no service


def _inside_any(path: str, roots: set[str]) -> bool:
    """Whether ``path`` is one of ``roots`` or lies under one (`drafts.under`, for folders other than ".")."""
    while path:
        if path in roots:
            return True
        path = posixpath.dirname(path)
    return False


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


def _unique_names(drafts: list[Draft]) -> list[str]:
    """Names must be unique: where two services would share one, they are named by their folder, and
    where the folders are one too (the root project and the root Dockerfile's program), by the file that
    makes each a service."""
    names = [d.name for d in drafts]
    for attempt in (lambda d: d.root, lambda d: d.marker):
        counts: dict[str, int] = defaultdict(int)
        for name in names:
            counts[name] += 1
        names = [attempt(d) if counts[n] > 1 and not d.declared else n for d, n in zip(drafts, names)]
    return names




def _launched_scripts(facts: list[FileFacts]) -> Entries:
    """The scripts and modules that launch sites of the repository run (`python x.py`, `python -m m`)."""
    scripts = {posixpath.basename(t.value) for f in facts for s in f.launch_sites for t in s.targets
               if t.kind == "python-script"}
    modules = tuple(m for f in facts for s in f.launch_sites for t in s.targets if t.kind == "python-module"
                    for m in module_files(t.value, run=True))
    return Entries(frozenset(scripts), modules)


def build_services(projects: Projects, facts: list[FileFacts], config: Config,
                   paths: tuple[str, ...] = ()) -> ServiceSet:
    """``paths``: every file discovery found, for resolving what a Dockerfile's command runs."""
    by_path = {f.path: f for f in facts}
    go_by_dir: dict[str, list[FileFacts]] = defaultdict(list)
    for item in facts:
        if item.language == "go":
            go_by_dir[folder_of(item.path)].append(item)
    python_files = sorted(f.path for f in facts if f.language == "python")
    all_files = sorted(f.path for f in facts if f.language in ("go", "python"))
    drafts: list[Draft] = []
    roots = sorted(p.root for p in projects.python)
    for project in projects.python:
        # The projects inside this one, by bisection; a file is theirs when it or a folder above it is one
        # of their roots (every project against every other and every file against each was quadratic:
        # 640,000 tests for the 800 projects of the 4x bench corpus).
        nested = {root for root in files_under(roots, project.root) if root != project.root}
        own = [f for f in files_under(python_files, project.root) if not (nested and _inside_any(f, nested))]
        drafts.append(Draft(project.name, "python", project.root, project.marker,
                             python_closure(own, by_path, project.root)))
    for folder, items in sorted(go_by_dir.items()):
        mains = [f for f in items if f.has_main]
        if mains:
            name = posixpath.basename(folder) if folder != "." else projects.go_root_name()
            drafts.append(Draft(name, "go", folder, mains[0].path, _go_closure(folder, go_by_dir, projects.go_modules)))
    assign_images(drafts, projects, all_files, by_path, paths or tuple(by_path))
    owned = {f for d in drafts for f in d.files}
    for program in launched_scripts(facts, by_path, owned):
        drafts.append(Draft(program.name, program.kind, program.root, program.path, list(program.files),
                             incomplete=program.incomplete))
    for declared in config.services:
        replaced = [d for d in drafts if d.root == declared.root]
        drafts = [d for d in drafts if d.root != declared.root]
        draft = Draft(
            declared.name,
            "declared",
            declared.root,
            declared.root,
            files_under(all_files, declared.root),
            [ImageOrigin(name=image, evidence="declared", why="listed in config") for image in declared.images],
            declared=True,
        )
        for old in replaced:
            draft.images.extend(old.images)
            draft.dockerfiles.extend(old.dockerfiles)
        drafts.append(draft)
    placeholders = placeholder_reads(facts)
    entries = _launched_scripts(facts)
    services = tuple(sorted((d.build(name, by_path, entries, placeholders)
                             for d, name in zip(drafts, _unique_names(drafts))), key=lambda s: s.name))
    owner: dict[str, list[str]] = defaultdict(list)
    for service in services:
        for path in service.files:
            owner[path].append(service.name)
    unowned = tuple(sorted(f.path for f in facts if f.path not in owner and f.reads))
    return ServiceSet(services, {k: tuple(v) for k, v in owner.items()}, unowned)
