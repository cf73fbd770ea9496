"""Which names a Go file reads by iterating the environment (a prefix family, or all of them): whether it: ranges over `os.Environ()` or hands it to a function
other than `append` (`parse(os.Environ())`). Such a program may read names it never spells out, so no
launch site's set can be called unread for its service. `append(os.Environ(), ...)` and
`cmd.Env = os.Environ()` build a child's environment and do not count.
"""

from __future__ import annotations

import re

from .. import syntax
from .index import GoFile


_HAS_PREFIX = re.compile(r"strings\.(?:HasPrefix|CutPrefix|TrimPrefix)\(\s*[\w.]+\s*,\s*(?:\"([A-Za-z0-9_]+)\"|([A-Za-z_]\w*))\s*\)")
_CONST = r"\b{}\s*(?:string\s*)?=\s*\"([A-Za-z0-9_]+)\""


def read_prefixes(go_file: GoFile) -> tuple[str, ...]:
    """The families of names the file reads by iterating the environment: the prefix a loop over
    `os.Environ()` filters by (`strings.HasPrefix(kv, "APP_")`, or a constant of the file), or "" for
    every name (no filter it can read, or the environment handed to a function)."""
    found: set[str] = set()
    source = None  # the file's text, decoded only for a loop whose filter names a constant
    for captures in syntax.matches("go", "environ_calls", go_file.root):
        if not go_file.is_package(syntax.text(captures["package"][0]), "os"):
            continue
        parent = captures["call"][0].parent
        if parent is not None and parent.type == "range_clause":
            loop = parent.parent
            if source is None:
                source = syntax.text(go_file.root)
            found.add(_filter(syntax.text(loop) if loop is not None else "", source))
        elif parent is not None and parent.type == "argument_list":
            function = parent.parent.child_by_field_name("function") if parent.parent is not None else None
            if syntax.text(function) != "append":
                found.add("")
    return tuple(sorted(found))


def _filter(loop: str, source: str) -> str:
    match = _HAS_PREFIX.search(loop)
    if match is None:
        return ""
    if match.group(1):
        return match.group(1)
    constant = re.search(_CONST.format(re.escape(match.group(2))), source)
    return constant.group(1) if constant else ""
