"""docker compose files -> one LaunchSite per service per launch configuration.

Gets every compose file and every env file of the repository at once: services extend services of
other files, override and overlay files merge into base files, and `env_file:` names env files whose
entries become the sets of the site. services.py reads one service, merging.py merges services and
builds the site, overlays.py decides which files combine, interpolate.py reads `${VAR:-d}` values.
"""

from __future__ import annotations

import posixpath
import re

from dataclasses import replace

from ...filenames import is_compose_name, rendered_name
from ...model import EnvSet, FileFacts, Location, Problem
from .. import yamlsource as y
from ..envfiles import parse_env_file
from .jinja import detemplate, is_template, parse_env_template, template_of
from .overlays import launch_sites
from .launchers import given_by_makefiles
from .services import ServiceSpec, read_service
from .sniff import looks_like_compose

__all__ = ["extract_compose", "is_compose_file"]

# Templates of the project `.env`: `.env.example`, `.env.sample`, `.env.dist`, `.env.template`, `.env-dev`.
_ENV_TEMPLATE = re.compile(r"\.env(?:\.(?:example|sample|dist|template|defaults?)|-[\w.-]+)")


def is_compose_file(path: str) -> bool:
    name = posixpath.basename(path)
    return is_compose_name(name) or is_compose_name(rendered_name(name) or "")


def _services(path: str, data: bytes) -> tuple[list[tuple[str, y.Node, y.Node]], Problem | None]:
    """(name, key node, service node) of each service; no services (and no problem) when the file is
    YAML but no compose file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [], Problem(location=Location(path, 1, 1), kind="not-utf8", message="not UTF-8 text; skipped")
    if is_template(path):
        data = detemplate(text)[0].encode("utf-8")
    documents, problem = y.load_documents(path, data)
    if problem is not None:
        return [], problem
    for document in documents:
        services = y.get(document, "services")
        if y.is_mapping(services):
            found = [(name, key, node) for name, key, node in y.items(services) if y.is_mapping(node)]
            return found, _odd_shape(path, services)
    shapes = [d for d in documents if d is not None and not y.is_mapping(d)]
    if shapes:  # named like a compose file, but a list or a scalar: nothing in it can be read
        return [], Problem(location=y.location(path, shapes[0]), kind="invalid-compose",
                           message=f"the document is {_shape(shapes[0])}, not a mapping with services; skipped")
    services = next((y.get(d, "services") for d in documents if y.get(d, "services") is not None), None)
    if services is not None:
        return [], Problem(location=y.location(path, services), kind="invalid-compose",
                           message=f"services is {_shape(services)}, not a mapping of services; skipped")
    return [], None


def _shape(node: y.Node) -> str:
    return "a list" if y.is_sequence(node) else "a scalar" if y.scalar(node) is not None else "not a mapping"


def _odd_shape(path: str, services: y.Node) -> Problem | None:
    """The first service, or `environment` of one, that compose would reject: said, not skipped silently."""
    for name, key, node in y.items(services):
        if not y.is_mapping(node) and not (y.scalar(node) is not None and node.tag.endswith(":null")):
            return Problem(location=y.location(path, key), kind="invalid-compose",
                           message=f"service {name} is {_shape(node)}, not a mapping; skipped")
        environment = y.get(node, "environment") if y.is_mapping(node) else None
        if environment is not None and y.scalar(environment) is not None and not environment.tag.endswith(":null"):
            return Problem(
                location=y.location(path, environment),
                kind="invalid-compose",
                message=f"environment of service {name} is a scalar, not a mapping or a list; its names are unknown",
            )
    return None


def _failed(path: str, exc: Exception) -> Problem:
    if isinstance(exc, RecursionError):
        return Problem(location=Location(path, 1, 1), kind="too-deep", message="nested too deeply to analyse; skipped")
    return Problem(location=Location(path, 1, 1), kind="internal-error",
                   message=f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped")


def extract_compose(files: list[tuple[str, bytes]]) -> list[FileFacts]:
    """One FileFacts per compose file, in input order. Never raises: an extractor bug costs the
    compose files a Problem, not the run."""
    contents = {posixpath.normpath(path): data for path, data in files}
    compose = [path for path, data in files if is_compose_file(path) or looks_like_compose(data)]
    try:
        return _extract(compose, contents)
    except Exception as exc:  # noqa: BLE001 - reported as a problem of every compose file
        return [FileFacts(path=path, language="compose", problems=(_failed(path, exc),)) for path in compose]


def _extract(compose: list[str], contents: dict[str, bytes]) -> list[FileFacts]:
    env_cache: dict[tuple[str, str], list[EnvSet] | None] = {}
    templates = sorted(p for p in contents if is_template(p) and not is_compose_file(p))
    guesses: dict[str, str] = {}  # env file as resolved -> the template taken, by a guess, to render it

    def read_env_file(path: str, via: str) -> list[EnvSet] | None:
        if (path, via) not in env_cache:
            data = contents.get(path)
            # `.env.tmpl` and the like hold `{% if %}` blocks and `{{ }}` values as the Jinja ones do.
            if data is not None and (is_template(path) or b"{%" in data or b"{{" in data):
                env_cache[path, via] = parse_env_template(path, data.decode("utf-8", errors="replace"), via=via)
            elif data is not None:
                env_cache[path, via] = parse_env_file(path, data.decode("utf-8", errors="replace"), via=via)
            else:
                env_cache[path, via] = rendered(path, via)
        return env_cache[path, via]

    def rendered(path: str, via: str) -> list[EnvSet] | None:
        """An env file that is not in the repository but rendered from one of its templates."""
        found = template_of(path, templates)
        if found is None:
            return None
        template, guess = found
        if guess:
            guesses[path] = template
        return parse_env_template(template, contents[template].decode("utf-8", errors="replace"),
                                  via=f"{via} (template {template})")

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
            spec = read_service(path, name, key, node, read_env_file, defined_beside(path))
            specs[path, name] = _templated(spec, contents[posixpath.normpath(path)], guesses) \
                if is_template(path) or guesses else spec
        return specs[path, name]

    sites = launch_sites({path: list(found) for path, found in nodes.items()}, lookup)
    # A template envlint cannot read as YAML is not broken (the tool that renders it reads it): a note.
    return [FileFacts(path=path, language="compose", launch_sites=tuple(sites[path]),
                      problems=(problems[path],) if path in problems and not is_template(path) else (),
                      notes=(_as_note(problems[path]),) if path in problems and is_template(path) else ())
            for path in compose]


def _as_note(problem: Problem) -> Problem:
    return Problem(location=problem.location, kind="jinja-template",
                   message=f"a Jinja template envlint could not read as the compose file it renders: {problem.message}")


def _templated(spec: ServiceSpec, data: bytes, guesses: dict[str, str]) -> ServiceSpec:
    """A compose template's `environment` entries inside `{% if %}` are set under that condition; an env
    file taken to be rendered from a template by its name says so."""
    environment = spec.environment
    if is_template(spec.path):
        guarded = detemplate(data.decode("utf-8", errors="replace"))[1]
        environment = tuple(replace(s, condition=guarded[s.location.line])
                            if s.location.line in guarded and s.condition is None else s for s in environment)
    env_files = tuple(replace(u, guess=f"env file {u.ref.path} taken to be rendered from {guesses[u.resolved]} (a guess)")
                      if u.resolved in guesses else u for u in spec.env_files)
    return replace(spec, environment=environment, env_files=env_files)
