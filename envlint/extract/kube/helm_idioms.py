"""Helm idioms whose `if` does not make a name conditional.

"Default unless overridden": a chart renders every entry of a values map as an env var
(`range $k, $v := .Values.env`) and adds a default for a name only when that map does not hold it
(`if not .Values.env.LOG_LEVEL`, `if not (hasKey .Values.env "LOG_LEVEL")`). The name is set in both
branches, so the test is no condition of the set.
"""

from __future__ import annotations

import re

_NOT_VALUE = re.compile(r"not\s+\(?\s*\$?\.Values(?:\.[\w-]+)*\.(?P<name>\w+)\s*\)?")
_NOT_HAS_KEY = re.compile(r"not\s+\(\s*(?:hasKey|index)\s+\$?\.Values(?:\.[\w-]+)*\s+\"(?P<name>\w+)\"\s*\)")


def without_overridable(condition: str | None, name: str | None) -> str | None:
    """``condition`` less the parts that test whether the values already give ``name``."""
    if condition is None or name is None:
        return condition
    parts = [p for p in condition.split(" and ") if not _overrides(p.strip(), name)]
    return " and ".join(parts) or None


def _overrides(part: str, name: str) -> bool:
    match = _NOT_VALUE.fullmatch(part) or _NOT_HAS_KEY.fullmatch(part)
    return match is not None and match.group("name") == name
