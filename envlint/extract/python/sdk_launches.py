"""Containers started through client libraries: the Docker SDK for Python and testcontainers.

- `docker.from_env().containers.run(image, command, environment=..., network_mode="host")` and
  `.containers.create(...)` in a file that imports `docker`: a "docker-run" site. `environment` is a
  mapping (followed like `env=` of subprocess) or a list of `"K=V"`; without it the container gets
  nothing of the launcher's environment.
- `DockerContainer(image)` / `GenericContainer(image)` from `testcontainers`, with `.with_env(K, V)`
  chained on it, or called on the variable that holds it in the same function; `.with_command(C)`
  is its command.
"""

from __future__ import annotations

from ...model import EnvSet, LaunchSite, TargetRef
from .. import syntax
from ..syntax import Node, text
from .calls import argument, keyword
from .envdict import EnvReader, make_sets
from .names import FileIndex
from .scope import function_name, scope_of, unparen
from .values import literals, single_string, string_value

_TESTCONTAINERS = ("DockerContainer", "GenericContainer")
_DOCKER_ONLY = "docker run: only -e and --env-file reach the container"


def find_sdk_launches(index: FileIndex) -> list[LaunchSite]:
    sites = []
    if index.imports_any("docker"):
        sites.extend(_docker_site(index, m["call"][0], m["args"][0])
                     for m in syntax.matches("python", "docker_sdk_calls", index.root))
    if index.imports_any("testcontainers"):
        for match in syntax.matches("python", "calls", index.root):
            callee = index.qualify(match["func"][0]) or ""
            if callee.startswith("testcontainers.") and callee.rsplit(".", 1)[-1] in _TESTCONTAINERS:
                sites.append(_testcontainer(index, match["call"][0], match["args"][0]))
    return sites


def _images(index: FileIndex, node: Node | None) -> tuple[TargetRef, ...]:
    return tuple(TargetRef(kind="image", value=lit.value, location=index.source.location(lit.node), via=lit.via)
                 for lit in literals(index, node) or ())


def _docker_site(index: FileIndex, call: Node, args: Node) -> LaunchSite:
    environment = unparen(keyword(args, "environment"))
    sets: list[EnvSet] = []
    opaque = False
    if environment is not None and environment.type == "list":
        for element in environment.named_children:
            value = string_value(element) if element.type == "string" else None
            if value is not None and "=" in value:
                name, _, literal = value.partition("=")
                sets.append(
                    EnvSet(
                        name=name, location=index.source.location(element), value=literal, function=function_name(call)
                    )
                )
            else:
                sets.append(EnvSet(name=None, location=index.source.location(element), name_text=text(element),
                                   function=function_name(call)))
    elif environment is not None:
        shape = EnvReader(index, call).expression(environment)
        sets, opaque = shape.sets, bool(shape.opaque) or shape.inherits
    network = single_string(index, keyword(args, "network_mode"))
    command = single_string(index, argument(args, 1, "command")) or ""
    return LaunchSite(
        location=index.source.location(call),
        kind="docker-run",
        language="python",
        function=function_name(call),
        targets=_images(index, argument(args, 0, "image")),
        sets=tuple(sets),
        inherits=False,
        network_host="always" if network == "host" else "never",
        env_text=_DOCKER_ONLY,
        open_reason="environment= is not a mapping envlint can follow" if opaque else "",
        command=command,
    )


def _testcontainer(index: FileIndex, call: Node, args: Node) -> LaunchSite:
    """The container and every `.with_env`/`.with_command` applied to it."""
    sets: list[EnvSet] = []
    command = ""
    for method, method_args in _applied(call):
        if method == "with_env":
            key = argument(method_args, 0, "key")
            sets.extend(make_sets(index, key, None, argument(method_args, 1, "value"), key or method_args, None))
        elif method == "with_command":
            command = single_string(index, argument(method_args, 0, "command")) or command
    return LaunchSite(
        location=index.source.location(call),
        kind="docker-run",
        language="python",
        function=function_name(call),
        targets=_images(index, argument(args, 0, "image")),
        sets=tuple(sets),
        inherits=False,
        env_text="testcontainers: only with_env() reaches the container",
        command=command,
    )


def _applied(constructor: Node) -> list[tuple[str, Node]]:
    """(method, its argument list) for methods chained on the constructor (`C(i).with_env(...)...`) and
    called on the one variable it is assigned to, in the same scope."""
    found = []
    node = constructor
    holder = None
    while node.parent is not None:
        parent = node.parent
        if parent.type == "attribute" and parent.parent is not None and parent.parent.type == "call":
            found.append((text(parent.child_by_field_name("attribute")), parent.parent.child_by_field_name("arguments")))
            node = parent.parent
            continue
        if parent.type == "assignment" and parent.child_by_field_name("right") == node:
            holder = parent.child_by_field_name("left")
        elif parent.type == "with_item" or parent.type == "as_pattern":
            holder = next((c for c in parent.named_children if c.type == "as_pattern_target"), None)
        break
    if holder is not None and holder.type in ("identifier", "as_pattern_target"):
        name = text(holder)
        scope = scope_of(constructor)
        for other in syntax.walk(scope if scope is not None else _root(constructor)):
            if other.type != "call":
                continue
            function = other.child_by_field_name("function")
            if (function is not None and function.type == "attribute"
                    and text(function.child_by_field_name("object")) == name and scope_of(other) == scope):
                found.append((text(function.child_by_field_name("attribute")), other.child_by_field_name("arguments")))
    return found


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node
