"""Kustomize overlays as launch sites of their own.

An overlay that patches a container's environment starts that container with a different environment
than its base, so it is a launch site of its own (the base keeps its sites). Its environment is the
base's, with every layer of every kustomization on the way applied in order: env entries merge by name
(a base entry keeps its base location, a patched one is located in the patch), a patched `envFrom`
replaces the base's, an entry with `$patch: delete` removes the base's, and `images:` rules rewrite the
image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..yamlsource import Node, get, scalar
from ...model import LaunchSite, TargetRef
from .configmaps import ConfigIndex
from .kustomize import Kustomization, Layer
from .locate import Locator
from .workloads import (PLAIN_ENV_TEXT, Container, container_command, containers, env_entries, env_entry, env_from,
                        image_target)

_ENV_TEXT = PLAIN_ENV_TEXT + ", patched by kustomize overlay {folder}"


@dataclass(frozen=True)
class Resource:
    locator: Locator
    doc: Node
    layers: tuple[Layer, ...]  # inherited from kustomizations between the file and this one
    images: tuple[tuple[str, str | None, str | None], ...]
    builds: tuple[str, ...] = ()  # folders of the kustomizations between the file and this one


def _resources(k: Kustomization, by_folder: dict[str, Kustomization], plain: dict[str, list[Node]],
               seen: frozenset[str]) -> list[Resource]:
    out: list[Resource] = []
    for path in k.resources:
        if path in plain:
            out.extend(Resource(Locator(path), doc, (), ()) for doc in plain[path])
        elif path in by_folder and path not in seen:  # a folder with its own kustomization: its build
            base = by_folder[path]
            for r in _resources(base, by_folder, plain, seen | {path}):
                out.append(replace(r, layers=r.layers + _own_and_components(base, by_folder, r),
                                   images=r.images + tuple(base.images), builds=(base.folder,) + r.builds))
    return out


def _own_and_components(k: Kustomization, by_folder: dict[str, Kustomization], r: Resource) -> tuple[Layer, ...]:
    """The layers a kustomization applies to a resource: its own patches, then those of the components
    it includes (a base overlay's components patch every build made on top of it too)."""
    included = [layer for folder in k.components if folder in by_folder for layer in by_folder[folder].layers]
    return _matching(k, r) + tuple(layer for layer in included if _safe_match(layer, r))


def _matches(layer: Layer, locator: Locator, doc: Node) -> bool:
    kind = locator.text(get(doc, "kind"))
    name = locator.text(get(get(doc, "metadata"), "name")) or ""
    if layer.kind is not None and layer.kind != kind:
        return False
    return layer.name is None or layer.name == name or re.fullmatch(layer.name, name) is not None


def _matching(k: Kustomization, r: Resource) -> tuple[Layer, ...]:
    return tuple(layer for layer in k.layers if _safe_match(layer, r))


def _safe_match(layer: Layer, r: Resource) -> bool:
    try:
        return _matches(layer, r.locator, r.doc)
    except re.error:
        return False


def _applies(layer: Layer, c: Container) -> bool:
    if layer.list_name != c.list_name:
        return False
    return layer.container == c.name if layer.container is not None else layer.index == c.index


def _image(target: TargetRef | None, layers: list[Layer], images: tuple) -> TargetRef | None:
    for layer in layers:
        if layer.image is not None and (patched := image_target(layer.locator, layer.at)):
            target = patched  # a strategic-merge patch's container, which names the new image
    if target is None:
        return None
    value = target.value
    for name, new_name, new_tag in images:
        base, digest = value.split("@", 1) if "@" in value else (value, "")
        repo, tag = (base.rsplit(":", 1) if ":" in base.rsplit("/", 1)[-1] else (base, ""))
        if repo != name:
            continue
        repo = new_name or repo
        tag = new_tag or tag
        value = repo + (f":{tag}" if tag else "") + (f"@{digest}" if digest and not new_tag else "")
    return replace(target, value=value, via="container image, kustomize images") if value != target.value else target


def _site(k: Kustomization, r: Resource, own_layers: tuple[Layer, ...], c: Container, index: ConfigIndex
          ) -> LaunchSite | None:
    layers = [layer for layer in r.layers + own_layers if _applies(layer, c)]
    own = [layer for layer in own_layers
           if _applies(layer, c) and (layer.add or layer.replace or layer.env_from is not None)]
    if not own:
        return None  # this overlay does not change the container's environment
    sets = env_entries(r.locator, c.node, c.node)
    from_sets, reasons = env_from(r.locator, c.node, index, c.node)
    for layer in layers:
        # a strategic-merge entry `- name: X` with `$patch: delete` removes X from the base's list
        deleted = {scalar(get(item, "name")) for item in layer.add if scalar(get(item, "$patch")) == "delete"}
        patched = [s for item in layer.add
                   if scalar(get(item, "$patch")) != "delete" and (s := env_entry(layer.locator, item, None))]
        if layer.replace:
            sets = patched
            continue
        sets = [s for s in sets if s.name not in deleted]
        for new in patched:
            sets = [s for s in sets if s.name != new.name or new.name is None] + [new]
        if layer.env_from is not None:
            from_sets, reasons = env_from(layer.locator, layer.env_from, index, None)
    site_layer = own[-1]
    folder = k.folder or "."
    target = _image(image_target(r.locator, c.node), layers, r.images + tuple(k.images))
    return LaunchSite(
        location=site_layer.locator.at(site_layer.at), kind="kubernetes", language="kubernetes",
        function=f"{c.function} (overlay {folder})", targets=(target,) if target else (),
        names=(c.name, c.workload.rsplit("/", 1)[-1]),
        sets=tuple(from_sets + sets), inherits=False,
        network_host="always" if r.locator.text(get(c.pod, "hostNetwork")) == "true" else "never",
        env_text=_ENV_TEXT.format(folder=folder), open_reason="; ".join(reasons),
        command=container_command(r.locator, c.node), overlay_builds=(folder,) + r.builds)


def overlay_sites(k: Kustomization, all_kustomizations: list[Kustomization], plain: dict[str, list[Node]],
                  index: ConfigIndex) -> list[LaunchSite]:
    by_folder = {x.folder: x for x in all_kustomizations}
    sites = []
    for r in _resources(k, by_folder, plain, frozenset({k.folder})):
        own = _own_and_components(k, by_folder, r)
        for c in containers(r.locator, r.doc):
            if (site := _site(k, r, own, c, index)) is not None:
                sites.append(site)
    return sites

