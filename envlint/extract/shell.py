"""Shell scripts: `docker run` command lines (`-e`, `--env`, `--env-file`, `--network host`, the image).

Read line by line with `\\` continuations joined and split as the shell would (shlex), which is enough
for launch lines; control flow is not followed. `$VAR` and `${VAR}` stay unresolved, except an image
given as a variable that the script assigns a literal (`IMAGE=ghcr.io/acme/api:1`) before the line, and
an array the script assigns literally (`"${params[@]}"`, shell_arrays.py).
`export K=V` before running a program of the repository is not followed yet.
"""

from __future__ import annotations

import bisect
import re

from .. import shellwords
from ..model import FileFacts, Location, TargetRef
from .docker_args import Token, parse_docker_run
from .commands import parse_command, split_commands
from .shell_arrays import EXPANSION, Word, arrays_before
from .shell_reads import scan

_RUN = re.compile(r"\bdocker\s+(?:container\s+)?run\b")
_ASSIGN = re.compile(r"^\s*(?:export\s+|readonly\s+|local\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\S*)")
# `python3 app/server.py`, `"$PY" -u rag/worker.py`, `exec python -m pkg.main`: a Python program the script
# runs (the interpreter by name, or through a variable holding it).
_PYTHON_RUN = re.compile(r"""(?:^|[\s;&|(])(?:[\w./-]*python[\d.]*|"?\$\{?\w+\}?"?)\s+(?:-[A-Za-z]\s+)*"""
                         r"""(?:-m\s+([\w.]+)|((?:\./|/)?[\w./-]+\.py))(?=[\s;&|)"']|$)""", re.M)
# `source x.sh`, `. /lib.sh`, `source $PWD/initdb.sh` (`$PWD` is where the script starts: the image's
# WORKDIR): a script read into this one, its reads part of the program.
_SOURCE = re.compile(r"^\s*(?:source|\.)\s+([^\s;&|]+)")
_PWD = re.compile(r"^\$\{?PWD\}?/")
# `exec /harbor/harbor_core -c conf.yml`: the program an entrypoint script hands its process to, by path.
_EXEC = re.compile(r"^[ \t]*exec[ \t]+((?:/|\./)[\w./-]+)(?=[\s;]|$)", re.M)
_VARIABLE = re.compile(r"^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}?$")


def _joined(lines: list[str], start: int) -> tuple[str, list[tuple[int, int]]]:
    """The command starting at line index ``start`` with continuations, and (offset, line) segments."""
    text, segments, index = "", [], start
    while index < len(lines):
        segments.append((len(text), index + 1))
        line = lines[index]
        if line.rstrip().endswith("\\"):
            text += line.rstrip()[:-1] + " "
            index += 1
            continue
        text += line
        break
    return text, segments


def _tokens(path: str, text: str, segments: list[tuple[int, int]], start: int,
            assigned: dict[str, tuple[str, Location]], arrays: dict[str, list[Word]]) -> list[Token]:
    command = re.split(r"\s(?:&&|\|\||;|\|)\s", text[start:], maxsplit=1)[0]
    try:
        words = shellwords.split(command, comments=True)
    except ValueError:
        words = command.split()
    tokens, cursor = [], start
    after_run = words[words.index("run") + 1:] if "run" in words else []
    for word in after_run:
        found = text.find(word.split("=")[0] if "$" in word else word, cursor)
        offset = found if found >= 0 else cursor
        cursor = offset + 1
        line_start, number = next((s, n) for s, n in reversed(segments) if s <= offset)
        location = Location(path, number, offset - line_start + 1)
        if "$" not in word:
            tokens.append(Token(location, word, source=word))
            continue
        array = EXPANSION.match(word)
        if array is not None:  # "${params[@]}": the array's words where they are written, else unknown
            known = arrays.get(array.group(1))
            tokens.extend(_word_token(w) for w in known) if known is not None else \
                tokens.append(Token(location, source=word, spread=True))
            continue
        variable = _VARIABLE.match(word)
        candidates = ()
        if variable and variable.group(1) in assigned:
            value, where = assigned[variable.group(1)]
            candidates = (TargetRef(kind="image", value=value, location=where, via=f"variable {variable.group(1)}"),)
        tokens.append(Token(location, prefix=word.split("$", 1)[0], source=word, candidates=candidates))
    return tokens


def _word_token(word: Word) -> Token:
    if "$" not in word.text:
        return Token(word.location, word.text, source=word.text)
    return Token(word.location, prefix=word.text.split("$", 1)[0], source=word.text)


def extract_shell_file(path: str, data: bytes) -> FileFacts:
    lines = data.decode("utf-8").splitlines()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def where(offset: int) -> Location:
        index = bisect.bisect_right(starts, offset) - 1
        return Location(path, index + 1, offset - starts[index] + 1)

    assigned: dict[str, tuple[str, Location]] = {}
    sites = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip()
        assignment = _ASSIGN.match(line)
        if assignment and "$" not in assignment.group(2):
            assigned[assignment.group(1)] = (assignment.group(2).strip("'\""),
                                             Location(path, index + 1, line.index(assignment.group(2)) + 1))
        match = _RUN.search(line) if not stripped.startswith("#") else None
        if match:
            text, segments = _joined(lines, index)
            arrays = arrays_before(path, lines, index, where) if "[@]" in text or "[*]" in text else {}
            tokens = _tokens(path, text, segments, match.start(), assigned, arrays)
            run = parse_docker_run([Token(Location(path, index + 1, match.start() + 1), "run")] + tokens)
            if run is not None:
                sites.append(run.site(Location(path, index + 1, match.start() + 1), "shell", None,
                                      "docker run in a shell script"))
            index += len(segments)
            continue
        index += 1
    text = "\n".join(lines)
    found = scan(text, where)
    runs = tuple(TargetRef(kind="python-module" if m.group(1) else "python-script", value=m.group(1) or m.group(2),
                           location=where(m.start(1) if m.group(1) else m.start(2)), via="shell")
                 for m in _PYTHON_RUN.finditer(text) if not _in_comment(text, m.start(1) if m.group(1) else m.start(2)))
    runs += _script_runs(path, lines)
    runs += tuple(TargetRef(kind="program", value=m.group(1), location=where(m.start(1)), via="exec in a shell script")
                  for m in _EXEC.finditer(text) if not m.group(1).endswith((".py", ".sh")))
    return FileFacts(
        path=path,
        language="shell",
        launch_sites=tuple(sites),
        reads=found.reads,
        reads_dynamic=found.dynamic,
        runs=runs,
    )


def _script_runs(path: str, lines: list[str]) -> tuple[TargetRef, ...]:
    """The repository scripts this one sources (`source x.sh`, `. x.sh`) or runs by path (`./build.sh`,
    `bash ci/x.sh`): they get its environment."""
    out = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            continue
        sourced = _SOURCE.match(line)
        written = _PWD.sub("", sourced.group(1).strip("'\"")) if sourced else ""
        if sourced and "$" not in written:
            out.append(
                TargetRef(
                    kind="script", value=written, location=Location(path, number, sourced.start(1) + 1), via="source"
                )
            )
            continue
        for offset, part in split_commands(line):
            command = parse_command(part)
            if command is not None and command.kind == "script":
                out.append(
                    TargetRef(
                        kind="script",
                        value=command.target,
                        location=Location(path, number, offset + command.offset + 1),
                        via="shell",
                    )
                )
    return tuple(out)


def _in_comment(text: str, offset: int) -> bool:
    line = text[text.rfind("\n", 0, offset) + 1:offset]
    return line.lstrip().startswith("#") or "echo " in line
