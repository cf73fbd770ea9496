"""The table of variables read by a language runtime or the platform rather than by the code."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .config import Config

_TABLE = Path(__file__).parent / "data" / "runtime_variables.toml"


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(_TABLE.read_text(encoding="utf-8"))


def builtin_table() -> dict[str, tuple[str, ...]]:
    """Names per language (and `any`, `platform`), as `envlint rules ENV002` prints them."""
    return {language: tuple(entry["names"]) for language, entry in _data().items() if language != "libraries"}


def library_table() -> dict[str, tuple[str, ...]]:
    """`language:module prefix` -> globs of the variables that library reads by itself."""
    return {key: tuple(globs) for key, globs in _data()["libraries"].items()}


def library_globs(imports: set[tuple[str, str]]) -> tuple[str, ...]:
    """Globs read by the libraries among ``imports`` ((language, module) pairs): a table entry's
    module matches itself and anything below it (`boto3.session`, `github.com/aws/aws-sdk-go-v2/config`)."""
    table = library_table()
    found: set[str] = set()
    for language, module in imports:
        # The module and each module above it, looked up: the table's keys, not the imports, are many.
        separator = "." if language == "python" else "/"
        parts = module.split(separator)
        for end in range(1, len(parts) + 1):
            found.update(table.get(f"{language}:{separator.join(parts[:end])}", ()))
    return tuple(sorted(found))


def is_glob(entry: str) -> bool:
    return any(c in entry for c in "*?[")


@dataclass(frozen=True)
class NameSet:
    """Exact names plus globs (`MYLIB_*` from the configuration): `name in` answers for both."""

    names: frozenset[str]
    globs: tuple[str, ...] = ()

    def __contains__(self, name: object) -> bool:
        return name in self.names or (isinstance(name, str) and any(fnmatch.fnmatchcase(name, g) for g in self.globs))

    def __or__(self, other: Iterable[str]) -> "NameSet":
        return NameSet(self.names | frozenset(other), self.globs)


def runtime_names(languages: tuple[str, ...], config: Config) -> NameSet:
    """Names read by the runtime of any of ``languages``, or by the platform, for one service; the
    configuration's entries may be globs (a library of the repository's own that reads `MYLIB_*`)."""
    table = builtin_table()
    names = set(table["any"]) | set(table["platform"])
    globs: set[str] = set()
    for language in languages:
        names.update(table.get(language, ()))
        for entry in config.runtime_variables.get(language, ()):  # type: ignore[call-overload]
            (globs if is_glob(entry) else names).add(entry)
    return NameSet(frozenset(names), tuple(sorted(globs)))
