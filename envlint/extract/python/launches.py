"""Launch sites: subprocess.run/Popen/call/check_call/check_output, asyncio.create_subprocess_*.

Candidates come from rules/python/subprocess_calls.scm and count when the callee resolves to one of
the launchers through the file's imports. `["docker", "run", ...]` is read by docker_args (one
reader for both languages); other docker commands (build, pull, ...) start no service and give nothing.
"""

from __future__ import annotations

import posixpath
import re

from ...model import LaunchSite, TargetRef
from .. import syntax
from ..docker_args import Token, parse_docker_run
from ..syntax import Node
from .argv import Arg, ArgvReader
from .calls import argument, keyword
from .envdict import EnvReader, describe_env
from .names import FileIndex
from .scope import function_name

_LAUNCHERS = frozenset({
    "subprocess.run", "subprocess.Popen", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
})
_PYTHON = re.compile(r"^python(\d+(\.\d+)*)?$")
_PYTHON_OPTIONS_WITH_VALUE = frozenset({"-X", "-W", "-Q"})


def find_launches(index: FileIndex) -> list[LaunchSite]:
    sites: list[LaunchSite] = []
    seen: set[Node] = set()
    for match in syntax.matches("python", "subprocess_calls", index.root):
        call, callee = match["call"][0], index.qualify(match["func"][0])
        if callee not in _LAUNCHERS or call in seen:
            continue
        seen.add(call)
        site = _site(index, call, callee, match["args"][0])
        if site is not None:
            sites.append(site)
    return sites


def _site(index: FileIndex, call: Node, callee: str, args: Node) -> LaunchSite | None:
    reader = ArgvReader(index, call)
    if callee == "asyncio.create_subprocess_exec":  # program and arguments given one by one
        argv = reader.elements(list(args.named_children), None)
    else:
        argv = reader.command(argument(args, 0, "args"))
    location, function = index.source.location(call), function_name(call)
    if argv and _is_docker(argv[0]):
        tokens = [_token(index, arg) for arg in argv[1:]]
        run = parse_docker_run(tokens, function)
        if run is None:
            return None
        return run.site(location, "python", function, "docker run: only -e and --env-file reach the container")
    env_node = keyword(args, "env")
    shape = EnvReader(index, call).expression(env_node)
    return LaunchSite(
        location=location,
        kind="subprocess",
        language="python",
        function=function,
        targets=tuple(_targets(index, argv)),
        sets=tuple(shape.sets),
        inherits=shape.inherits or bool(shape.opaque),
        env_text=describe_env(env_node, shape),
    )


def _values(arg: Arg) -> list[tuple[str, Node, str]]:
    """(value, literal node, via) for each value the argument can hold."""
    if arg.text is not None:
        return [(arg.text, arg.node, "literal")]
    return [(lit.value, lit.node, lit.via) for lit in arg.literals]


def _is_docker(arg: Arg) -> bool:
    values = _values(arg)
    return bool(values) and all(posixpath.basename(v) == "docker" for v, _, _ in values)


def _targets(index: FileIndex, argv: list[Arg]) -> list[TargetRef]:
    if not argv or argv[0].spread:
        return []
    first = _values(argv[0])
    if argv[0].python or any(_PYTHON.match(posixpath.basename(v)) for v, _, _ in first):
        return _python_targets(index, argv[1:])
    return [TargetRef(kind="program", value=v, location=index.source.location(n), via=via) for v, n, via in first]


def _python_targets(index: FileIndex, rest: list[Arg]) -> list[TargetRef]:
    """`python -m pkg.mod` -> module, `python scripts/x.py` -> script; `-c` and unknowns -> none."""
    position = 0
    while position < len(rest):
        arg = rest[position]
        if arg.spread or arg.text == "-c":
            return []
        if arg.text == "-m":
            if position + 1 >= len(rest):
                return []
            values = _values(rest[position + 1])
            return [
                TargetRef(kind="python-module", value=v, location=index.source.location(n), via=via)
                for v, n, via in values
            ]
        if arg.text is not None and arg.text.startswith("-"):
            position += 2 if arg.text in _PYTHON_OPTIONS_WITH_VALUE else 1
            continue
        return [
            TargetRef(kind="python-script", value=v, location=index.source.location(n), via=via)
            for v, n, via in _values(arg)
        ]
    return []


def _token(index: FileIndex, arg: Arg) -> Token:
    text = arg.text
    if text is None and len(arg.literals) == 1:
        value = arg.literals[0].value
        # A variable holding a flag or a `K=V` entry is read as that literal; one holding anything
        # else stays computed so that an image keeps its candidates and their `via`.
        if value.startswith("-") or "=" in value:
            text = value
    candidates = tuple(TargetRef(kind="image", value=lit.value, location=index.source.location(lit.node), via=lit.via)
                       for lit in arg.literals)
    return Token(index.source.location(arg.node), text, arg.prefix, arg.condition, arg.source,
                 spread=arg.spread, candidates=candidates)
