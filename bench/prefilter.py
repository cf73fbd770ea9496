"""Which files the floor parses and queries: envlint's own prefilter when it has one, else a byte regex.

The floor of a cold check is what any tree-sitter linter with a byte prefilter must pay, so it uses
the same decision envlint makes when envlint exposes it (`envlint.extract.prefilter.wanted`); the
local regex stands in until then, and the report names the one used.
"""

from __future__ import annotations

import re
from typing import Callable

# Anchors of environment access and of launching, in Go and Python, plus settings classes (whose
# fields are read from the environment without any of the other words).
_ANCHORS = re.compile(
    rb"environ|getenv|Getenv|LookupEnv|Environ\(|exec\.Command|CommandContext|subprocess|Popen"
    rb"|os\.system|os\.exec|os\.spawn|docker|BaseSettings|Settings\b"
)


def local_wanted(path: str, data: bytes) -> bool:
    return _ANCHORS.search(data) is not None


def chosen() -> tuple[str, Callable[[str, bytes], bool]]:
    """(a name for the report, the function)."""
    try:
        from envlint.extract.prefilter import wanted  # type: ignore[import-not-found]
    except ImportError:
        return "bench byte regex (envlint.extract.prefilter is absent)", local_wanted
    return "envlint.extract.prefilter.wanted", wanted
