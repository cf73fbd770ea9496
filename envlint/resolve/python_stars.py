"""Calls of names that star imports bring in (`from settings_base import *` then `env("X", "90")`),
recorded by envlint/extract/python/star_calls.py once per star-imported module, in import order.

As in Python, the last star import that defines the name wins. A helper there is a read as usual. A
function of a repository module that reads the environment (or a name no repository module visibly
defines, such as `env = environ.Env()`, when one of them reads the environment) is taken to read the
variable its env-like first argument names, with a literal second argument as its default. When a
star-imported module is not the repository's, the call may read anything: the file's reads are then
incomplete (FileFacts.reads_dynamic), so that no rule claims a name set for the service is never read;
and a function whose name says it reads the environment (`env`, `get_env`, `getenv`) is taken to read
its env-like first argument: a product's settings file that star-imports the product's own defaults
(`from app.conf.server import *` then `env("MAIL_HOST", "localhost")`) reads through its helper.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from ..extract.python.extra import HelperCall, NameRef
from ..extract.python.helpers import bound_argument, helper_read
from ..extract.python.star_calls import env_like
from ..model import NO_DEFAULT, Read

if TYPE_CHECKING:
    from .python import _Modules


def star_reads(modules: "_Modules", path: str, calls: list[HelperCall]) -> tuple[list[Read], bool]:
    """The reads of the guessed calls of one file, and whether one of them stays unknown."""
    by_location: dict[object, list[HelperCall]] = defaultdict(list)
    for call in calls:
        by_location[call.location].append(call)
    reads: list[Read] = []
    unknown = False
    for group in by_location.values():
        read, unsure = _one_call(modules, path, group)
        if read is not None:
            reads.append(read)
        unknown = unknown or unsure
    return reads, unknown


def _one_call(modules: "_Modules", path: str, group: list[HelperCall]) -> tuple[Read | None, bool]:
    for call in reversed(group):  # the last star import that defines the name wins
        found = modules.definition(call.callee, path)
        if found is None or call.callee.name not in _names(found[0]):
            continue
        helper = next((h for h in found[0].helpers if h.name == call.callee.name), None)
        if helper is not None:
            key = bound_argument(helper, call.args, helper.key)
            return helper_read(helper, call, key.value if key is not None else None), False
        return (guessed_read(call) if found[1] in modules.reading else None), False
    outer = [c for c in group if modules.module_path(path, c.callee.module, c.callee.level) is None]
    if outer:
        # From a module outside the repository (or not found): anything may be read, and a helper whose
        # name says it reads the environment (`env("X", "90")`) is taken to read X.
        return (guessed_read(outer[-1], "from a star import outside the repository")
                if named_env(outer[-1].callee.name) else None), True
    if any(_reads_environment(modules, c.callee, path) for c in group):
        return guessed_read(group[-1]), False
    return None, False


def _names(extra) -> set[str]:
    return {n for n, _ in extra.constants} | {h.name for h in extra.helpers} | {c.name for c in extra.classes} \
        | set(extra.functions)


def _reads_environment(modules: "_Modules", ref: NameRef, where: str, hops: int = 0) -> bool:
    """The module ``ref`` names, or one it star-imports, is the repository's and reads the environment."""
    path = modules.module_path(where, ref.module, ref.level)
    if path is None or hops > 6:
        return False
    extra = modules.extra.get(path)
    return path in modules.reading or any(_reads_environment(modules, NameRef(s.module, s.level, ref.name), path, hops + 1)
                                          for s in (extra.stars if extra is not None else ()))


def named_env(name: str) -> bool:
    """The function's name says it reads the environment: `env`, `env_bool`, `getenv`, `get_env`,
    `getEnv`, `read_env`; not `set_env` or `make_env`, which write or build something else."""
    words = [w.lower() for w in re.split(r"_+|(?<=[a-z0-9])(?=[A-Z])", name) if w]
    return bool(words) and (words[0] in ("env", "getenv", "environ")
                            or (words[0] in ("get", "read", "fetch") and words[1:2] in (["env"], ["environ"])))


def guessed_read(call: HelperCall, how: str = "") -> Read | None:
    given = [a for a in call.args if a.keyword is None]
    if not given or not env_like(given[0].value):
        return None
    second = given[1] if len(given) > 1 else next((a for a in call.args if a.keyword == "default"), None)
    default = second.default if second is not None and second.default.kind == "literal" else NO_DEFAULT
    form = f"call {call.callee.name}" + (f", {how}" if how else "")
    return Read(name=given[0].value, location=call.location, form=form, default=default, function=call.function,
                condition=call.condition, script_only=call.script_only)
