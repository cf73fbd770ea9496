"""Which settings modules run at a launch site that chooses one by name.

A Django project keeps alternative settings modules side by side (`settings/dev.py`, `settings/prod.py`,
each starting with `from .base import *`), and the launch site picks one with DJANGO_SETTINGS_MODULE
(Celery workers of a Django project read the same variable). Only the chosen module and what it
imports run: a read in a sibling module the choice does not import (dev.py's default for SECRET_KEY at
a site that runs settings.prod) never happens there, so no rule may count it at that site.
"""

from __future__ import annotations

import posixpath

from ..model import FileFacts, Service
from ..graph.pyimports import python_closure
from ..pymodules import module_files

# Variables whose value names the settings module a framework imports at start.
SELECTORS = ("DJANGO_SETTINGS_MODULE",)


def chosen_file(module: str, service: Service) -> str | None:
    """The one file of the service that dotted ``module`` names, relative to any folder of it."""
    suffixes = [s for s in module_files(module) if s != "__init__.py"]
    found = {p for p in service.files for s in suffixes if p == s or p.endswith("/" + s)}
    return next(iter(found)) if len(found) == 1 else None


def unselected_files(values: frozenset[str] | None, service: Service, facts: dict[str, FileFacts]) -> frozenset[str]:
    """The settings modules beside the one a site chooses (one literal value) that it does not import.
    Empty when the site's choice is not one known module."""
    if values is None or len(values) != 1:
        return frozenset()
    module = next(iter(values)).strip()
    chosen = chosen_file(module, service) if module else None
    if chosen is None:
        return frozenset()
    folder = posixpath.dirname(posixpath.dirname(chosen) if chosen.endswith("/__init__.py") else chosen)
    siblings = {p for p in service.files if p.endswith(".py") and posixpath.dirname(p) == folder
                and posixpath.basename(p) != "__init__.py"}
    siblings |= {p for p in service.files if p.endswith("/__init__.py")
                 and posixpath.dirname(posixpath.dirname(p)) == folder}
    runs = set(python_closure([chosen], facts, service.root))
    # A sibling that code outside the folder imports is a module of the program, not an alternative.
    outside = [p for p in service.files if p.endswith(".py") and not p.startswith(folder + "/")]
    runs |= set(python_closure(outside, facts, service.root)) - set(outside)
    return frozenset(siblings - runs)
