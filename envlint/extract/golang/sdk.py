"""Launch sites built with client libraries rather than a command line.

Docker Engine SDK: `container.Config{Env: []string{...}, Image: "..."}` passed to any `ContainerCreate`
is a "docker-run" (the container gets only Config.Env), located at that call, else at the literal.
Kubernetes client-go: `corev1.Container{Image: ..., Env: []corev1.EnvVar{{Name: "X", Value: "v"}}}` is a
"kubernetes" site at the literal. Env may be a literal or a slice built by `append` (entries appended
under an `if` keep its condition), and `cfg.Env = append(cfg.Env, ...)` after the literal counts too.
"""

from __future__ import annotations

from ...model import EnvSet, LaunchSite, TargetRef
from .. import syntax
from ..syntax import Node
from . import flow
from .extra import PendingName, has_foreign, name_parts
from .index import GoFile, PackageIndex, enclosing_function, function_name
from .launches import _env_sets
from .slices import Built, Element, collect, evaluate, literal_elements
from .structs import items, keyed
from .values import SELF, literals_reaching

CORE_V1 = "k8s.io/api/core/v1"


def _is_docker_container(path: str) -> bool:
    return path.endswith("/api/types/container")


def _holder(literal: Node) -> Node:
    """`&container.Config{...}`: the expression that stands for the literal."""
    parent = literal.parent
    return parent if parent is not None and parent.type == "unary_expression" else literal


def _elements(value: Node | None, literal: Node, scope: Node, index: PackageIndex) -> Built:
    """What the Env field holds, then every later `x.Env = ...` of the variable bound to the literal."""
    if value is None:
        built = Built((), False, "")
    elif value.type == "composite_literal":
        built = Built(tuple(literal_elements(value)), False, "a literal list")
    elif value.type == "identifier":
        built = collect(scope, syntax.text(value), literal.start_byte, index)
    else:
        built = evaluate(value, scope, literal.start_byte, None, "", None, index)
    names = flow.bound_names(_holder(literal))
    if not names:
        return built
    for node in syntax.walk(scope):
        if node.type == "assignment_statement" and node.start_byte > literal.end_byte \
                and syntax.text(node.child_by_field_name("left")) == f"{names[0]}.Env":
            right = node.child_by_field_name("right")
            if right is not None and right.named_children:
                built = evaluate(right.named_children[0], scope, node.start_byte, built, f"{names[0]}.Env",
                                 flow.condition_of(node, scope), index)
    return built


def _images(node: Node | None, go_file: GoFile, index: PackageIndex) -> tuple[TargetRef, ...]:
    if node is None:
        return ()
    return tuple(TargetRef(kind="image", value=r.value, location=go_file.source.location(r.node), via=r.via)
                 for r in literals_reaching(node, index) if r.value != SELF)


def _create_call(literal: Node, scope: Node) -> Node | None:
    """The `ContainerCreate(ctx, config, ...)` call that gets this literal, directly or by its variable."""
    holder = _holder(literal)
    names = flow.bound_names(holder)
    wanted = {syntax.text(holder), syntax.text(literal)} | {n for n in names[:1]} | {f"&{n}" for n in names[:1]}
    for call in flow.calls_in(scope):
        if syntax.text(call.child_by_field_name("function")).endswith("ContainerCreate"):
            arguments = call.child_by_field_name("arguments")
            args = [a for a in arguments.named_children if a.type != "comment"] if arguments is not None else []
            if len(args) > 1 and syntax.text(args[1]) in wanted:
                return call
    return None


def _docker(go_file: GoFile, index: PackageIndex, literal: Node, body: Node) -> LaunchSite:
    scope = enclosing_function(literal) or go_file.root
    function = function_name(enclosing_function(literal))
    fields = keyed(body)
    built = _elements(fields.get("Env"), literal, scope, index)
    call = _create_call(literal, scope)
    return LaunchSite(
        location=go_file.source.location(call or literal),
        kind="docker-run",
        language="go",
        function=function,
        targets=_images(fields.get("Image"), go_file, index),
        sets=_env_sets(built.elements, go_file, index, scope, function),
        inherits=False,
        env_text="Docker Engine API: the container gets only Config.Env",
    )


def _env_var(element: Element, go_file: GoFile, index: PackageIndex, function: str | None) -> EnvSet | None:
    node = element.node
    body = node.child_by_field_name("body") if node.type == "composite_literal" else node
    if body is None or body.type != "literal_value":
        return None
    fields = keyed(body)
    name_node = fields.get("Name")
    if name_node is None:
        return None
    name = index.string(name_node)
    location = go_file.source.location(node)
    if name is None and has_foreign(parts := name_parts(name_node, go_file, index)):
        index.pending.append(PendingName(location, parts, "set-name"))
    value = index.string(fields["Value"]) if "Value" in fields else None
    via = "valueFrom" if "ValueFrom" in fields else ""
    return EnvSet(name=name, location=location, value=value, condition=element.condition, via=via, function=function,
                  name_text="" if name is not None else syntax.text(name_node))


def _kubernetes(go_file: GoFile, index: PackageIndex, literal: Node, body: Node) -> LaunchSite:
    scope = enclosing_function(literal) or go_file.root
    function = function_name(enclosing_function(literal))
    fields = keyed(body)
    env = fields.get("Env")
    if env is not None and env.type == "composite_literal":
        elements = tuple(Element(n) for n in items(env.child_by_field_name("body")))
    else:
        elements = _elements(env, literal, scope, index).elements
    sets = tuple(s for e in elements if (s := _env_var(e, go_file, index, function)) is not None)
    container = index.string(fields["Name"]) if "Name" in fields else None
    return LaunchSite(
        location=go_file.source.location(literal),
        kind="kubernetes",
        language="go",
        function=container or function,
        targets=_images(fields.get("Image"), go_file, index),
        sets=sets,
        inherits=False,
        env_text="client-go Container: the container gets only Env (and EnvFrom)",
        open_reason="EnvFrom: names from a ConfigMap or Secret" if "EnvFrom" in fields else "",
    )


def sdk_launches(go_file: GoFile, index: PackageIndex, literals: list[dict[str, list[Node]]]) -> list[LaunchSite]:
    sites = []
    for captures in literals:
        path = go_file.imports.get(syntax.text(captures["package"][0]), "")
        kind = syntax.text(captures["type"][0])
        # A literal of the type itself, or the elements of a slice of it that leave the type out.
        bodies = [(captures["literal"][0], captures["body"][0])] if "body" in captures else \
            [(e, e) for e in items(captures["elements"][0]) if e.type == "literal_value"]
        for literal, body in bodies:
            if _is_docker_container(path) and kind == "Config":
                sites.append(_docker(go_file, index, literal, body))
            elif path == CORE_V1 and kind == "Container":
                sites.append(_kubernetes(go_file, index, literal, body))
    return sites


__all__ = ["sdk_launches"]
