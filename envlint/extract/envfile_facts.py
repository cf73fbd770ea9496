"""The env files the graph stage needs, read here so that it never opens a file: every discovered env
file with its entries (`facts` lists them; `.env.example`-style files document names), and the files
that a `docker run --env-file` names, resolved against the repository's root or the launcher's folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..discover import SourceFile
from ..model import EnvSet, LaunchSite
from .envfiles import parse_env_file


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def env_file_entries(root: Path, files: tuple[SourceFile, ...],
                     loaded: Mapping[str, bytes]) -> tuple[tuple[str, tuple[EnvSet, ...]], ...]:
    """Every discovered env file with its entries (an unreadable one has none). One extraction already
    read (``loaded``) is not read again; one it could not decode is read with replacement characters."""
    def text(path: str) -> str:
        return loaded[path].decode("utf-8") if path in loaded else _text(root / path) or ""

    return tuple((f.path, tuple(parse_env_file(f.path, text(f.path)))) for f in files if f.kind == "env-file")


def referenced_env_files(root: Path, sites: list[LaunchSite],
                         seen: dict[str, str | None] | None = None) -> dict[str, frozenset[str]]:
    """The names of each env file a `docker run --env-file` names that the repository holds, by
    repository-relative path. A symlink that resolves outside the root is never read. ``seen`` gets
    every path looked at with the text read (None: none), for the whole-run cache: these files need not
    be discovered ones (a git-ignored `.env`)."""
    names: dict[str, frozenset[str]] = {}
    resolved_root = root.resolve()
    for site in sites:
        if site.kind != "docker-run":
            continue
        for ref in site.env_files:
            for candidate in ref.candidates():
                if candidate in names:
                    continue
                text = referenced_text(root, resolved_root, candidate)
                if seen is not None:
                    seen[candidate] = text
                if text is not None:
                    names[candidate] = frozenset(e.name for e in parse_env_file(candidate, text) if e.name)
    return names


def referenced_text(root: Path, resolved_root: Path, candidate: str) -> str | None:
    """The text of an env file a site names, when it is a file inside the root."""
    path = root / candidate
    try:
        inside = path.is_file() and path.resolve().is_relative_to(resolved_root)
    except OSError:
        inside = False
    return _text(path) if inside else None
