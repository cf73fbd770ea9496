"""The installed version of a distribution envlint's results depend on (the tree-sitter bindings and
grammars, PyYAML), for the cache keys (cache.code_hash).

pip names the folder of what it installed `{name}-{version}.dist-info`, beside the package it
installs: that folder's name says the version without importing importlib.metadata, which took 15 ms,
a third of the imports of a run the whole-run cache answers. Anything else (an egg, an editable
install, two such folders) asks importlib.metadata, as before.
"""

from __future__ import annotations

import importlib.util
import os
import re


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_version(distribution: str, module: str) -> str:
    """``distribution``'s version (``module`` is the top-level package it installs), or "-"."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin and spec.submodule_search_locations:
        folder = os.path.dirname(os.path.dirname(spec.origin))
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        wanted = _normal(distribution)
        # A version holds no "-" (PEP 440), so the last one ends the name.
        found = [n[:-len(".dist-info")].rpartition("-")[2] for n in names
                 if n.endswith(".dist-info") and _normal(n[:-len(".dist-info")].rpartition("-")[0]) == wanted]
        if len(found) == 1:
            return found[0]
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"
