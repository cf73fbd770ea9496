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

from .builtprograms import built_go_program
from ..config import Config
from .configreads import copied_config_reads, embedded_config_reads, placeholder_reads
from .dockerentry import Entry, entry_of, folders_of, in_repository
from ..builds import Dockerfile
from .fieldreads import field_reads
from .goreach import unreached_reads
from .images import image_key
from ..model import FileFacts, ImageOrigin, Location, Read, Service
from ..builds import Projects
from .scripts import launched_scripts
from ..pymodules import module_files
from .pyimports import Entries, imported_files, python_closure


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


def _inside_any(path: str, roots: set[str]) -> bool:
    """Whether ``path`` is one of ``roots`` or lies under one (`_under`, for folders other than ".")."""
    while path:
        if path in roots:
            return True
        path = posixpath.dirname(path)
    return False


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
    images: list[ImageOrigin] = field(default_factory=list)  # each name and where it comes from
    dockerfiles: list[Dockerfile] = field(default_factory=list)
    declared: bool = False
    incomplete: str = ""  # why the program may read names no file of the repository shows

    def build(self, name: str, by_path: dict[str, FileFacts], entries: Entries,
              placeholders: dict[str, tuple[Read, ...]]) -> Service:
        facts = [by_path[f] for f in self.files if f in by_path]
        copied = tuple(r for d in self.dockerfiles for r in copied_config_reads(d, placeholders)) \
            + tuple(embedded_config_reads(facts, placeholders))
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
        unreached = unreached_reads(facts)
        return Service(
            name=name, kind=kind, root=self.root, location=Location(self.marker, 1, 1),  # type: ignore[arg-type]
            reads=tuple(r for f in facts for r in f.reads
                        if not (r.script_only and f.path in library) and r.location not in unreached)
            + tuple(r for d in self.dockerfiles for r in d.reads),
            weak_reads=tuple(dict.fromkeys(copied + field_reads(facts))),
            process_sets=tuple(s for f in facts for s in f.process_sets),
            files=tuple(sorted(set(self.files))),
            languages=tuple(sorted(languages)),  # type: ignore[arg-type]
            images=tuple(sorted({o.name for o in self.images})), image_origins=tuple(sorted(set(self.images))),
            reads_dynamic=any(f.reads_dynamic for f in facts),
            read_prefixes=tuple(sorted({p for f in facts for p in f.read_prefixes})),
            declared=self.declared, dockerfiles=tuple(sorted(d.path for d in self.dockerfiles)),
            image_env=tuple(e for d in self.dockerfiles for e in d.env),
            stage_env=tuple(group for d in self.dockerfiles for group in d.stage_env),
            incomplete=self.incomplete,
        )


def _runs(dockerfile: Dockerfile, drafts: list[_Draft], projects: Projects) -> list[_Draft]:
    """The services an image's ENTRYPOINT/CMD runs by name: a Go binary named after its main package's
    folder, or a console script of a Python project."""
    words = list(dockerfile.command)
    if not words:
        return []
    program = posixpath.basename(words[0])
    scripts = {p.root for p in projects.python if program in p.scripts}
    return [d for d in drafts if (d.kind == "go" and posixpath.basename(d.root) == program) or d.root in scripts]


def _image_name(dockerfile: Dockerfile, projects: Projects) -> str:
    """`api/Dockerfile` -> `api`; `Dockerfile_worker`, `worker.Dockerfile` -> `worker`; the root's own
    Dockerfile -> the root project's name. Never the checkout folder's name."""
    folder, name = _dir(dockerfile.path), posixpath.basename(dockerfile.path)
    stem = name.split(".")[0] if name.lower().endswith((".dockerfile", ".containerfile")) else ""
    for marker in ("Dockerfile", "Containerfile"):
        if name.startswith(marker) and len(name) > len(marker) + 1:
            stem = name[len(marker) + 1:]
    if stem:
        return stem
    return posixpath.basename(folder) if folder != "." else projects.root_name


