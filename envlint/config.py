"""Configuration: `[tool.envlint]` in pyproject.toml, or a top-level table in envlint.toml.

Keys are the command line's option names (as deptry does), plus the tables that declare services and
links. An unknown key or a value of the wrong type is a `ConfigError`, which the CLI turns into exit 2.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Language


class ConfigError(Exception):
    """A configuration problem; the message says what and where."""


@dataclass(frozen=True)
class DeclaredService:
    name: str
    root: str  # folder, relative to the analysed root
    images: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeclaredLink:
    site: str  # "path" (every site in the file) or "path:line"
    service: str


@dataclass(frozen=True)
class Config:
    source: str = ""  # the file it came from, for messages
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    output_format: str | None = None
    respect_gitignore: bool = True
    runtime_variables: dict[Language, tuple[str, ...]] = field(default_factory=dict)
    services: tuple[DeclaredService, ...] = ()
    links: tuple[DeclaredLink, ...] = ()


_LIST_KEYS = {"select", "extend-select", "ignore", "exclude", "extend-exclude"}
_KNOWN = _LIST_KEYS | {"output-format", "respect-gitignore", "runtime-variables", "services", "links"}
_SERVICE_KEYS = {"root", "images", "programs"}
_LINK_KEYS = {"site", "service"}


def find_config_file(root: Path) -> Path | None:
    """envlint.toml wins over pyproject.toml; a pyproject.toml counts only with a [tool.envlint] table."""
    candidate = root / "envlint.toml"
    if candidate.is_file():
        return candidate
    candidate = root / "pyproject.toml"
    if candidate.is_file():
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(f"{candidate.name}: cannot be read as TOML: {exc}") from exc
        if "envlint" in data.get("tool", {}):
            return candidate
    return None


def load_config(root: Path, explicit: Path | None = None) -> Config:
    path = explicit or find_config_file(root)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path.name}: cannot be read as TOML: {exc}") from exc
    table = data.get("tool", {}).get("envlint", {}) if path.name == "pyproject.toml" else data
    where = f"{path.name} [tool.envlint]" if path.name == "pyproject.toml" else path.name
    return parse_table(table, where)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def parse_table(table: dict, where: str) -> Config:
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        known = ", ".join(sorted(_KNOWN))
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known keys: {known})")
    lists = {key.replace("-", "_"): _strings(table[key], f"{where}: {key}") for key in _LIST_KEYS & set(table)}
    output_format = table.get("output-format")
    if output_format is not None and not isinstance(output_format, str):
        raise ConfigError(f"{where}: output-format: expected a string")
    respect = table.get("respect-gitignore", True)
    if not isinstance(respect, bool):
        raise ConfigError(f"{where}: respect-gitignore: expected true or false")
    runtime: dict[Language, tuple[str, ...]] = {}
    for language, names in (table.get("runtime-variables") or {}).items():
        if language not in ("go", "python"):
            raise ConfigError(f"{where}: runtime-variables: unknown language {language!r} (go, python)")
        runtime[language] = _strings(names, f"{where}: runtime-variables.{language}")
    return Config(
        source=where,
        output_format=output_format,
        respect_gitignore=respect,
        runtime_variables=runtime,
        services=_services(table.get("services", {}), where),
        links=_links(table.get("links", []), where),
        **lists,
    )


def _services(table: object, where: str) -> tuple[DeclaredService, ...]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: services: expected a table of services")
    out = []
    for name, spec in sorted(table.items()):
        here = f"{where}: services.{name}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{here}: expected a table")
        unknown = sorted(set(spec) - _SERVICE_KEYS)
        if unknown:
            raise ConfigError(f"{here}: unknown key {unknown[0]!r} (known keys: images, programs, root)")
        root = spec.get("root")
        if not isinstance(root, str):
            raise ConfigError(f"{here}: root: expected the service's folder as a string")
        out.append(DeclaredService(name, root.strip("/") or ".",
                                   _strings(spec.get("images", []), f"{here}: images"),
                                   _strings(spec.get("programs", []), f"{here}: programs")))
    return tuple(out)


def _links(items: object, where: str) -> tuple[DeclaredLink, ...]:
    if not isinstance(items, list):
        raise ConfigError(f"{where}: links: expected an array of tables ([[tool.envlint.links]])")
    out = []
    for index, spec in enumerate(items):
        here = f"{where}: links[{index}]"
        if not isinstance(spec, dict):
            raise ConfigError(f"{here}: expected a table with site and service")
        unknown = sorted(set(spec) - _LINK_KEYS)
        if unknown:
            raise ConfigError(f"{here}: unknown key {unknown[0]!r} (known keys: service, site)")
        if not isinstance(spec.get("site"), str) or not isinstance(spec.get("service"), str):
            raise ConfigError(f"{here}: site and service must both be strings")
        out.append(DeclaredLink(spec["site"], spec["service"]))
    return tuple(out)
