"""Programs that launch sites run by their path: a shell script, with the scripts it sources or runs by
path (they get its environment); a Python script, with the repository modules it imports and the Django
settings module it names (`os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hc.settings")`: Django
imports it when the script starts). A script inside a Python project is still its own program: what
`python tools/x.py` runs is that file and its imports, not every module of the project beside it; a
shell script an image service already holds (its entrypoint) is left to it.

A shell script hands its environment to every tool it runs (`docker compose` interpolates it, `make`
passes it on), so its reads are never taken as all it uses: such a service is incomplete.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model import FileFacts
from ..pymodules import module_files
from .pyimports import python_closure

_SETTINGS = "DJANGO_SETTINGS_MODULE"


@dataclass(frozen=True)
class ScriptProgram:
    name: str
    kind: str  # "python" or "script"
    root: str
    path: str  # the script the site runs
    files: tuple[str, ...]
    incomplete: str = ""


def _candidates(value: str, folders: tuple[str, ...]) -> list[str]:
    return [posixpath.normpath(posixpath.join(f, value)) if f not in ("", ".") else posixpath.normpath(value)
            for f in folders]


def _shell_closure(path: str, by_path: dict[str, FileFacts]) -> list[str]:
    """The script and, transitively, the repository scripts it sources or runs by path (relative to its
    own folder or to the repository's root, where scripts are usually run from)."""
    seen, stack = [path], [path]
    while stack:
        current = stack.pop()
        facts = by_path.get(current)
        for run in facts.runs if facts else ():
            if run.kind != "script":
                continue
            for candidate in _candidates(run.value, (posixpath.dirname(current), ".")):
                if candidate in by_path and candidate not in seen:
                    seen.append(candidate)
                    stack.append(candidate)
                    break
    return seen


def _python_closure(path: str, by_path: dict[str, FileFacts]) -> list[str]:
    root = posixpath.dirname(path) or "."
    files = python_closure([path], by_path, root)
    for facts in [by_path[f] for f in files if f in by_path]:
        for item in facts.process_sets:
            if item.name == _SETTINGS and item.value:
                settings = [c for m in module_files(item.value) for c in _candidates(m, (root, "."))
                            if c in by_path]
                if settings:
                    files = python_closure(sorted(set(files) | {settings[0]}), by_path, root)
    return files


def launched_scripts(facts: list[FileFacts], by_path: dict[str, FileFacts], owned: set[str]) -> list[ScriptProgram]:
    """The scripts that launch sites run by path, when the file is in the repository; one program per
    script however many sites run it. ``owned``: files of the services found so far."""
    found: dict[str, ScriptProgram] = {}
    for site in (s for f in facts for s in f.launch_sites):
        for target in site.targets:
            if target.kind not in ("script", "python-script"):
                continue
            path = next((c for c in _candidates(target.value, (".", posixpath.dirname(site.location.path)))
                         if c in by_path), None)
            if path is None or path in found or (path in owned and by_path[path].language != "python"):
                continue
            name = posixpath.basename(path).rsplit(".", 1)[0] or path
            root = posixpath.dirname(path) or "."
            if by_path[path].language == "python":
                found[path] = ScriptProgram(name, "python", root, path, tuple(_python_closure(path, by_path)))
            elif by_path[path].language == "shell":
                found[path] = ScriptProgram(name, "script", root, path, tuple(_shell_closure(path, by_path)),
                                            f"{path} is a shell script: the tools it runs get its environment too")
    return [found[p] for p in sorted(found)]
