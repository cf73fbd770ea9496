"""`//go:embed` directives: files compiled into the program (a default configuration whose
placeholders it expands). Only names and folders are kept; a pattern (`*.yaml`) is left out rather
than guessed.
"""

from __future__ import annotations

import posixpath
import re

from ... import shellwords
from .index import GoFile

_EMBED = re.compile(rb"^//go:embed[ \t]+(.+)$", re.MULTILINE)


def embeds(go_file: GoFile) -> tuple[str, ...]:
    """The repository paths the file's directives embed, in order."""
    if b"//go:embed" not in go_file.source.data:  # most files: a byte search, not a regex's scan of every line
        return ()
    folder = posixpath.dirname(go_file.path)
    out: list[str] = []
    for match in _EMBED.finditer(go_file.source.data):
        try:
            words = shellwords.split(match.group(1).decode("utf-8", "replace"))
        except ValueError:
            continue
        for word in words:
            if any(ch in word for ch in "*?[") or word.startswith(("/", "..")):
                continue
            out.append(posixpath.normpath(posixpath.join(folder, word.removeprefix("all:"))))
    return tuple(dict.fromkeys(out))
