"""Makefiles, as far as linking needs them: the recipe lines with the Makefile's own variables expanded.

Build commands are rarely written out in a Makefile: `$(DOCKERBUILD) -f $(DOCKERFILEPATH_CORE)/Dockerfile
-t $(DOCKERIMAGENAME_CORE):$(VERSIONTAG) .` only becomes `docker build -f make/photon/core/Dockerfile -t
goharbor/harbor-core:... .` once `DOCKERBUILD=$(DOCKERCMD) build`, `DOCKERCMD=$(shell which docker)` and
the rest are expanded. Expansion is textual, as make's recursive variables are: `=`, `:=`, `::=`, `?=`
(only when not yet assigned) and `+=`, also after `override`/`export`, the last assignment in the file
winning (both branches of an `ifeq` are read; the later one wins). `$(shell which X)` (or `command -v
X`) is `X`, `$(CURDIR)` is the folder make runs in (`.`: where commands are resolved from), and a
variable the file does not assign (given on the command line, or by a parent make with `-e`) stays as
written.
"""

from __future__ import annotations

import re

_ASSIGNMENT = re.compile(r"^(?:(?:override|export)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(::=|:=|\?=|\+=|=)\s*(.*)$")
_REFERENCE = re.compile(r"\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]")
_SHELL_WHICH = re.compile(r"\$[({]shell\s+(?:which|command\s+-v)\s+([\w.+-]+)(?:\s[^)}]*)?[)}]")
_DEPTH = 12  # nested references deeper than this are a cycle or not worth following


def variables(text: str) -> dict[str, str]:
    """The Makefile's variables as written (unexpanded), continuation lines joined."""
    out: dict[str, str] = {}
    in_define = False
    for line in _logical(text):
        if line.startswith("\t"):
            continue  # a recipe line
        stripped = line.strip()
        if stripped.startswith("define "):
            in_define = True
            continue
        if in_define:
            in_define = stripped != "endef"
            continue
        match = _ASSIGNMENT.match(stripped)
        if not match or stripped.startswith("#"):
            continue
        name, operator, value = match.group(1), match.group(2), match.group(3).split(" #", 1)[0].strip()
        if operator == "?=" and name in out:
            continue
        out[name] = f"{out[name]} {value}" if operator == "+=" and name in out else value
    return out


def expand(value: str, known: dict[str, str], depth: int = 0) -> str:
    value = _SHELL_WHICH.sub(lambda m: m.group(1), value)
    if depth > _DEPTH:
        return value

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "CURDIR":
            return "."
        if name not in known:
            return match.group(0)
        return expand(known[name], known, depth + 1)

    return _REFERENCE.sub(one, value)


def recipe_lines(text: str) -> list[tuple[int, str]]:
    """(line number, expanded command) of each recipe line (continuations joined), with make's `@`, `-`
    and `+` prefixes dropped and `$$` turned into the shell's `$`."""
    known = variables(text)
    out = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index]
        while line.rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            line = line.rstrip()[:-1] + " " + lines[index].strip()
        index += 1
        if not line.startswith("\t"):
            continue
        command = line.strip().lstrip("@-+").strip()
        if "$" in command:
            command = expand(command, known).replace("$$", "$")
        out.append((number, command))
    return out


def _logical(text: str) -> list[str]:
    out: list[str] = []
    buffer = ""
    for line in text.splitlines():
        if line.rstrip().endswith("\\"):
            buffer += line.rstrip()[:-1] + " "
            continue
        out.append(buffer + line)
        buffer = ""
    if buffer:
        out.append(buffer)
    return out


def expanded_text(text: str) -> str:
    """The Makefile with each recipe line expanded in place (line numbers kept; a continued recipe is
    one line, its continuation lines blank), for the readers of command lines (`docker build -t`)."""
    lines = ["" if line.startswith("\t") else line for line in text.splitlines()]
    for number, command in recipe_lines(text):
        lines[number - 1] = "\t" + command
    return "\n".join(lines)
