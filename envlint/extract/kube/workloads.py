"""Workloads and their containers: one launch site per container and init container.

The pod spec stands at a different path in each workload kind; `kind: List` holds manifests in
`items`. The site's environment is closed (a container never inherits the caller's environment):
`envFrom` keys first, then `env` entries, which win on a clash as in Kubernetes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..yamlsource import Node, get, is_mapping, items, sequence
from ...model import EnvSet, LaunchSite, Source, TargetRef
from .configmaps import ConfigIndex
from .helm_idioms import without_overridable
from .locate import Locator

POD_SPEC_PATHS = {
    "Pod": ("spec",),
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "ReplicationController": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}
CONTAINER_LISTS = ("initContainers", "containers")
PLAIN_ENV_TEXT = "env and envFrom of the container"


@dataclass(frozen=True)
class Container:
    kind: str
    workload: str
    name: str
    node: Node  # the container's mapping: the sequence item
    pod: Node  # the pod spec
    index: int  # position in its list (JSON patches address containers by index)
    list_name: str  # "containers" or "initContainers"

    @property
    def function(self) -> str:
        return f"{self.kind}/{self.workload} container {self.name}"


def manifests(locator: Locator, doc: Node) -> list[Node]:
    """The document, or the manifests of a `kind: List`, at any depth."""
    if locator.text(get(doc, "kind")) == "List" or (get(doc, "items") is not None and get(doc, "kind") is None):
        return [m for item in sequence(get(doc, "items")) for m in manifests(locator, item)]
    return [doc] if is_mapping(doc) else []


def pod_spec(locator: Locator, doc: Node) -> tuple[str, Node] | None:
    kind = locator.text(get(doc, "kind"))
    if kind not in POD_SPEC_PATHS:
        return None
    node: Node | None = doc
    for key in POD_SPEC_PATHS[kind]:
        node = get(node, key)
    return (kind, node) if is_mapping(node) else None


def containers(locator: Locator, doc: Node) -> list[Container]:
    found = pod_spec(locator, doc)
    if found is None:
        return []
    kind, pod = found
    workload = locator.text(get(get(doc, "metadata"), "name")) or "<unnamed>"
    out: list[Container] = []
    for list_name in CONTAINER_LISTS:
        for index, item in enumerate(sequence(get(pod, list_name))):
            if is_mapping(item):
                name = locator.text(get(item, "name")) or f"#{index}"
                out.append(Container(kind, workload, name, item, pod, index, list_name))
    return out


def _via_value_from(locator: Locator, node: Node) -> str:
    for source, _, source_node in items(node)[:1]:
        if source in ("secretKeyRef", "configMapKeyRef"):
            return f"valueFrom {source} {locator.text(get(source_node, 'name')) or '?'}"
        if source == "fieldRef":
            return f"valueFrom fieldRef {locator.text(get(source_node, 'fieldPath')) or '?'}"
        if source == "resourceFieldRef":
            return f"valueFrom resourceFieldRef {locator.text(get(source_node, 'resource')) or '?'}"
        return f"valueFrom {source}"
    return "valueFrom"


def env_entry(locator: Locator, item: Node, outer: Node | None) -> EnvSet | None:
    """One `env:` item: `name` + `value`, `name` + `valueFrom`, or `name` alone (empty value)."""
    name_node = get(item, "name")
    if name_node is None:
        return None
    name = locator.text(name_node)
    name_text = "" if name is not None else locator.source_text(name_node)
    condition = without_overridable(locator.condition(item, outer) or locator.condition(name_node, outer), name)
    where = locator.at(item)
    written = locator.at(name_node)
    if written.path != where.path:
        where = written  # a Helm name printed from values.yaml (`- name: {{ $key }}`) is written there
    value_from = get(item, "valueFrom")
    if value_from is not None:
        return EnvSet(name=name, location=where, value=None, condition=condition, name_text=name_text,
                      via=_via_value_from(locator, value_from))
    value_node = get(item, "value")
    # `value:` alone or `value: null` is null, which Kubernetes treats as empty.
    null = value_node is None or value_node.tag == "tag:yaml.org,2002:null"
    value = "" if null else locator.text(value_node)
    return EnvSet(name=name, location=where, value=value, condition=condition, name_text=name_text)


def env_entries(locator: Locator, container: Node, outer: Node | None) -> list[EnvSet]:
    return [s for item in sequence(get(container, "env")) if (s := env_entry(locator, item, outer))]


def env_from(locator: Locator, container: Node, index: ConfigIndex, outer: Node | None
             ) -> tuple[list[EnvSet], list[str]]:
    """Sets from `envFrom` ConfigMaps/Secrets found in the repository, and why the rest is open."""
    sets: list[EnvSet] = []
    open_reasons: list[str] = []
    for item in sequence(get(container, "envFrom")):
        prefix = locator.text(get(item, "prefix")) or ""
        condition = locator.condition(item, outer)
        for field, kind in (("configMapRef", "ConfigMap"), ("secretRef", "Secret")):
            ref = get(item, field)
            if ref is None:
                continue
            name = locator.text(get(ref, "name"))
            data = index.lookup(kind, name, locator.path) if name else None
            if data is None:
                shown = name if name else locator.source_text(get(ref, "name")) or "<unnamed>"
                # Even `optional: true` leaves it open: when the object exists its names are unknown.
                open_reasons.append(f"envFrom {kind} {shown} is not in the repository")
                continue
            if data.incomplete:
                open_reasons.append(data.incomplete)
            sets.extend(
                EnvSet(
                    name=prefix + e.key,
                    location=e.location,
                    value=e.value,
                    condition=condition or e.condition,
                    via=f"envFrom {kind} {name}",
                )
                for e in data.entries
            )
    return sets, open_reasons


def image_target(locator: Locator, container: Node) -> TargetRef | None:
    node = get(container, "image")
    image = locator.image(node)
    if node is None or not image:
        return None
    return TargetRef(kind="image", value=image, location=locator.at(node), via="container image")


def host_network(locator: Locator, pod: Node, outer: Node | None) -> tuple[str, str | None]:
    node = get(pod, "hostNetwork")
    if node is None or locator.text(node) not in ("true", "True", "TRUE"):
        return "never", None
    condition = locator.condition(node, outer)
    return ("conditional", condition) if condition else ("always", None)


def container_site(locator: Locator, container: Container, index: ConfigIndex, language: Source,
                   env_text: str = PLAIN_ENV_TEXT) -> LaunchSite:
    node = container.node
    from_sets, reasons = env_from(locator, node, index, node)
    unrendered = locator.unrendered(node)
    if unrendered:
        reasons.append(unrendered)
    target = image_target(locator, node)
    network, network_condition = host_network(locator, container.pod, node)
    return LaunchSite(
        location=locator.at(node), kind="kubernetes", language=language, function=container.function,
        names=(container.name, container.workload.rsplit("/", 1)[-1]),
        targets=(target,) if target else (), sets=tuple(from_sets + env_entries(locator, node, node)),
        inherits=False, network_host=network, network_condition=network_condition,  # type: ignore[arg-type]
        env_text=env_text, open_reason="; ".join(reasons), command=container_command(locator, node))


def container_command(locator: Locator, node: Node) -> str:
    """`command` and `args` of a container: what it runs instead of its image's ENTRYPOINT/CMD."""
    words = [locator.text(item) or "" for key in ("command", "args") for item in sequence(get(node, key))]
    return " ".join(words)
