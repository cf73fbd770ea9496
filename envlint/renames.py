"""Are two variable names the same name spelled differently? The shapes real renames take: a typo in
one word, a separator dropped or added (`LOGLEVEL`/`LOG_LEVEL`), a plural, a leading or trailing word
dropped or added (`APP_DB_HOST`/`DB_HOST`), a documented abbreviation or synonym (`DB`/`DATABASE`,
`ADDR`/`HOST`/`URL`). Names that merely share a word are not (`SERVER_URL` and
`SERVER_OTEL_COLLECTOR_URL`, `DB_HOST` and `DB_PORT`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words people write for one another; each set is one class.
SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(s) for s in (
    {"DB", "DATABASE"}, {"ADDR", "ADDRESS", "HOST", "URL", "URI", "ENDPOINT"}, {"SECS", "SECONDS", "SEC"},
    {"MS", "MILLIS", "MILLISECONDS"}, {"PASS", "PASSWORD", "PASSWD", "PWD"}, {"CONF", "CONFIG", "CFG"},
    {"DIR", "DIRECTORY", "FOLDER"}, {"ENV", "ENVIRONMENT"}, {"MAX", "MAXIMUM"}, {"MIN", "MINIMUM"},
    {"NUM", "NUMBER", "COUNT"}, {"MSG", "MESSAGE"}, {"TMP", "TEMP"}, {"AUTH", "AUTHENTICATION"},
    {"REPO", "REPOSITORY"}, {"SVC", "SERVICE"}, {"APP", "APPLICATION"}, {"USER", "USERNAME"},
    {"KEY", "TOKEN"}, {"TIMEOUT", "TTL"}, {"LEVEL", "LVL"},
))
_CLASS = {word: index for index, words in enumerate(SYNONYMS) for word in words}
# A trailing S that is not a plural: the secure variant of a protocol.
_NOT_PLURAL = frozenset({"HTTPS", "WSS", "FTPS", "SMTPS", "IMAPS", "LDAPS", "AMQPS", "MQTTS", "REDISS", "TLS",
                         "SSL", "DNS", "OS", "AWS", "GCS", "SQS", "SNS", "NFS", "CORS", "STATUS", "ADDRESS"})


@lru_cache(maxsize=1 << 14)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[_\-.]+", name.upper()) if t)


def _osa(a: str, b: str) -> int:
    """Edit distance counting a swap of two adjacent letters as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _one_word(xs: tuple[str, ...], ys: tuple[str, ...]) -> tuple[str, str] | None:
    """The one pair of words at the same place that differ, when everything else is equal."""
    if len(xs) != len(ys):
        return None
    differing = [(x, y) for x, y in zip(xs, ys) if x != y]
    return differing[0] if len(differing) == 1 else None


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same pairs at every site of a program
def rename_kind(x: str, y: str) -> str | None:
    """How ``x`` is ``y`` spelled differently ("typo", "separator", "plural", "prefix", "suffix",
    "abbreviation"), or None when they are different names."""
    if x.upper() == y.upper():
        return None
    xs, ys = _tokens(x), _tokens(y)
    if "".join(xs) == "".join(ys):
        return "separator"
    pair = _one_word(xs, ys)
    if pair is not None:
        a, b = sorted(pair, key=len)
        if b == a + "S" or b == a + "ES":
            return None if b in _NOT_PLURAL else "plural"
        if a in _CLASS and _CLASS.get(b) == _CLASS[a]:
            return "abbreviation"
        if min(len(a), len(b)) >= 4 and not (any(c.isdigit() for c in a + b)) and _osa(a, b) == 1:
            return "typo"
        return None
    shorter, longer = sorted((xs, ys), key=len)
    if len(longer) == len(shorter) + 1 and (len(shorter) >= 2 or len(shorter[0]) >= 4):
        if longer[1:] == shorter:
            return "prefix"
        if longer[:-1] == shorter:
            return "suffix"
    return None


def best_rename(name: str, candidates: list[str]) -> tuple[str, str] | None:
    """The one candidate that is ``name`` spelled differently, with the kind; None when there is none
    or more than one (an ambiguous pairing is no evidence)."""
    found = [(c, kind) for c in sorted(set(candidates)) if (kind := rename_kind(name, c))]
    return found[0] if len(found) == 1 else None
