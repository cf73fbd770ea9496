"""Merging service records (extends, override files, overlays) and turning one into a LaunchSite.

Compose merges key by key: the later service's image, build and network_mode win, `environment`
merges by variable name (the later value replaces the earlier), `env_file` lists are appended.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ...model import EnvSet, LaunchSite
from .services import ServiceSpec

# Looks a service up: (compose file, service name) -> its record as written, or None.
Lookup = Callable[[str, str], "ServiceSpec | None"]


def merge(base: ServiceSpec, over: ServiceSpec) -> ServiceSpec:
    """``over`` applied on ``base``; the result stands where ``over`` is written."""
    names = {s.name for s in over.environment}
    paths = {u.resolved for u in over.env_files}
    return replace(
        over,
        image=over.image or base.image,
        build=over.build or base.build,
        environment=tuple(s for s in base.environment if s.name not in names) + over.environment,
        env_files=tuple(u for u in base.env_files if u.resolved not in paths) + over.env_files,
        network_mode=over.network_mode if over.network_mode is not None else base.network_mode,
        command=over.command if over.command is not None else base.command,
        mounts=tuple(sorted(set(base.mounts) | set(over.mounts))),
        extends=None,
        open_reason=over.open_reason or base.open_reason,
    )


def resolve(spec: ServiceSpec, lookup: Lookup, seen: frozenset[tuple[str, str]] = frozenset()) -> ServiceSpec:
    """The service with its `extends:` chain applied. A base envlint cannot find leaves the site open:
    it may set names nobody sees."""
    extends = spec.extends
    if extends is None:
        return spec
    path = extends.file or spec.path
    key = (path, extends.service)
    if key in seen:  # compose rejects the cycle; stop rather than recurse forever
        return replace(spec, extends=None, open_reason=f"extends {extends.service} forms a cycle")
    base = lookup(path, extends.service)
    if base is None:
        where = f" in {extends.written}" if extends.file else ""
        reason = f"extended service {extends.service}{where} is not in the repository"
        return replace(spec, extends=None, open_reason=spec.open_reason or reason)
    return merge(resolve(base, lookup, seen | {key, (spec.path, spec.name)}), spec)


def _env_text(spec: ServiceSpec) -> str:
    parts = []
    if spec.environment:
        parts.append("compose environment")
    if spec.env_files:
        parts.append("env_file " + ", ".join(u.ref.path for u in spec.env_files))
    return " and ".join(parts) if parts else "compose: no environment"


def to_site(spec: ServiceSpec, function: str) -> LaunchSite:
    file_sets: tuple[EnvSet, ...] = tuple(s for u in spec.env_files for s in u.sets)
    missing = [u.ref.path for u in spec.env_files if u.missing]
    open_reason = spec.open_reason or (f"env file {missing[0]} is not in the repository" if missing else "")
    return LaunchSite(
        location=spec.location,
        kind="compose",
        language="compose",
        function=function,
        names=(spec.name,),
        targets=tuple(t for t in (spec.image, spec.build) if t is not None),
        # env_file entries first: compose lets `environment` win over them
        sets=file_sets + spec.environment,
        inherits=False,  # a container gets only what compose passes
        env_files=tuple(u.ref for u in spec.env_files),
        network_host="always" if spec.network_mode == "host" else "never",
        env_text=_env_text(spec),
        open_reason=open_reason,
        command=spec.command or "",
        config_files=spec.mounts,
        guessed="; ".join(u.guess for u in spec.env_files if u.guess),
    )
