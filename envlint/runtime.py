"""The table of variables read by a language runtime or the platform rather than by the code."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .config import Config

_TABLE = Path(__file__).parent / "data" / "runtime_variables.toml"


@lru_cache(maxsize=1)
def builtin_table() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(_TABLE.read_text(encoding="utf-8"))
    return {language: tuple(entry["names"]) for language, entry in data.items()}


def runtime_names(languages: tuple[str, ...], config: Config) -> frozenset[str]:
    """Names read by the runtime of any of ``languages``, or by the platform, for one service."""
    table = builtin_table()
    names = set(table["any"]) | set(table["platform"])
    for language in languages:
        names.update(table.get(language, ()))
        names.update(config.runtime_variables.get(language, ()))  # type: ignore[call-overload]
    return frozenset(names)
