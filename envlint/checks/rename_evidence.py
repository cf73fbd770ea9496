"""Evidence beyond the spelling for pairing a set name with a read name (see context.probable_renames).

Two kinds. A name dropped to a bare word (`ENABLED` for `REGISTER_ENABLED`) is the spelling of several
read names at once; the set's value can tell which one it was: a boolean given where one read's default
is a version is not that read's value, and a value that is exactly one read's default most likely is.
And a read name the site sets too is still unset where the set sits, when the two sets are in the two
branches of one condition (Helm `if`/`else`): in the branch of the misspelled one the program runs on
its default.
"""

from __future__ import annotations

from ..branches import exclusive
from ..model import EnvSet, Read

_BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off"})


def _boolean(value: str) -> bool:
    return value.lower() in _BOOLEAN_WORDS


def _may_be_boolean(value: str) -> bool:
    return _boolean(value) or value in ("0", "1")


def _clash(given: str, default: str) -> bool:
    """A value that cannot be one for that default: a boolean word for a default that is no switch, or
    the other way round."""
    if not given or not default:
        return False
    return (_boolean(given) and not _may_be_boolean(default)) or (_boolean(default) and not _may_be_boolean(given))


def narrow_by_value(value: str | None, candidates: list[str], reads: dict[str, list[Read]]) -> list[str]:
    """Of several read names a set could be, the ones its literal value fits: those whose every literal
    default clashes with it are dropped; when the value is the default of exactly one, that one."""
    if value is None:
        return candidates
    defaults = {name: {v for r in reads.get(name, []) if r.default.kind == "literal" for v in r.default.values}
                for name in candidates}
    fitting = [n for n in candidates if not (defaults[n] and all(_clash(value, d) for d in defaults[n]))]
    equal = [n for n in fitting if value in defaults[n]]
    return equal if len(equal) == 1 else fitting


def set_apart(sets: tuple[EnvSet, ...], set_name: str, read_name: str) -> bool:
    """Every set of ``read_name`` at the site is in a branch that excludes every set of ``set_name`` (the
    `else` of its `if`, also inside nested blocks): where the latter is set, the former is not."""
    mine = [s.condition for s in sets if s.name == set_name]
    theirs = [s.condition for s in sets if s.name == read_name]
    return bool(mine and theirs) and all(exclusive(m, t) for m in mine for t in theirs)


def narrow_by_neighbours(name: str, sets: tuple[EnvSet, ...], candidates: list[str]) -> list[str]:
    """Of several read names that are ``name`` with a leading word more (`REDIS_PASSWORD`,
    `POSTGRES_PASSWORD` for `PASSWORD`), the one whose leading word begins the names set on the lines
    just before and after it in the same file: settings are written in groups, and the dropped word is
    the group's."""
    mine = [s for s in sets if s.name == name]
    if len(mine) != 1:
        return candidates
    here = mine[0].location
    same_file = sorted((s for s in sets if s.name and s.location.path == here.path), key=lambda s: s.location.line)
    index = next(i for i, s in enumerate(same_file) if s is mine[0])
    around = [s.name for s in same_file[max(index - 1, 0):index] + same_file[index + 1:index + 2] if s.name]
    words = {n.split("_", 1)[0] for n in around if "_" in n}
    leading = [c for c in candidates if c.endswith("_" + name) and c[: -len(name) - 1] in words]
    return leading if len(leading) == 1 else candidates
