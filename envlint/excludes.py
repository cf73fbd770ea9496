"""Which paths the `exclude` patterns (and DEFAULT_EXCLUDE) remove from discovery: in the walk, each
folder and file as it is reached; in git's list, each file and the folders between it and the analysed
folder that holds it (the walk would have pruned them)."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Callable, Iterator

from .filenames import classify


def exclusion(patterns: tuple[str, ...], root: Path) -> Callable[[str], bool]:
    """A pattern matches a name, a path, or a folder that holds the path. Patterns relative to the
    analysed root match its repository-relative paths; absolute ones (a configuration file's patterns,
    anchored at its folder) match the absolute path."""
    inside = relative(tuple(p for p in patterns if not p.startswith("/")))
    # An absolute pattern matches only the path itself, never a folder that holds it: callers test every
    # folder beneath the analysed one, and the analysed folder and its parents are never pruned (a
    # fixture under the configuration's excluded `tests/fixtures` can still be analysed by itself).
    absolute = _regex(tuple(p for p in patterns if p.startswith("/")), holders=False).match
    if not any(p.startswith("/") for p in patterns):  # the usual case: no absolute path to test
        return inside
    prefix = root.resolve().as_posix().rstrip("/") + "/"
    return lambda rel: bool(inside(rel) or absolute(prefix + rel))


def relative(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """_regex(patterns).match, with the patterns that have no wildcard (all of DEFAULT_EXCLUDE, most
    configurations' own) tested as strings: a name matches a path whose first or last component it
    is (`(?:.*/)?name|name/.*`), a path one that is it or lies beneath it (`path(?:/.*)?`). The one
    regex of two dozen alternatives, each free to start anywhere, took 3 us a path."""
    names: set[str] = set()
    paths: set[str] = set()
    rest = []
    for pattern in patterns:
        bare = pattern.rstrip("/")
        if not bare or any(c in bare for c in "*?["):
            rest.append(pattern)
        elif "/" in bare:
            paths.add(bare)
        else:
            names.add(bare)
    regex = _regex(tuple(rest)).match if rest else None
    holders = tuple(path + "/" for path in sorted(paths))

    def excluded(rel: str) -> bool:
        if names and (rel.partition("/")[0] in names or rel.rpartition("/")[2] in names):
            return True
        if paths and (rel in paths or rel.startswith(holders)):
            return True
        return regex is not None and regex(rel) is not None

    return excluded


def _regex(patterns: tuple[str, ...], holders: bool = True) -> re.Pattern[str]:
    parts = []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        body = fnmatch.translate(pattern)[4:-3]  # strip fnmatch's "(?s:" and ")\\Z"
        if not holders:
            parts.append(f"(?:{body})")
            continue
        parts.append(f"(?:(?:.*/)?{body}|{body}/.*)" if "/" not in pattern else f"(?:{body}(?:/.*)?)")
    return re.compile(f"(?s:{'|'.join(parts)})\\Z") if parts else re.compile("(?!)")


def unexcluded(listed: list[str], root: Path, folders: tuple[Path, ...], excluded: Callable[[str], object],
                kind: Callable[[str], str | None] = classify) -> Iterator[str]:
    """The listed files the walk would reach: of a kind envlint reads, with neither the file nor a
    folder between it and the analysed folder that holds it excluded (the walk prunes such a folder;
    the folder given itself is never pruned)."""
    starts = sorted((f.relative_to(root).as_posix() if f != root else "" for f in folders), key=len, reverse=True)
    # Per folder of listed files: None when no analysed folder holds it, else whether a folder between
    # it and the deepest analysed folder holding it (the union of the walks prunes least) is excluded.
    pruned: dict[str, bool | None] = {}

    def prune(folder: str) -> bool | None:
        if folder in pruned:
            return pruned[folder]
        start = next((s for s in starts if not s or folder == s or folder.startswith(s + "/")), None)
        if start is None:
            pruned[folder] = None
            return None
        # The folders up from this one to the start, which all have the same deepest start; then down.
        chain = []
        while folder != start and folder not in pruned:
            chain.append(folder)
            folder = folder.rpartition("/")[0]
        above = pruned.setdefault(folder, False)  # the start is never pruned
        for folder in reversed(chain):
            above = pruned[folder] = bool(above or excluded(folder))
        return above

    for rel in listed:
        folder, _, name = rel.rpartition("/")
        if kind(name) is None:
            continue
        if prune(folder) is False and not excluded(rel):
            yield rel
