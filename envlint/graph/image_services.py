"""Which service each Dockerfile builds: the service of its folder, else the program its command runs (a
binary the repository builds, a console script, an entry file and what it starts), else the one
service beneath its folder, else an image service of everything beneath it; with the names the image
is known by (its folder, `docker build -t` tags, compose's `image:` beside `build:`)."""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..builds import Dockerfile, Projects
from ..model import FileFacts, ImageOrigin
from .builtprograms import built_go_program
from .dockerentry import Entry, entry_of, folders_of, in_repository
from .drafts import Draft, files_under, folder_of, under
from .images import image_key
from .pyimports import python_closure


def _runs(dockerfile: Dockerfile, drafts: list[Draft], projects: Projects) -> list[Draft]:
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
    folder, name = folder_of(dockerfile.path), posixpath.basename(dockerfile.path)
    stem = name.split(".")[0] if name.lower().endswith((".dockerfile", ".containerfile")) else ""
    for marker in ("Dockerfile", "Containerfile"):
        if name.startswith(marker) and len(name) > len(marker) + 1:
            stem = name[len(marker) + 1:]
    if stem:
        return stem
    return posixpath.basename(folder) if folder != "." else projects.root_name


def _entry_draft(dockerfile: Dockerfile, entry: Entry, projects_of: dict[str, list[Draft]], image: str,
                 by_path: dict[str, FileFacts], known: frozenset[str], folders: frozenset[str]) -> Draft:
    """The program an image runs by path: the Python project that holds the entry; but in the project at
    the repository's root (a monorepo's umbrella) or in none, the entry file with the repository modules
    it imports, not everything beside it. ``projects_of``: file -> the Python projects (not the root
    one) that hold it, in the drafts' order."""
    own = projects_of.get(entry.path, [])
    if own:
        return max(own, key=lambda d: len(d.root))
    if entry.path.endswith(".py"):
        closure = python_closure([entry.path], by_path, folder_of(entry.path))
        return Draft(image, "image", folder_of(entry.path), dockerfile.path, closure)
    script = by_path.get(entry.path)
    why = "a script that may start programs envlint does not follow"
    # The Python programs the script runs are part of what the image runs (``known``: the facts' paths
    # and the discovered files, computed once for every Dockerfile by the caller).
    # A binary it execs is linked by name elsewhere; the scripts it sources or runs get its environment.
    started = [found for t in (script.runs if script else ()) if t.kind != "program"
               if (found := in_repository(dockerfile, t.value, t.kind == "python-module", entry.context, known,
                                          folders))]
    closure = python_closure(started, by_path, ".") if started else []
    return Draft(image, "image", folder_of(entry.path), dockerfile.path, [entry.path, *closure],
                  incomplete=f"runs {entry.path}, {why}" if script is not None and script.reads
                  else f"runs {entry.path}, whose reads envlint does not extract")


def _outside_program(dockerfile: Dockerfile) -> str:
    """Why the image's program is not (all) in the repository, or "". An image without a command of its
    own in a project's folder is taken to run that project (the command often comes from compose)."""
    if dockerfile.base_is_argument:
        return f"{dockerfile.path} is built FROM {dockerfile.base}, an image chosen at build time"
    return ""


def assign_images(drafts: list[Draft], projects: Projects, all_files: list[str],
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
    projects_of: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.kind == "python" and draft.root != ".":
            for path in dict.fromkeys(draft.files):
                projects_of[path].append(draft)
    for dockerfile in projects.dockerfiles:
        folder = folder_of(dockerfile.path)
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
            inside = [d for d in drafts if under(d.root, folder) and d.kind != "image"]
            # A binary built in the image may be the one program beneath its folder; a script or a
            # program the repository does not hold (`/init.sh` of the base image) is not.
            built = bool(dockerfile.command) and not dockerfile.command[0].endswith(".sh") and not incomplete
            chosen = ([d for d in inside if d.root == folder and folder != "."] or _runs(dockerfile, drafts, projects)
                      or (inside if len(inside) == 1 and built else []))
        if not chosen and folder == ".":
            continue  # a root build context is not the program: the Dockerfile's program is unknown
        if not chosen:
            beneath = files_under(all_files, folder)
            closure = python_closure([f for f in beneath if f.endswith(".py")], by_path, folder)
            base = f"runs the command of its base image {dockerfile.base}" if not dockerfile.command else ""
            chosen = [Draft(image, "image", folder, dockerfile.path, sorted(set(beneath) | set(closure)),
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
