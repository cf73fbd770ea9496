"""Kustomizations: what a folder's `kustomization.yaml` builds from and how it patches it.

Patches are reduced to `Layer`s, one per patched container: the env entries they add (strategic merge
merges `env` by name), or the list they replace, plus a new `envFrom` or image. Strategic-merge
patches, JSON 6902 operations on a container's `env`, and inline patches (block scalars, located in
the kustomization at their own lines) are read; `overlays.py` applies them to the base.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from ..yamlsource import Node, get, is_sequence, location, scalar, sequence
from .configmaps import ConfigData, ConfigEntry
from .locate import Locator, ShiftedLocator, load
from .workloads import containers

NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
_JSON_ENV = re.compile(r"^/spec/(?:.*/)?(containers|initContainers)/(\d+)/env(?:/(-|\d+))?$")


@dataclass(frozen=True)
class Layer:
    kind: str | None  # the resource patched; None matches any
    name: str | None  # a name, or a target's regular expression
    list_name: str  # "containers" or "initContainers"
    container: str | None  # by name (strategic merge) ...
    index: int | None  # ... or by position (JSON 6902)
    locator: Locator
    at: Node  # where the overlay's site is located
    add: tuple[Node, ...] = ()  # env items merged by name
    replace: bool = False  # the env list is replaced by `add`
    env_from: Node | None = None  # a container whose envFrom replaces the base's
    image: Node | None = None


@dataclass
class Kustomization:
    path: str
    folder: str
    resources: list[str] = field(default_factory=list)  # repository paths of files and folders
    layers: list[Layer] = field(default_factory=list)
    images: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # name, newName, newTag
    patch_files: set[str] = field(default_factory=set)
    generated: list[ConfigData] = field(default_factory=list)
    # `components:` folders: a Component's patches apply to the resources of the kustomization that
    # includes it, not only to its own.
    components: list[str] = field(default_factory=list)


def is_kustomization(path: str) -> bool:
    return posixpath.basename(path) in NAMES


def find_kustomizations(plain: dict[str, list[Node]], raw: dict[str, bytes]) -> list[Kustomization]:
    out = []
    for path in sorted(p for p in plain if is_kustomization(p)):
        folder = posixpath.dirname(path)
        k = Kustomization(path, folder)
        for doc in plain[path]:
            _read(k, doc, raw)
        out.append(k)
    return out


def _join(folder: str, relative: str) -> str:
    return posixpath.normpath(posixpath.join(folder, relative)) if folder else posixpath.normpath(relative)


def _read(k: Kustomization, doc: Node, raw: dict[str, bytes]) -> None:
    for key in ("resources", "bases", "components"):
        k.resources.extend(_join(k.folder, t) for n in sequence(get(doc, key)) if (t := scalar(n)) and "://" not in t)
    k.components.extend(_join(k.folder, t) for n in sequence(get(doc, "components")) if (t := scalar(n)))
    for item in sequence(get(doc, "patchesStrategicMerge")):
        _patch(k, item, None, raw)
    for item in sequence(get(doc, "patches")) + sequence(get(doc, "patchesJson6902")):
        _patch(k, get(item, "patch") or get(item, "path"), get(item, "target"), raw, get(item, "path") is not None)
    for item in sequence(get(doc, "images")):
        if name := scalar(get(item, "name")):
            k.images.append((name, scalar(get(item, "newName")), scalar(get(item, "newTag"))))
    for key, kind in (("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")):
        for item in sequence(get(doc, key)):
            _generator(k, item, kind)


def _generator(k: Kustomization, item: Node, kind: str) -> None:
    name = scalar(get(item, "name"))
    if not name:
        return
    entries = []
    for literal in sequence(get(item, "literals")):
        key, sep, value = (scalar(literal) or "").partition("=")
        if sep:
            entries.append(ConfigEntry(key, location(k.path, literal), value))
    # `envs:`/`files:` read files this extractor is not given (env files), so their keys stay unknown.
    hidden = [scalar(n) for key in ("envs", "env", "files")
              for n in sequence(get(item, key)) or [get(item, key)] if scalar(n)]
    reason = f"{kind} {name} is generated from {', '.join(hidden)}, which envlint does not read here" if hidden else ""
    k.generated.append(ConfigData(kind, name, k.path, tuple(entries), reason))


def _patch(k: Kustomization, node: Node | None, target: Node | None, raw: dict[str, bytes],
           is_path: bool = True) -> None:
    text = scalar(node)
    if node is None or text is None:
        return
    if is_path and "\n" not in text and text.strip().endswith((".yaml", ".yml", ".json")):
        path = _join(k.folder, text.strip())
        if path not in raw:
            return
        k.patch_files.add(path)
        documents, problem = load(path, raw[path])
        locator = Locator(path)
    else:
        documents, problem = load(k.path, text.encode("utf-8"))
        locator = _inline_locator(k.path, node, raw.get(k.path, b""))
    if problem is not None:
        return  # a patch file that does not parse is reported when it is read as a plain file
    target_kind, target_name = scalar(get(target, "kind")), scalar(get(target, "name"))
    for doc in documents:
        if is_sequence(doc):
            k.layers.extend(_json_layers(locator, doc, target_kind, target_name))
        else:
            k.layers.extend(_merge_layers(locator, doc, target_kind, target_name))


def _inline_locator(path: str, node: Node, data: bytes) -> Locator:
    """A literal block (`patch: |-`) keeps its lines: each maps to its own line in the kustomization.
    Any other scalar style folds lines, so everything is located at the patch itself."""
    if node.style == "|":
        lines = data.decode("utf-8", "replace").splitlines()
        first = node.start_mark.line + 1
        body = next((line for line in lines[first:] if line.strip()), "")
        return ShiftedLocator(path, first, len(body) - len(body.lstrip(" ")))
    return ShiftedLocator(path, node.start_mark.line, node.start_mark.column)


def _merge_layers(locator: Locator, doc: Node, kind: str | None, name: str | None) -> list[Layer]:
    kind = scalar(get(doc, "kind")) or kind
    name = scalar(get(get(doc, "metadata"), "name")) or name
    out = []
    for c in containers(locator, doc) if kind else []:
        env = get(c.node, "env")
        replace = any(scalar(get(i, "$patch")) == "replace" for i in sequence(env))
        add = tuple(i for i in sequence(env) if get(i, "name") is not None)
        env_from = c.node if get(c.node, "envFrom") is not None else None
        if add or replace or env_from is not None or get(c.node, "image") is not None:
            out.append(Layer(kind, name, c.list_name, c.name, None, locator, c.node, add, replace,
                             env_from, get(c.node, "image")))
    return out


def _json_layers(locator: Locator, ops: Node, kind: str | None, name: str | None) -> list[Layer]:
    out = []
    for op in sequence(ops):
        match = _JSON_ENV.match(scalar(get(op, "path")) or "")
        value = get(op, "value")
        if match is None or scalar(get(op, "op")) not in ("add", "replace") or value is None:
            continue
        list_name, index, tail = match.group(1), int(match.group(2)), match.group(3)
        whole = tail is None  # the op sets the whole env list
        add = tuple(sequence(value)) if whole else (value,)
        out.append(Layer(kind, name, list_name, None, index, locator, value, add, replace=whole))
    return out
