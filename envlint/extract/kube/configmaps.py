"""ConfigMaps and Secrets of the repository, by name, for `envFrom`.

Each key of `data`/`stringData` becomes a variable of the containers that take the object with
`envFrom`; its location is the key in the ConfigMap's own file, which is where a user fixes it. A
Secret's `data` is base64: the value is decoded when it is text, else unknown.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from ..yamlsource import Node, get, items
from ...model import Location
from .locate import Locator


@dataclass(frozen=True)
class ConfigEntry:
    key: str
    location: Location
    value: str | None
    condition: str | None = None  # a Helm `if` around the key


@dataclass(frozen=True)
class ConfigData:
    kind: str  # "ConfigMap" or "Secret"
    name: str
    path: str
    entries: tuple[ConfigEntry, ...]
    # Non-empty when more keys come from where envlint cannot see (a generator's env file).
    incomplete: str = ""


def _decode(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return base64.b64decode(text.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        return None


def config_data(locator: Locator, doc: Node) -> ConfigData | None:
    kind = locator.text(get(doc, "kind"))
    if kind not in ("ConfigMap", "Secret"):
        return None
    name = locator.text(get(get(doc, "metadata"), "name"))
    if not name:
        return None
    entries: list[ConfigEntry] = []
    for field in ("data", "stringData"):
        encoded = kind == "Secret" and field == "data"
        for key, key_node, value_node in items(get(doc, field)):
            value = locator.text(value_node)
            entries.append(ConfigEntry(key, locator.at(key_node), _decode(value) if encoded else value,
                                       locator.condition(key_node)))
    return ConfigData(kind, name, locator.path, tuple(entries))


def _shared_prefix(a: str, b: str) -> int:
    count = 0
    for left, right in zip(a.split("/")[:-1], b.split("/")[:-1]):
        if left != right:
            break
        count += 1
    return count


class ConfigIndex:
    """Every ConfigMap and Secret found; a name defined twice (per environment) resolves to the one
    nearest the consumer in the folder tree."""

    def __init__(self) -> None:
        self._by_name: dict[tuple[str, str], list[ConfigData]] = {}

    def add(self, data: ConfigData) -> None:
        self._by_name.setdefault((data.kind, data.name), []).append(data)

    def lookup(self, kind: str, name: str, near: str) -> ConfigData | None:
        found = self._by_name.get((kind, name), [])
        if not found:
            return None
        return max(found, key=lambda d: (_shared_prefix(d.path, near), [-ord(c) for c in d.path]))
