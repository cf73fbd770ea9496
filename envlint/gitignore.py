"""The `.gitignore` files of a walked tree, as git reads them (via pathspec's GitIgnoreSpec), for
discovery's walk outside a git work tree (walk.py).

A path is ignored when the `.gitignore` of some folder on its way (the analysed root's, or one below)
matches the rest of the path from that folder. The walk asks this once per name, so the ignore files
that apply in a folder are gathered once per folder (`Ignores`), not looked up again for every prefix
of every path beneath it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class IgnoreFile:
    """One `.gitignore`. Most paths match none of its patterns: one regex of all of them (negated ones
    too) says so at once, and pathspec's pattern-by-pattern evaluation, which decides negations, is
    compiled and run only for a path that matches some pattern. A `.gitignore` of 10,000 lines made a
    3,000-file walk take 17 s when every path was tested against every pattern."""

    def __init__(self, lines: list[str]) -> None:
        # Imported here: a run in a git work tree (git lists the files) never reads a .gitignore.
        from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

        self.lines = lines
        self.spec: pathspec.GitIgnoreSpec | None = None
        bodies = []
        for line in lines:
            regex, _ = GitIgnoreSpecPattern.pattern_to_regex(line)
            if regex is not None:
                bodies.append(_NAMED_GROUP.sub("(?:", regex))
        self.any = re.compile("|".join(f"(?:{b})" for b in bodies)) if bodies else None

    def matches(self, path: str) -> bool:
        if self.any is None or self.any.match(path) is None:
            return False
        if self.spec is None:
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(self.lines)
        return self.spec.match_file(path)


# The ignore files that apply to the names in one folder: (file, the folder's path from that file's
# folder plus "/", or "" for the folder's own file), the root's first.
Ignores = tuple[tuple[IgnoreFile, str], ...]


class GitIgnores:
    """The `.gitignore` files under ``root``, read once each, by folder (POSIX, relative to the root,
    "" for the root)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.specs: dict[str, IgnoreFile | None] = {}

    def spec(self, folder: str) -> IgnoreFile | None:
        if folder not in self.specs:
            path = self.root / folder / ".gitignore"
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else None
            except OSError:
                lines = None
            self.specs[folder] = IgnoreFile(lines) if lines else None
        return self.specs[folder]

    def of_start(self, folder: str) -> Ignores:
        """The ignore files of ``folder`` and of every folder above it up to the root."""
        parts = folder.split("/") if folder else []
        found = []
        for depth in range(len(parts) + 1):
            spec = self.spec("/".join(parts[:depth]))
            if spec is not None:
                found.append((spec, "".join(p + "/" for p in parts[depth:])))
        return tuple(found)

    def of_child(self, above: Ignores, folder: str, name: str, has_file: bool) -> Ignores:
        """The ignore files of ``folder`` (``name`` in the folder ``above`` applies to), given whether
        its listing holds a `.gitignore` (without one, is_file() would say no: not asked)."""
        ignores = tuple((spec, prefix + name + "/") for spec, prefix in above)
        spec = self.spec(folder) if has_file else None
        return ignores + ((spec, ""),) if spec is not None else ignores


def ignored(ignores: Ignores, name: str, is_dir: bool) -> bool:
    """Whether a file or folder ``name`` of the folder whose ignore files are ``ignores`` is ignored:
    git's rule as the path's test against each ignore file on its way."""
    if not ignores:
        return False
    tail = name + "/" if is_dir else name
    return any(spec.matches(prefix + tail) for spec, prefix in ignores)
