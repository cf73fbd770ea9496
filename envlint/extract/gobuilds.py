"""Go binaries the repository's own build makes: `go build -o NAME [PACKAGE]` in a Makefile recipe (also
inside `docker run -v $(PWD):/src -w /src/cmd/api golang go build ...`, or after `cd DIR &&`) and in a
Dockerfile stage (`WORKDIR /app/cmd/api` after `COPY . /app`, then `RUN go build -o /out/api`).

An image that runs `/harbor/harbor_core` runs the main package such a build names `harbor_core`: the name
of a binary is given by `-o`, not by its package's folder, so without this the image links to nothing.
Each record keeps the candidate folders of the package in the repository (the build's folder is not
always known: a Makefile may run from its own folder or the root, a Dockerfile's context from any
folder above it); the linker takes the one that holds a Go main package.
"""

from __future__ import annotations

import posixpath
import re

from .. import shellwords
from ..model import Location
from ..builds import Dockerfile, GoBuild
from .makefile import recipe_lines

# `go build` flags that take a value; the others (`-trimpath`, `-race`, `-v`) stand alone.
_GO_VALUE_FLAGS = frozenset("-o -ldflags -gcflags -asmflags -tags -mod -modfile -p -pkgdir -buildmode -compiler "
                            "-installsuffix -overlay -pgo -toolexec -C -covermode -coverpkg".split())
_DOCKER_BOOLEAN = frozenset("--rm -i -t -it -ti -d --privileged --init --interactive --tty --detach".split())
_SEPARATORS = re.compile(r"\s(?:&&|\|\||;)\s")
# The folder make runs in, as recipes write it: `$(PWD)`, `$(shell pwd)`, `$$(pwd)`, `` `pwd` ``.
_HERE = re.compile(r"^(?:\$[({](?:PWD|shell pwd|pwd)[)}]|\$PWD|`pwd`)")


def _words(command: str) -> list[str]:
    try:
        return shellwords.split(command, comments=True)
    except ValueError:
        return command.split()


def _go_build(words: list[str]) -> tuple[str | None, str, str] | None:
    """(output, package, -C folder) of `go build ...` words; None when they are no go build."""
    for index in range(len(words) - 1):
        if posixpath.basename(words[index]) == "go" and words[index + 1] == "build":
            break
    else:
        return None
    output, package, folder = None, ".", ""
    rest = words[index + 2:]
    position = 0
    while position < len(rest):
        word = rest[position]
        flag, eq, inline = word.lstrip("-").partition("=")
        flag = "-" + flag
        if word.startswith("-") and flag in _GO_VALUE_FLAGS:
            value = inline if eq else (rest[position + 1] if position + 1 < len(rest) else "")
            position += 1 if eq else 2
            if flag == "-o":
                output = value
            elif flag == "-C":
                folder = value
            continue
        if not word.startswith("-") and "$" not in word and package == ".":
            package = word
        position += 1
    return output, _package(package), folder


def _package(package: str) -> str:
    """`go build cmd/api/main.go` builds the package of that folder."""
    return posixpath.dirname(package) or "." if package.endswith(".go") else package


def _binary(output: str | None, package: str) -> str:
    if output and not output.endswith("/"):
        return posixpath.basename(output)
    return posixpath.basename(posixpath.normpath(package)) if package not in (".", "./") else ""


def _in_container(words: list[str]) -> tuple[list[str], str | None]:
    """`docker run -v HOST:DIR -w DIR/sub IMAGE cmd...` -> (cmd words, the working folder on the host)."""
    if "run" not in words[:3] or not words or posixpath.basename(words[0]) not in ("docker", "podman"):
        return words, None
    index = words.index("run") + 1
    volumes, workdir = [], None
    while index < len(words) and words[index].startswith("-"):
        flag, eq, inline = words[index].partition("=")
        if flag in _DOCKER_BOOLEAN:
            index += 1
            continue
        value = inline if eq else (words[index + 1] if index + 1 < len(words) else "")
        index += 1 if eq else 2
        if flag in ("-v", "--volume"):
            volumes.append(value.split(":")[:2])
        elif flag in ("-w", "--workdir"):
            workdir = value
    host = None
    for pair in volumes:
        if workdir and len(pair) == 2 and (workdir == pair[1] or workdir.startswith(pair[1].rstrip("/") + "/")):
            source = _HERE.sub(".", pair[0])
            if "$" not in source and not source.startswith(("/", "~")):
                host = posixpath.normpath(source + workdir[len(pair[1].rstrip("/")):])
    return words[index + 1:], host


def makefile_go_builds(path: str, text: str) -> list[GoBuild]:
    folder = posixpath.dirname(path)
    found = []
    for number, command in recipe_lines(text):
        if "build" not in command:
            continue
        cwd = ""
        for part in _SEPARATORS.split(command):
            words = _words(part)
            if len(words) == 2 and words[0] == "cd":
                cwd = posixpath.join(cwd, words[1])
                continue
            inner, host = _in_container(words)
            build = _go_build(inner)
            if build is None or (host is None and inner is not words):
                continue
            output, package, dash_c = build
            binary = _binary(output, package)
            if not binary:
                continue
            where = posixpath.join(host if host is not None else cwd, dash_c, package)
            bases = ("", folder) if host is not None or not folder else (folder, "")
            packages = tuple(dict.fromkeys(posixpath.normpath(posixpath.join(b, where)) for b in bases))
            found.append(GoBuild(binary=binary, packages=tuple(p for p in packages if not p.startswith("..")),
                                 location=Location(path, number, 1)))
    return found


def dockerfile_go_builds(dockerfile: Dockerfile) -> list[GoBuild]:
    """`RUN go build` in any stage: the package is the stage's WORKDIR (or `cd`), mapped back to the
    build context through that stage's COPY instructions; the context is any folder above the file."""
    folder = posixpath.dirname(dockerfile.path) or "."
    contexts = [folder]
    while contexts[-1] != ".":
        contexts.append(posixpath.dirname(contexts[-1]) or ".")
    found = []
    for run in dockerfile.runs:
        if "go" not in run.arguments:
            continue
        cwd = run.workdir
        for part in _SEPARATORS.split(run.arguments):
            words = _words(part)
            if len(words) == 2 and words[0] == "cd":
                cwd = posixpath.normpath(posixpath.join(cwd, words[1]))
                continue
            build = _go_build(words)
            if build is None:
                continue
            output, package, dash_c = build
            binary = _binary(output, package)
            inside = posixpath.normpath(posixpath.join(cwd, dash_c, package))
            packages = [p for copy in reversed(run.copies) for source in copy.sources
                        for p in _host(inside, source, copy.dest, contexts)]
            if binary and packages:
                found.append(GoBuild(binary=binary, packages=tuple(dict.fromkeys(packages)), location=run.location))
    return found


def _host(inside: str, source: str, dest: str, contexts: list[str]) -> list[str]:
    """The repository folders an image folder comes from by `COPY source dest`, one per context."""
    dest = dest.rstrip("/") or "/"
    if inside != dest and not inside.startswith(dest.rstrip("/") + "/"):
        return []
    rest = inside[len(dest):].lstrip("/")
    out = []
    for context in contexts:
        local = posixpath.normpath(posixpath.join(context, source, rest))
        if not local.startswith(".."):
            out.append(local)
    return out
