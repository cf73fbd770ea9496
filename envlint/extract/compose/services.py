"""One compose service as written in one file: image, build, environment, env_file, network_mode,
extends. Merging (extends, overrides, overlays) happens in merging.py, on these records.

Paths a service names (build context, env files) are resolved against the folder of the file that
writes them, as compose does, so a record keeps meaning once merged into a service of another file.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable

from ...model import EnvFileRef, EnvSet, Location, TargetRef
from .. import yamlsource as y
from .interpolate import env_value, lone_reference, substitute_defaults

_FALSE = frozenset({"false", "no", "off"})
# `build:` contexts compose fetches from elsewhere: no Dockerfile of the repository.
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*://|git@|github\.com/)", re.IGNORECASE)

# Reads an env file of the repository: (repository path, via) -> its entries, or None when absent.
EnvFileReader = Callable[[str, str], "list[EnvSet] | None"]


@dataclass(frozen=True)
class EnvFileUse:
    ref: EnvFileRef
    resolved: str  # repository path: the same file written from two folders is one file
    sets: tuple[EnvSet, ...]
    missing: bool  # required, and not in the repository: names envlint cannot see reach the container
    guess: str = ""  # why the file read stands for it only by a guess (a template matched by its name)


@dataclass(frozen=True)
class Extends:
    service: str
    file: str | None  # repository path of the other compose file; None for the same file
    written: str  # the `file:` as written, for messages


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    path: str  # the compose file that writes it
    location: Location  # its key node
    image: TargetRef | None = None
    build: TargetRef | None = None
    environment: tuple[EnvSet, ...] = ()
    env_files: tuple[EnvFileUse, ...] = ()
    network_mode: str | None = None
    extends: Extends | None = None
    open_reason: str = ""
    command: str | None = None  # `entrypoint` and `command` as written; None when neither is given
    mounts: tuple[str, ...] = ()  # repository files and folders bind-mounted into the container


def folder_of(path: str) -> str:
    return posixpath.dirname(path)


def repo_path(folder: str, relative: str) -> str:
    return posixpath.normpath(posixpath.join(folder, relative))


def _environment(path: str, node: y.Node | None, defined: frozenset[str]) -> tuple[EnvSet, ...]:
    out: list[EnvSet] = []
    if y.is_sequence(node):
        for item in y.sequence(node):
            text = y.scalar(item)
            if text is None:
                continue
            name, eq, raw = text.partition("=")
            if not name:
                continue
            out.append(_set(name, raw if eq else None, y.location(path, item), defined))
    for name, key_node, value_node in y.items(node):
        text = y.scalar(value_node)
        if text is None and value_node is not None and not _is_null(value_node):
            continue  # a mapping or list as value: not an environment entry compose accepts
        out.append(_set(name, None if _is_null(value_node) else text, y.location(path, key_node), defined))
    return tuple(out)


def _is_null(node: y.Node | None) -> bool:
    return node is None or (y.scalar(node) is not None and node.tag.endswith(":null"))


def _set(name: str, raw: str | None, location: Location, defined: frozenset[str]) -> EnvSet:
    if raw is None:  # `- K` or `K:`: compose passes the host's value on
        return EnvSet(name=name, location=location, value=None, passthrough=True, via="compose environment")
    value, empty_if_unset = env_value(raw)
    # The project's `.env` (or the template the user copies to it) gives the interpolated name a value.
    empty_if_unset = empty_if_unset and lone_reference(raw) not in defined
    return EnvSet(name=name, location=location, value=value, via="compose environment", empty_if_unset=empty_if_unset)


def _env_files(path: str, node: y.Node | None, read: EnvFileReader) -> tuple[EnvFileUse, ...]:
    entries = [node] if y.scalar(node) is not None else y.sequence(node)
    out = []
    for entry in entries:
        required = True
        value_node: y.Node | None = entry
        if y.is_mapping(entry):  # long form: `- path: ./x.env` with optional `required: false`
            value_node = y.get(entry, "path")
            flag = y.scalar(y.get(entry, "required"))
            required = flag is None or flag.lower() not in _FALSE
        written = y.scalar(value_node)
        if value_node is None or not written:
            continue
        resolved = repo_path(folder_of(path), substitute_defaults(written))
        sets = read(resolved, f"env_file {written}")
        out.append(
            EnvFileUse(
                EnvFileRef(path=written, location=y.location(path, value_node)),
                resolved,
                tuple(sets or ()),
                missing=sets is None and required,
            )
        )
    return tuple(out)


def _build(path: str, node: y.Node | None) -> TargetRef | None:
    context = y.scalar(node)
    dockerfile = "Dockerfile"
    if y.is_mapping(node):
        if y.get(node, "dockerfile_inline") is not None:
            return None  # the Dockerfile is in the compose file itself: no file of the repository
        context = y.scalar(y.get(node, "context")) or "."
        dockerfile = y.scalar(y.get(node, "dockerfile")) or "Dockerfile"
    if node is None or context is None or _REMOTE.match(context):
        return None
    context, dockerfile = substitute_defaults(context), substitute_defaults(dockerfile)
    dockerfile_path = repo_path(folder_of(path), posixpath.join(context, dockerfile))
    return TargetRef(kind="build", value=dockerfile_path, location=y.location(path, node), via="compose build")


def _extends(path: str, node: y.Node | None) -> Extends | None:
    name = y.scalar(node)
    if name is not None:
        return Extends(name, None, "")
    service = y.scalar(y.get(node, "service"))
    if service is None:
        return None
    written = y.scalar(y.get(node, "file"))
    if not written:
        return Extends(service, None, "")
    return Extends(service, repo_path(folder_of(path), substitute_defaults(written)), written)


def read_service(path: str, name: str, key_node: y.Node, node: y.Node, read: EnvFileReader,
                 defined: frozenset[str] = frozenset()) -> ServiceSpec:
    """``defined``: the names the `.env` beside the compose file, or its templates, give a value."""
    image_node = y.get(node, "image")
    image = y.scalar(image_node)
    network = y.scalar(y.get(node, "network_mode"))
    return ServiceSpec(
        name=name,
        path=path,
        location=y.location(path, key_node),
        image=TargetRef(
            kind="image", value=substitute_defaults(image), location=y.location(path, image_node), via="compose image"
        )
        if image_node is not None and image
        else None,
        build=_build(path, y.get(node, "build")),
        environment=_environment(path, y.get(node, "environment"), defined),
        env_files=_env_files(path, y.get(node, "env_file"), read),
        network_mode=substitute_defaults(network) if network is not None else None,
        extends=_extends(path, y.get(node, "extends")),
        command=_command(node),
        mounts=_mounts(path, y.get(node, "volumes")),
    )


def _mounts(path: str, node: y.Node | None) -> tuple[str, ...]:
    """Bind mounts of the repository (`./conf/app.yaml:/etc/app.yaml:ro`, `{type: bind, source: ...}`);
    named volumes and host paths outside the repository are not its files."""
    out = []
    for item in y.sequence(node) if y.is_sequence(node) else ():
        source = y.scalar(y.get(item, "source")) if y.is_mapping(item) else (y.scalar(item) or "").split(":")[0]
        if source and (source in (".", "..") or source.startswith(("./", "../"))):
            out.append(repo_path(folder_of(path), substitute_defaults(source)))
    return tuple(sorted(set(out)))


def _words(node: y.Node | None) -> str | None:
    """`command: a b` or `command: [a, b]` as one string; None when absent."""
    if node is None:
        return None
    return y.scalar(node) or " ".join(y.scalar(n) or "" for n in y.sequence(node))


def _command(node: y.Node) -> str | None:
    parts = [w for w in (_words(y.get(node, "entrypoint")), _words(y.get(node, "command"))) if w is not None]
    return " ".join(parts) if parts else None
