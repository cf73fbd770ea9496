"""The one check of the configuration that looks at the file system: a declared service's root is a
folder. analyze.py makes it with the others; the whole-run cache (run_cache.py) makes it again on a hit,
since the folder may be gone since the run it reuses."""

from __future__ import annotations

from pathlib import Path

from .config import Config, ConfigError


def check_declared_roots(root: Path, config: Config) -> None:
    for declared in config.services:
        if not (root / declared.root).is_dir():
            raise ConfigError(f"{config.source}: services.{declared.name}: root {declared.root!r} is not a folder")
