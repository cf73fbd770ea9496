"""Changes of the process's own environment, inherited by every child started afterwards.

`os.environ["K"] = v`, `os.environ.update({...})` / `update(K=v)`, `os.putenv("K", v)` and
`os.environ.setdefault("K", v)` (also a read, see reads.py). Candidates come from
rules/python/env_sets.scm.
"""

from __future__ import annotations

from ...model import EnvSet
from .. import syntax
from ..syntax import Node, text
from .calls import argument
from .envdict import EnvReader, make_sets
from .names import FileIndex
from .scope import function_name, guard


def find_process_sets(index: FileIndex) -> list[EnvSet]:
    found: list[EnvSet] = []
    seen: set[Node] = set()
    spellings, data = index.spellings("os"), index.source.data
    for match in syntax.matches("python", "env_sets", index.root):
        node = next(match[k][0] for k in ("item", "augment", "method_call", "putenv") if k in match)
        if node in seen:
            continue
        seen.add(node)
        resolved = match["func"][0] if "putenv" in match else match["environ"][0]  # what _sets qualifies
        if spellings is not None and not data.startswith(spellings, resolved.start_byte):
            continue  # resolves to nothing of os: no set
        found.extend(_sets(index, node, match))
    return found


def _sets(index: FileIndex, node: Node, match: dict[str, list[Node]]) -> list[EnvSet]:
    if "putenv" in match:
        if index.qualify(match["func"][0]) != "os.putenv":
            return []
        args = match["args"][0]
        return make_sets(index, argument(args, 0, "key"), None, argument(args, 1, "value"), node, guard(node))
    if index.qualify(match["environ"][0]) != "os.environ":
        return []
    condition = guard(node)
    if "item" in match:
        return make_sets(index, match["key"][0], None, match["value"][0], node, condition)
    if "augment" in match:  # the new value is computed from the old one
        return make_sets(index, match["key"][0], None, None, node, condition)
    args = match["args"][0]
    if text(match["method"][0]) == "setdefault":
        return make_sets(index, argument(args, 0, "key"), None, argument(args, 1, "default"), node, condition)
    shape = EnvReader(index, None).arguments(args, condition)
    dynamic = [EnvSet(name=None, location=index.source.location(part), condition=condition, name_text=text(part),
                      function=function_name(node)) for part in shape.opaque]
    return shape.sets + dynamic
