"""Configuration: `[tool.envlint]` in pyproject.toml, or a top-level table in envlint.toml.

Keys are the command line's option names (as deptry does), plus the tables that declare services and
links. An unknown key or a value of the wrong type is a `ConfigError`, which the CLI turns into exit 2.
"""

from __future__ import annotations

import dataclasses
import glob
import re
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
    source: str = ""  # the file it came from, for messages ("" when none)
    path: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    ignore_variables: tuple[str, ...] = ()  # names or globs never reported
    output_format: str | None = None
    output_file: str | None = None
    baseline: str | None = None
    cache_dir: str | None = None  # where extraction's cache is (default: .envlint_cache in the root)
    color: str = "auto"
    respect_gitignore: bool = True
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False
    severity: dict[str, str] = field(default_factory=dict)  # rule code -> "error" | "warning" | "note"
    runtime_variables: dict[Language, tuple[str, ...]] = field(default_factory=dict)
    services: tuple[DeclaredService, ...] = ()
    links: tuple[DeclaredLink, ...] = ()
    jobs: int | None = None  # extraction processes (`--jobs`; None: automatic), a run's setting, no key


# Keys are the command line's option names; each maps to (Config field, expected type, allowed values).
_LISTS = ("select", "extend-select", "ignore", "exclude", "extend-exclude", "ignore-variables")
_STRINGS = {"output-format": None, "output-file": None, "baseline": None, "cache-dir": None,
            "color": ("auto", "always", "never")}
_BOOLS = ("respect-gitignore", "statistics", "exit-zero", "quiet")
_TABLES = ("severity", "runtime-variables", "services", "links")
KNOWN_KEYS = frozenset(_LISTS) | frozenset(_STRINGS) | frozenset(_BOOLS) | frozenset(_TABLES)
_SERVICE_KEYS = {"root", "images", "programs"}
_LINK_KEYS = {"site", "service"}
SEVERITIES = ("error", "warning", "note")
# A `runtime-variables` entry: a variable name, or a glob of names (`*`, `?`, `[A-Z]`, `[!_]`). Anything
# else (a space, `=`, an unclosed `[`) would silently match nothing, so it is an error instead.
_RUNTIME_ENTRY = re.compile(r"(?:[A-Za-z0-9_*?]|\[!?[A-Za-z0-9_-]+\])+")


def _declares(path: Path) -> bool:
    """envlint.toml always; pyproject.toml only with a [tool.envlint] table."""
    if path.name == "envlint.toml":
        return True
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: cannot be read as TOML: {exc}") from exc
    tool = data.get("tool")
    return isinstance(tool, dict) and "envlint" in tool


def find_config_file(start: Path) -> Path | None:
    """The nearest envlint.toml, or pyproject.toml with [tool.envlint], at or above ``start``
    (envlint.toml wins in one folder)."""
    for folder in (start, *start.parents):
        for name in ("envlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _declares(candidate):
                return candidate
    return None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    path = explicit or find_config_file(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path.name}: cannot be read as TOML: {exc}") from exc
    in_pyproject = path.name == "pyproject.toml"
    tool = data.get("tool")
    table = (tool.get("envlint", {}) if isinstance(tool, dict) else {}) if in_pyproject else data
    where = f"{path.name} [tool.envlint]" if in_pyproject else path.name
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings, not {type(table).__name__}")
    config = parse_table(table, where)
    folder = path.resolve().parent
    return dataclasses.replace(config, path=path, exclude=anchor_patterns(config.exclude, folder),
                               extend_exclude=anchor_patterns(config.extend_exclude, folder),
                               output_file=_contained(config.output_file, folder, f"{where}: output-file"),
                               baseline=_contained(config.baseline, folder, f"{where}: baseline"),
                               cache_dir=_contained(config.cache_dir, folder, f"{where}: cache-dir"))


def _contained(value: str | None, folder: Path, where: str) -> str | None:
    """A file path from a configuration file, relative to that file's folder and never outside it.

    The configuration belongs to the repository, which may be a stranger's pull request: obeyed
    anywhere, `output-file = "/etc/cron.d/x"` would make `check` write a file of partly attacker-chosen
    content where the user running it can. The command line's options are not limited."""
    if value is None:
        return None
    resolved = (folder / value).resolve()  # symlinks too: a link inside the folder may point out of it
    if not resolved.is_relative_to(folder):
        raise ConfigError(f"{where}: {value!r} is outside {folder}, the folder of the configuration file; "
                          "give a path outside it on the command line instead")
    return str(resolved)


def anchor_patterns(patterns: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    """Exclude patterns of a configuration file, anchored at that file's folder, as ruff does: with the
    file at the root, `services/legacy` names the same folder whether `.` or `services` is analysed.
    A pattern with a `/` becomes an absolute path pattern; one without matches a name at any depth and
    stays as written."""
    base = glob.escape(folder.as_posix()).rstrip("/")
    return tuple(f"{base}/{p.removeprefix('./')}" if "/" in p.rstrip("/") and not p.startswith("/") else p
                 for p in patterns)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def parse_table(table: dict, where: str) -> Config:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(KNOWN_KEYS))})")
    values: dict[str, object] = {}
    for key in set(_LISTS) & set(table):
        values[key.replace("-", "_")] = _strings(table[key], f"{where}: {key}")
    for key, allowed in _STRINGS.items():
        if key in table:
            if not isinstance(table[key], str) or (allowed and table[key] not in allowed):
                expected = " | ".join(allowed) if allowed else "a string"
                raise ConfigError(f"{where}: {key}: expected {expected}")
            values[key.replace("-", "_")] = table[key]
    for key in set(_BOOLS) & set(table):
        if not isinstance(table[key], bool):
            raise ConfigError(f"{where}: {key}: expected true or false")
        values[key.replace("-", "_")] = table[key]
    return Config(
        source=where,
        severity=_severity(table.get("severity", {}), where),
        runtime_variables=_runtime(table.get("runtime-variables", {}), where),
        services=_services(table.get("services", {}), where),
        links=_links(table.get("links", []), where),
        **values,  # type: ignore[arg-type]
    )


