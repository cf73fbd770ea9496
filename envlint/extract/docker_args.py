"""Reading a `docker run` argument list, whichever language built it.

The Go and Python extractors turn the argument expressions into `Token`s (a literal, or what is known
of a computed value); this module knows docker's command line: which options take a value, where the
image stands, and what `-e`, `--env-file` and `--network` mean.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from ..model import EnvFileRef, EnvSet, LaunchSite, Location, Source, TargetRef

# Options of `docker run` that take no value; every other option takes one (`--name x`, `-v a:b`, ...).
_BOOLEAN_FLAGS = frozenset(
    "-d --detach -i --interactive -t --tty -it -ti -dit --rm --init --privileged --read-only -P "
    "--publish-all --no-healthcheck --oom-kill-disable --sig-proxy -q --quiet --help".split()
)
_ENV_FLAGS = frozenset({"-e", "--env"})
_ENV_FILE_FLAGS = frozenset({"--env-file"})
_NETWORK_FLAGS = frozenset({"--network", "--net"})


@dataclass(frozen=True)
class Token:
    """One element of the argument list as far as static analysis knows it."""

    location: Location
    text: str | None = None  # the literal value, None when computed
    prefix: str = ""  # literal start of a computed value: "K=" for fmt.Sprintf("K=%s", v) or "K="+v
    condition: str | None = None  # the `if` guarding the append that added it
    source: str = ""  # source text, shown for dynamic names
    via: str = ""  # how the name was found (e.g. "key of map literal secrets")
    spread: bool = False  # `args...` / `*args`: an unknown number of elements
    candidates: tuple[TargetRef, ...] = ()  # literals that can reach a computed value (for the image)


@dataclass(frozen=True)
class DockerRun:
    sets: tuple[EnvSet, ...]
    env_files: tuple[EnvFileRef, ...]
    targets: tuple[TargetRef, ...]
    network_host: Literal["never", "always", "conditional"]
    network_condition: str | None
    command: str = ""  # the words after the image: what the container runs instead of its CMD

    def site(self, location: Location, language: Source, function: str | None, env_text: str,
             targets: tuple[TargetRef, ...] | None = None) -> LaunchSite:
        """The launch site this `docker run` is, written in ``language`` (its image targets, unless the
        caller knows them better): a container never inherits the launcher's environment."""
        return LaunchSite(
            location=location, kind="docker-run", language=language, function=function,
            targets=self.targets if targets is None else targets, sets=self.sets, inherits=False,
            env_files=self.env_files, network_host=self.network_host, network_condition=self.network_condition,
            env_text=env_text, command=self.command,
        )


def env_entry(token: Token, function: str | None = None) -> EnvSet:
    """`K=V` (a set), `K` (docker passes the launcher's K through), or a computed entry."""
    where = {"location": token.location, "condition": token.condition, "via": token.via, "function": function}
    if token.text is not None:
        name, eq, value = token.text.partition("=")
        return EnvSet(name=name, value=value if eq else None, passthrough=not eq, **where)
    if "=" in token.prefix:
        return EnvSet(name=token.prefix.partition("=")[0], **where)
    return EnvSet(name=None, name_text=token.source, **where)


def _split_inline(text: str) -> tuple[str, str | None]:
    """`--env=K=V` -> ("--env", "K=V"); `-eK=V` -> ("-e", "K=V"); anything else unchanged."""
    if text.startswith("--") and "=" in text:
        flag, _, value = text.partition("=")
        return flag, value
    if len(text) > 2 and text[:2] == "-e" and not text.startswith("--"):
        return "-e", text[2:]
    return text, None


def parse_docker_run(tokens: list[Token], function: str | None = None) -> DockerRun | None:
    """None when the tokens are not `run ...` (or `container run ...`): docker build, pull, etc."""
    index = 0
    if tokens and tokens[0].text == "container":
        index = 1
    if index >= len(tokens) or tokens[index].text != "run":
        return None
    index += 1
    sets: list[EnvSet] = []
    env_files: list[EnvFileRef] = []
    targets: tuple[TargetRef, ...] = ()
    command = ""
    host_conditions: list[str | None] = []
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.spread:
            continue
        if token.text is None or not token.text.startswith("-"):
            targets = _image(token)
            command = " ".join(t.text if t.text is not None else t.source for t in tokens[index:])
            break
        flag, inline = _split_inline(token.text)
        if flag in _BOOLEAN_FLAGS:
            continue
        value = Token(token.location, inline, condition=token.condition) if inline is not None else None
        if value is None and index < len(tokens):
            value = tokens[index]
            index += 1
        if value is None:
            break
        condition = value.condition or token.condition
        if flag in _ENV_FLAGS:
            entry = env_entry(value, function)
            sets.append(entry if entry.condition == condition else _with_condition(entry, condition))
        elif flag in _ENV_FILE_FLAGS:
            env_files.append(EnvFileRef(path=value.text if value.text is not None else f"<{value.source}>",
                                        location=value.location, condition=condition))
        elif flag in _NETWORK_FLAGS and value.text == "host":
            host_conditions.append(condition)
    network: Literal["never", "always", "conditional"] = "never"
    network_condition = None
    if host_conditions:
        unconditional = any(c is None for c in host_conditions)
        network = "always" if unconditional else "conditional"
        network_condition = None if unconditional else " || ".join(c for c in host_conditions if c)
    return DockerRun(tuple(sets), tuple(env_files), targets, network, network_condition, command)


def _with_condition(entry: EnvSet, condition: str | None) -> EnvSet:
    return replace(entry, condition=condition)


def _image(token: Token) -> tuple[TargetRef, ...]:
    if token.text is not None:
        return (TargetRef(kind="image", value=token.text, location=token.location, via=token.via or "literal"),)
    return tuple(TargetRef(kind="image", value=c.value, location=c.location, via=c.via) for c in token.candidates)
