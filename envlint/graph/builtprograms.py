"""The Go program an image runs under the name its build gives the binary: `ENTRYPOINT
["/harbor/harbor_core"]`, or an entrypoint script that ends in `exec /harbor/harbor_core`, where the
repository builds `harbor_core` with `go build -o .../harbor_core` from one main package (a Makefile
recipe, or a stage of the Dockerfile). The binary's name alone decides, and only when every build of
that name makes the same main package.
"""

from __future__ import annotations

import posixpath

from ..builds import Dockerfile
from ..builds import GoBuild
from ..model import FileFacts

_WRAPPERS = ("tini", "dumb-init", "exec", "--", "env")


def _names(dockerfile: Dockerfile, script: FileFacts | None) -> list[str]:
    """The file names of the programs the image runs: its command's, then what its script execs."""
    words = list(dockerfile.command)
    while words and posixpath.basename(words[0]) in _WRAPPERS:
        words = words[1:]
    names = []
    if words and not words[0].endswith((".sh", ".py")) and "$" not in words[0]:
        names.append(posixpath.basename(words[0]))
    names.extend(posixpath.basename(t.value) for t in (script.runs if script else ()) if t.kind == "program")
    return names


def built_go_program(dockerfile: Dockerfile, script: FileFacts | None, builds: tuple[GoBuild, ...],
                     go_roots: frozenset[str]) -> tuple[str, GoBuild] | None:
    """(the main package's folder, the build that names it) for the program the image runs, if known."""
    for name in _names(dockerfile, script):
        matching = [b for b in builds if b.binary == name]
        found = {p for b in matching for p in b.packages if p in go_roots}
        # Each build picks its first candidate that is a main package; all must agree.
        picks = {next((p for p in b.packages if p in go_roots), None) for b in matching}
        if len(found) == 1 and None not in picks:
            return found.pop(), matching[0]
    return None
