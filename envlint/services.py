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

import bisect
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field

from .config import Config
from .extract.dockerfile import Dockerfile
from .images import image_key
from .model import FileFacts, Location, Service
from .projects import Projects
from .pyimports import Entries, imported_files, module_files, python_closure


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


@dataclass
class _Draft:
    """A service while it is being assembled; frozen into a `Service` at the end."""

    name: str
    kind: str
    root: str
    marker: str
    files: list[str]
    images: list[tuple[str, str]] = field(default_factory=list)  # (name, where the name comes from)
    dockerfiles: list[Dockerfile] = field(default_factory=list)
    declared: bool = False

    def build(self, name: str, by_path: dict[str, FileFacts], entries: Entries) -> Service:
        facts = [by_path[f] for f in self.files if f in by_path]
        for dockerfile in self.dockerfiles:
            entries = entries.plus(dockerfile.command)
        # The `__main__` block of a module the service imports runs only when that file is run as a script.
        library = imported_files(self.files, by_path, self.root) \
            if any(r.script_only for f in facts for r in f.reads) else set()
        library = {p for p in library if not entries.holds(p)}
        languages = {f.language for f in facts if f.language in ("go", "python")}
        kind = self.kind
        if kind == "declared":
            kind = "go" if languages == {"go"} else "python" if languages == {"python"} else "image"
        return Service(
            name=name, kind=kind, root=self.root, location=Location(self.marker, 1, 1),  # type: ignore[arg-type]
            reads=tuple(r for f in facts for r in f.reads if not (r.script_only and f.path in library)),
            process_sets=tuple(s for f in facts for s in f.process_sets),
            files=tuple(sorted(set(self.files))),
            languages=tuple(sorted(languages)),  # type: ignore[arg-type]
            images=tuple(sorted({name for name, _ in self.images})), image_origins=tuple(sorted(set(self.images))),
            reads_dynamic=any(f.reads_dynamic for f in facts),
            declared=self.declared, dockerfiles=tuple(sorted(d.path for d in self.dockerfiles)),
            image_env=tuple(e for d in self.dockerfiles for e in d.env),
        )


def _runs(dockerfile: Dockerfile, drafts: list[_Draft], projects: Projects) -> list[_Draft]:
    """The services an image's ENTRYPOINT/CMD runs: `python -m pkg`, `python app/main.py`, a Go
    binary named after its main package's folder, or a console script of a Python project."""
    words = list(dockerfile.command)
    if not words:
        return []
    program = posixpath.basename(words[0])
    if program.startswith("python") and len(words) > 1:
        if words[1] == "-m" and len(words) > 2:
            wanted = tuple(module_files(words[2], run=True))
        else:
            wanted = (words[1].lstrip("./"),)
        return [d for d in drafts if d.kind in ("python", "image")
                and any(f.endswith(w) for f in d.files for w in wanted)][:1]
    scripts = {p.root for p in projects.python if program in p.scripts}
    return [d for d in drafts if (d.kind == "go" and posixpath.basename(d.root) == program) or d.root in scripts]


def _assign_images(drafts: list[_Draft], projects: Projects, all_files: list[str],
                   by_path: dict[str, FileFacts]) -> None:
    """Each Dockerfile builds the service of its folder, else the program its command runs, else the one
    service beneath it, else an image service of everything beneath it."""
    tags: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for tag in projects.build_tags:
        tags[tag.dockerfile].append((image_key(tag.image), f"tagged {tag.image} by docker build at {tag.location}"))
    # A compose service with both `image:` and `build:` names the image its build makes.
    for site in (s for f in by_path.values() for s in f.launch_sites if s.kind == "compose"):
        builds = [t.value for t in site.targets if t.kind == "build"]
        for image in (t for t in site.targets if t.kind == "image"):
            for dockerfile in builds:
                tags[dockerfile].append((image_key(image.value), f"the image compose builds at {site.location}"))
    for dockerfile in projects.dockerfiles:
        folder = _dir(dockerfile.path)
        image = posixpath.basename(folder) if folder != "." else projects.root_name
        inside = [d for d in drafts if _under(d.root, folder) and d.kind != "image"]
        chosen = ([d for d in inside if d.root == folder] or _runs(dockerfile, drafts, projects)
                  or (inside if len(inside) == 1 else []))
        if not chosen:
            files = _files_under(all_files, folder)
            if not files:
                continue
            closure = python_closure([f for f in files if f.endswith(".py")], by_path, folder)
            chosen = [_Draft(image, "image", folder, dockerfile.path, sorted(set(files) | set(closure)))]
            drafts.extend(chosen)
        for draft in chosen:
            draft.images.extend([(image, f"the folder of {dockerfile.path}"), *tags.get(dockerfile.path, [])])
            draft.dockerfiles.append(dockerfile)


def _launched_scripts(facts: list[FileFacts]) -> Entries:
    """The scripts and modules that launch sites of the repository run (`python x.py`, `python -m m`)."""
    scripts = {posixpath.basename(t.value) for f in facts for s in f.launch_sites for t in s.targets
               if t.kind == "python-script"}
    modules = tuple(m for f in facts for s in f.launch_sites for t in s.targets if t.kind == "python-module"
                    for m in module_files(t.value, run=True))
    return Entries(frozenset(scripts), modules)


def build_services(projects: Projects, facts: list[FileFacts], config: Config) -> ServiceSet:
    by_path = {f.path: f for f in facts}
    go_by_dir: dict[str, list[FileFacts]] = defaultdict(list)
    for item in facts:
        if item.language == "go":
            go_by_dir[_dir(item.path)].append(item)
    python_files = sorted(f.path for f in facts if f.language == "python")
    all_files = sorted(f.path for f in facts if f.language in ("go", "python"))
    drafts: list[_Draft] = []
    for project in projects.python:
        nested = [p.root for p in projects.python if p.root != project.root and _under(p.root, project.root)]
        own = [f for f in _files_under(python_files, project.root) if not any(_under(f, n) for n in nested)]
        drafts.append(_Draft(project.name, "python", project.root, project.marker,
                             python_closure(own, by_path, project.root)))
    for folder, items in sorted(go_by_dir.items()):
        mains = [f for f in items if f.has_main]
        if mains:
            name = posixpath.basename(folder) if folder != "." else projects.go_root_name()
            drafts.append(_Draft(name, "go", folder, mains[0].path, _go_closure(folder, go_by_dir, projects.go_modules)))
    _assign_images(drafts, projects, all_files, by_path)
    for declared in config.services:
        replaced = [d for d in drafts if d.root == declared.root]
        drafts = [d for d in drafts if d.root != declared.root]
        draft = _Draft(declared.name, "declared", declared.root, declared.root, _files_under(all_files, declared.root),
                       [(image, "listed in config") for image in declared.images], declared=True)
        for old in replaced:
            draft.images.extend(old.images)
            draft.dockerfiles.extend(old.dockerfiles)
        drafts.append(draft)
    counts: dict[str, int] = defaultdict(int)
    for draft in drafts:
        counts[draft.name] += 1
    # Names must be unique: where two services would share one, both are named by their folder.
    entries = _launched_scripts(facts)
    services = tuple(sorted((d.build(d.name if counts[d.name] == 1 or d.declared else d.root, by_path, entries)
                             for d in drafts), key=lambda s: s.name))
    owner: dict[str, list[str]] = defaultdict(list)
    for service in services:
        for path in service.files:
            owner[path].append(service.name)
    unowned = tuple(sorted(f.path for f in facts if f.path not in owner and f.reads))
    return ServiceSet(services, {k: tuple(v) for k, v in owner.items()}, unowned)