def _entry_draft(dockerfile: Dockerfile, entry: Entry, projects_of: dict[str, list[_Draft]], image: str,
                 by_path: dict[str, FileFacts], known: frozenset[str], folders: frozenset[str]) -> _Draft:
    """The program an image runs by path: the Python project that holds the entry; but in the project at
    the repository's root (a monorepo's umbrella) or in none, the entry file with the repository modules
    it imports, not everything beside it. ``projects_of``: file -> the Python projects (not the root
    one) that hold it, in the drafts' order."""
    own = projects_of.get(entry.path, [])
    if own:
        return max(own, key=lambda d: len(d.root))
    if entry.path.endswith(".py"):
        closure = python_closure([entry.path], by_path, _dir(entry.path))
        return _Draft(image, "image", _dir(entry.path), dockerfile.path, closure)
    script = by_path.get(entry.path)
    why = "a script that may start programs envlint does not follow"
    # The Python programs the script runs are part of what the image runs (``known``: the facts' paths
    # and the discovered files, computed once for every Dockerfile by the caller).
    # A binary it execs is linked by name elsewhere; the scripts it sources or runs get its environment.
    started = [found for t in (script.runs if script else ()) if t.kind != "program"
               if (found := in_repository(dockerfile, t.value, t.kind == "python-module", entry.context, known,
                                          folders))]
    closure = python_closure(started, by_path, ".") if started else []
    return _Draft(image, "image", _dir(entry.path), dockerfile.path, [entry.path, *closure],
                  incomplete=f"runs {entry.path}, {why}" if script is not None and script.reads
                  else f"runs {entry.path}, whose reads envlint does not extract")


def _outside_program(dockerfile: Dockerfile) -> str:
    """Why the image's program is not (all) in the repository, or "". An image without a command of its
    own in a project's folder is taken to run that project (the command often comes from compose)."""
    if dockerfile.base_is_argument:
        return f"{dockerfile.path} is built FROM {dockerfile.base}, an image chosen at build time"
    return ""


