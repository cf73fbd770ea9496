"""What an image runs, by exact path: a Dockerfile's ENTRYPOINT/CMD resolved through its WORKDIR and
the COPY instructions that put the build context into the image (`COPY worker /app` with
`python /app/server.py` is `worker/server.py`). Never by a file name's suffix: `main.py` somewhere else
in the repository is another program.
"""

from __future__ import annotations

import fnmatch
import posixpath
from dataclasses import dataclass

from ..builds import Dockerfile
from ..shellwords import SHELLS

_APP_SERVERS = ("uvicorn", "gunicorn", "hypercorn", "daphne")


@dataclass(frozen=True, kw_only=True)
class Entry:
    path: str  # the repository file the image runs
    context: str  # the build context it was found through


def folders_of(paths) -> frozenset[str]:
    """Every folder that holds one of the repository paths, up to the root ("."): what a COPY source may
    name besides a file."""
    out = {"."}
    for path in paths:
        folder = posixpath.dirname(path)
        while folder and folder not in out:
            out.add(folder)
            folder = posixpath.dirname(folder)
    return frozenset(out)


def _container_paths(dockerfile: Dockerfile) -> list[str]:
    """Absolute paths in the image that the command runs, most likely first."""
    words = list(dockerfile.command)
    while words and posixpath.basename(words[0]) in ("tini", "dumb-init", "exec", "--", "env"):
        words = words[1:]
    if not words:
        return []
    program = posixpath.basename(words[0])
    rest = [w for w in words[1:] if not w.startswith("-") or w == "-m"]
    relative: list[str] = []
    if program.startswith("python") and rest:
        if rest[0] == "-m" and len(rest) > 1:
            module = rest[1].replace(".", "/")
            relative = [module + ".py", module + "/__main__.py"]
        else:
            relative = [rest[0]]
    elif program in _APP_SERVERS and rest:
        target = next((w for w in rest if ":" in w and "=" not in w), rest[0])
        module = target.split(":", 1)[0].replace(".", "/")
        relative = [module + ".py", module + "/__init__.py"]
    elif program in SHELLS and rest and rest[0] != "-c":
        relative = [rest[0]]
    elif "/" in words[0] or words[0].endswith((".sh", ".py")):
        relative = [words[0]]
    out = []
    for path in relative:
        if path.startswith("/"):
            out.append(posixpath.normpath(path))
        else:
            # Relative to WORKDIR; an image with no WORKDIR of its own often runs from where it copied to.
            out.append(posixpath.normpath(posixpath.join(dockerfile.workdir, path)))
            out.extend(posixpath.normpath(posixpath.join(c.dest, path)) for c in dockerfile.copies
                       if c.dest.endswith("/") or len(c.sources) > 1 or _is_dir_copy(c.sources))
    return list(dict.fromkeys(out))


def _is_dir_copy(sources: tuple[str, ...]) -> bool:
    return all("." not in posixpath.basename(s) or s == "." for s in sources)


def _to_repository(path: str, dockerfile: Dockerfile, context: str, files: frozenset[str],
                   folders: frozenset[str]) -> str | None:
    for copy in reversed(dockerfile.copies):  # a later COPY overwrites an earlier one
        dest = copy.dest.rstrip("/") or "/"
        for source in copy.sources:
            if any(ch in source for ch in "*?["):
                # `COPY docker/entrypoint*.sh ./`: each matching file lands in the folder by its name
                pattern = posixpath.normpath(posixpath.join(context, source))
                name = posixpath.basename(path)
                local = posixpath.join(posixpath.dirname(pattern), name)
                if posixpath.dirname(path) == dest and local in files and fnmatch.fnmatchcase(local, pattern):
                    return local
                continue
            local = posixpath.normpath(posixpath.join(context, source))
            if local in folders or source in (".", "./"):
                prefix = dest if dest.endswith("/") else dest + "/"
                inside = path[len(prefix):] if path.startswith(prefix) else None
                if inside:
                    candidate = posixpath.normpath(posixpath.join(local, inside))
                    if candidate in files:
                        return candidate
            elif local in files:
                into = copy.dest.endswith("/") or len(copy.sources) > 1
                as_file = posixpath.join(dest, posixpath.basename(source)) if into else dest
                # `COPY start.sh /home/harbor` into a folder the base image has: the file keeps its name.
                if path == as_file or path == posixpath.join(dest, posixpath.basename(source)):
                    return local
    return None


def contexts(dockerfile: Dockerfile) -> list[str]:
    """Build contexts to try, nearest first: the Dockerfile's folder and each folder above it (the
    context compose or a script gives is often the repository root). A context is right when the command
    it gives resolves to a file that is there."""
    folder = posixpath.dirname(dockerfile.path) or "."
    out = [folder]
    while folder != ".":
        folder = posixpath.dirname(folder) or "."
        out.append(folder)
    return out


def in_repository(dockerfile: Dockerfile, target: str, module: bool, context: str, files: frozenset[str],
                  folders: frozenset[str]) -> str | None:
    """The repository file of a Python program an entrypoint script runs in the image (`python3
    api/server.py` from the WORKDIR, `python -m pkg.main`), through the COPY instructions."""
    relative = [target.replace(".", "/") + ".py", target.replace(".", "/") + "/__main__.py"] if module else [target]
    for path in relative:
        absolute = posixpath.normpath(posixpath.join(dockerfile.workdir, path))
        found = _to_repository(absolute, dockerfile, context, files, folders)
        if found:
            return found
    return None


def entry_of(dockerfile: Dockerfile, files: frozenset[str], folders: frozenset[str]) -> Entry | None:
    """The repository file the image runs, when its command names one that the build copied in."""
    for context in contexts(dockerfile):
        for path in _container_paths(dockerfile):
            found = _to_repository(path, dockerfile, context, files, folders)
            if found:
                return Entry(path=found, context=context)
    return None