def _severity(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: severity: expected a table of rule codes")
    for code, level in table.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{where}: severity.{code}: expected one of {', '.join(SEVERITIES)}")
    return {code.upper(): level for code, level in table.items()}


def _runtime(table: object, where: str) -> dict[Language, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: runtime-variables: expected a table of languages")
    runtime: dict[Language, tuple[str, ...]] = {}
    for language, names in table.items():
        if language not in ("go", "python"):
            raise ConfigError(f"{where}: runtime-variables: unknown language {language!r} (go, python)")
        key = f"{where}: runtime-variables.{language}"
        runtime[language] = _strings(names, key)
        for entry in runtime[language]:
            if not _RUNTIME_ENTRY.fullmatch(entry):
                raise ConfigError(f"{key}: {entry!r} is neither a variable name nor a glob of names "
                                  "(letters, digits, _, *, ?, [...])")
    return runtime


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
        path, colon, line = spec["site"].rpartition(":")
        if not spec["site"] or (colon and not (path and line.isdigit() and int(line) > 0)):
            raise ConfigError(f"{here}: site {spec['site']!r}: expected \"path\" or \"path:line\" with a line number")
        out.append(DeclaredLink(spec["site"], spec["service"]))
    return tuple(out)


# Command-line options that are actions of one run, not settings.
_ACTIONS = frozenset({"write_baseline", "add_noqa", "show_config", "no_cache", "timings"})


def apply_options(config: Config, options: dict[str, object]) -> Config:
    """The command line's options over the configuration: a given option replaces the setting."""
    changes: dict[str, object] = {}
    for key, value in options.items():
        if key in _ACTIONS or value is None or value == ():
            continue
        if key == "severity":
            levels = dict(config.severity)
            for item in value:  # type: ignore[attr-defined]
                code, _, level = str(item).partition("=")
                if level not in SEVERITIES:
                    raise ConfigError(f"--severity {item}: expected CODE=LEVEL with LEVEL one of {', '.join(SEVERITIES)}")
                levels[code.upper()] = level
            value = levels
        elif isinstance(value, Path):
            value = str(value)
        changes[key] = value
    return dataclasses.replace(config, **changes)  # type: ignore[arg-type]


def describe_config(config: Config) -> str:
    """`--show-config`: every setting in effect, as TOML keys, and where the file is."""
    lines = [f"# settings from {config.path}" if config.path else "# no configuration file: defaults"]
    for item in dataclasses.fields(config):
        if item.name in ("source", "path", "services", "links", "runtime_variables", "severity", "jobs"):
            continue
        value = getattr(config, item.name)
        key = item.name.replace("_", "-")
        if isinstance(value, tuple):
            lines.append(f"{key} = [{', '.join(repr(v).replace(chr(39), chr(34)) for v in value)}]")
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif value is not None:
            lines.append(f'{key} = "{value}"')
    lines.extend(f'severity.{code} = "{level}"' for code, level in sorted(config.severity.items()))
    lines.extend(f"runtime-variables.{lang} = {list(names)}".replace("'", '"')
                 for lang, names in sorted(config.runtime_variables.items()))
    lines.extend(f'services.{s.name}.root = "{s.root}"' for s in config.services)
    lines.extend(f'links = {{ site = "{l.site}", service = "{l.service}" }}' for l in config.links)
    return "\n".join(lines) + "\n"