def _assign_images(drafts: list[_Draft], projects: Projects, all_files: list[str],
                   by_path: dict[str, FileFacts], paths: tuple[str, ...]) -> None:
    """Each Dockerfile builds the service of its folder, else the program its command runs, else the one
    service beneath it, else an image service of everything beneath it."""
    tags: dict[str, list[ImageOrigin]] = defaultdict(list)
    for tag in projects.build_tags:
        tags[tag.dockerfile].append(ImageOrigin(name=image_key(tag.image), evidence="built",
                                                why=f"tagged {tag.image} by {tag.by} at {tag.location}"))
    # A compose service with both `image:` and `build:` names the image its build makes.
    for site in (s for f in by_path.values() for s in f.launch_sites if s.kind == "compose"):
        builds = [t.value for t in site.targets if t.kind == "build"]
        # an image the caller names at run time (`${CI_IMAGE:?}`) is no name of the build
        for image in (t for t in site.targets if t.kind == "image" and "$" not in t.value):
            for dockerfile in builds:
                tags[dockerfile].append(ImageOrigin(name=image_key(image.value), evidence="built",
                                                   why=f"the image compose builds at {site.location}"))
    files = frozenset(paths)
    known = frozenset(by_path) | files
    folders = folders_of(paths)
    # Loop-invariant: the drafts this loop adds are image programs (kind "image"), never Go or Python ones.
    go_roots = frozenset(d.root for d in drafts if d.kind == "go")
    # The drafts already in the list, by identity: a draft this loop makes names its Dockerfile as its
    # marker, so it equals no other, and `in drafts` compared whole drafts (0.46 s of 577,800
    # comparisons on the 2x bench corpus) to say what identity says.
    present = {id(d) for d in drafts}
    # The Python projects holding each file, once: the loop adds no Python draft, and a draft's files do
    # not change (a search of every project's file list per Dockerfile: 0.13 s for the 4x bench corpus).
    projects_of: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.kind == "python" and draft.root != ".":
            for path in dict.fromkeys(draft.files):
                projects_of[path].append(draft)
    for dockerfile in projects.dockerfiles:
        folder = _dir(dockerfile.path)
        image = _image_name(dockerfile, projects)
        incomplete = _outside_program(dockerfile)
        entry = entry_of(dockerfile, files, folders)
        go_main = built_go_program(dockerfile, by_path.get(entry.path) if entry else None, projects.go_builds,
                                   go_roots)
        if go_main is not None:
            # The image runs a binary the repository builds from a main package (`go build -o`).
            chosen = [d for d in drafts if d.kind == "go" and d.root == go_main[0]]
        elif entry is not None:
            chosen = [_entry_draft(dockerfile, entry, projects_of, image, by_path, known, folders)]
        else:
            inside = [d for d in drafts if _under(d.root, folder) and d.kind != "image"]
            # A binary built in the image may be the one program beneath its folder; a script or a
            # program the repository does not hold (`/init.sh` of the base image) is not.
            built = bool(dockerfile.command) and not dockerfile.command[0].endswith(".sh") and not incomplete
            chosen = ([d for d in inside if d.root == folder and folder != "."] or _runs(dockerfile, drafts, projects)
                      or (inside if len(inside) == 1 and built else []))
        if not chosen and folder == ".":
            continue  # a root build context is not the program: the Dockerfile's program is unknown
        if not chosen:
            under = _files_under(all_files, folder)
            closure = python_closure([f for f in under if f.endswith(".py")], by_path, folder)
            base = f"runs the command of its base image {dockerfile.base}" if not dockerfile.command else ""
            chosen = [_Draft(image, "image", folder, dockerfile.path, sorted(set(under) | set(closure)),
                             incomplete=incomplete or base or "its program is not a file of the repository")]
        for draft in chosen:
            if id(draft) not in present:
                drafts.append(draft)
                present.add(id(draft))
            if incomplete and not draft.incomplete:
                draft.incomplete = incomplete
            # `FROM cassandra` in a folder `cassandra/` extends the upstream image; it is not that image.
            if image_key(dockerfile.base) != image:
                draft.images.append(ImageOrigin(name=image, evidence="guess", why=f"the folder of {dockerfile.path}"))
            draft.images.extend(tags.get(dockerfile.path, []))
            draft.dockerfiles.append(dockerfile)


def _unique_names(drafts: list[_Draft]) -> list[str]:
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
            go_by_dir[_dir(item.path)].append(item)
    python_files = sorted(f.path for f in facts if f.language == "python")
    all_files = sorted(f.path for f in facts if f.language in ("go", "python"))
    drafts: list[_Draft] = []
    roots = sorted(p.root for p in projects.python)
    for project in projects.python:
        # The projects inside this one, by bisection; a file is theirs when it or a folder above it is one
        # of their roots (every project against every other and every file against each was quadratic:
        # 640,000 tests for the 800 projects of the 4x bench corpus).
        nested = {root for root in _files_under(roots, project.root) if root != project.root}
        own = [f for f in _files_under(python_files, project.root) if not (nested and _inside_any(f, nested))]
        drafts.append(_Draft(project.name, "python", project.root, project.marker,
                             python_closure(own, by_path, project.root)))
    for folder, items in sorted(go_by_dir.items()):
        mains = [f for f in items if f.has_main]
        if mains:
            name = posixpath.basename(folder) if folder != "." else projects.go_root_name()
            drafts.append(_Draft(name, "go", folder, mains[0].path, _go_closure(folder, go_by_dir, projects.go_modules)))
    _assign_images(drafts, projects, all_files, by_path, paths or tuple(by_path))
    owned = {f for d in drafts for f in d.files}
    for program in launched_scripts(facts, by_path, owned):
        drafts.append(_Draft(program.name, program.kind, program.root, program.path, list(program.files),
                             incomplete=program.incomplete))
    for declared in config.services:
        replaced = [d for d in drafts if d.root == declared.root]
        drafts = [d for d in drafts if d.root != declared.root]
        draft = _Draft(
            declared.name,
            "declared",
            declared.root,
            declared.root,
            _files_under(all_files, declared.root),
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
