"""docker compose files -> one LaunchSite per service per launch configuration.

Gets every compose file and every env file of the repository at once: services extend services of
other files, override and overlay files merge into base files, and `env_file:` names env files whose
entries become the sets of the site. services.py reads one service, merging.py merges services and
builds the site, overlays.py decides which files combine, interpolate.py reads `${VAR:-d}` values.
"""

from __future__ import annotations

import posixpath
import re

from ...filenames import is_compose_name
from ...model import EnvSet, FileFacts, Location, Problem
from .. import yamlsource as y
from ..envfiles import parse_env_file
from .overlays import launch_sites
from .launchers import given_by_makefiles
from .services import ServiceSpec, read_service
from .sniff import looks_like_compose

__all__ = ["extract_compose", "is_compose_file"]

# Templates of the project `.env`: `.env.example`, `.env.sample`, `.env.dist`, `.env.template`, `.env-dev`.
_ENV_TEMPLATE = re.compile(r"\.env(?:\.(?:example|sample|dist|template|defaults?)|-[\w.-]+)")


def is_compose_file(path: str) -> bool:
    return is_compose_name(posixpath.basename(path))


def _services(path: str, data: bytes) -> tuple[list[tuple[str, y.Node, y.Node]], Problem | None]:
    """(name, key node, service node) of each service; no services (and no problem) when the file is
    YAML but no compose file."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return [], Problem(Location(path, 1, 1), "not-utf8", "not UTF-8 text; skipped")
    documents, problem = y.load_documents(path, data)
    if problem is not None:
        return [], problem
    for document in documents:
        services = y.get(document, "services")
        if y.is_mapping(services):
            return [(name, key, node) for name, key, node in y.items(services) if y.is_mapping(node)], None
    return [], None


def _failed(path: str, exc: Exception) -> Problem:
    if isinstance(exc, RecursionError):
        return Problem(Location(path, 1, 1), "too-deep", "nested too deeply to analyse; skipped")
    return Problem(Location(path, 1, 1), "internal-error",
                   f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped")


def extract_compose(files: list[tuple[str, bytes]]) -> list[FileFacts]:
    """One FileFacts per compose file, in input order. Never raises: an extractor bug costs the
    compose files a Problem, not the run."""
    contents = {posixpath.normpath(path): data for path, data in files}
    compose = [path for path, data in files if is_compose_file(path) or looks_like_compose(data)]
    try:
        return _extract(compose, contents)
    except Exception as exc:  # noqa: BLE001 - reported as a problem of every compose file
        return [FileFacts(path, "compose", problems=(_failed(path, exc),)) for path in compose]


def _extract(compose: list[str], contents: dict[str, bytes]) -> list[FileFacts]:
    env_cache: dict[tuple[str, str], list[EnvSet] | None] = {}

    def read_env_file(path: str, via: str) -> list[EnvSet] | None:
        if (path, via) not in env_cache:
            data = contents.get(path)
            env_cache[path, via] = None if data is None else \
                parse_env_file(path, data.decode("utf-8", errors="replace"), via=via)
        return env_cache[path, via]

    def defined_beside(path: str) -> frozenset[str]:
        """Names for interpolation from the `.env` beside the compose file (with a value: `X=` is still
        empty) and from its templates (`.env.example`, `.env-dev`, ...), which say the user sets them."""
        folder = posixpath.dirname(posixpath.normpath(path))
        names: set[str] = set()
        for candidate in contents:
            if posixpath.dirname(candidate) != folder:
                continue
            base = posixpath.basename(candidate)
            if base == ".env":
                names.update(s.name for s in read_env_file(candidate, "project .env") or () if s.name and s.value)
            elif _ENV_TEMPLATE.fullmatch(base):
                names.update(s.name for s in read_env_file(candidate, "project .env") or () if s.name)
        return frozenset(names) | given_by_makefiles(path, contents)

    nodes: dict[str, dict[str, tuple[y.Node, y.Node]]] = {}
    problems: dict[str, Problem] = {}
    for path in compose:
        found, problem = _services(path, contents[posixpath.normpath(path)])
        nodes[path] = {name: (key, node) for name, key, node in found}
        if problem is not None:
            problems[path] = problem

    specs: dict[tuple[str, str], ServiceSpec] = {}

    def lookup(path: str, name: str) -> ServiceSpec | None:
        path = next((p for p in nodes if posixpath.normpath(p) == path), path)
        if (path, name) not in specs:
            if name not in nodes.get(path, {}):
                return None
            key, node = nodes[path][name]
            specs[path, name] = read_service(path, name, key, node, read_env_file, defined_beside(path))
        return specs[path, name]

    sites = launch_sites({path: list(found) for path, found in nodes.items()}, lookup)
    return [FileFacts(path, "compose", launch_sites=tuple(sites[path]),
                      problems=(problems[path],) if path in problems else ())
            for path in compose]
