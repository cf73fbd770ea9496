"""Launch sites in a function that nothing in the repository calls.

A launcher in dead code, or in a helper only an outside user may call, still says what it would set, so
it is analysed; but nobody runs it here, so its findings are warnings at most and say so. A function is
called when its name stands anywhere in the repository's sources other than its own definition (a call,
a reference handed to a router or a command table, a mention in YAML): a word search, which errs towards
"called". Never uncalled: `main` and `init`, Python dunders and decorated functions (registered
handlers, commands, tasks), Go exported functions of a library package (their callers live elsewhere),
and module-level code.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..model import FileFacts

_LANGUAGES = ("go", "python")
_ALWAYS_CALLED = frozenset({"main", "init"})


def _parts(function: str) -> list[str]:
    """`Class.method` -> [Class, method]; a Go method `Server.Start` -> [Start] (its type is used by its
    receiver, which says nothing about a caller)."""
    return [p for p in function.split(".") if p]


def _exempt(name: str, item: FileFacts, text: bytes) -> bool:
    if name in _ALWAYS_CALLED or (name.startswith("__") and name.endswith("__")):
        return True
    if item.language == "go":
        return name[:1].isupper() and item.package != "main"
    decorated = re.compile(rb"^[ \t]*@[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*(?:async[ \t]+)?def[ \t]+" + re.escape(name.encode()) + rb"\b",
                           re.MULTILINE)
    return decorated.search(text) is not None


def _names_of(item: FileFacts, function: str, text: bytes) -> list[str]:
    parts = _parts(function)
    if item.language == "go":
        parts = parts[-1:]
    return [p for p in parts if not _exempt(p, item, text)]


def mark_no_caller(facts: list[FileFacts], texts: dict[str, bytes]) -> list[FileFacts]:
    """The facts with `no_caller` set on each Go or Python launch site whose function (or a function
    or class enclosing it) is referenced nowhere in ``texts`` (path -> bytes of the sources read)."""
    wanted: dict[tuple[str, str], list[str]] = {}
    for item in facts:
        if item.language not in _LANGUAGES:
            continue
        for site in item.launch_sites:
            if site.function and (item.path, site.function) not in wanted:
                wanted[(item.path, site.function)] = _names_of(item, site.function, texts.get(item.path, b""))
    names = sorted({n for found in wanted.values() for n in found})
    if not names:
        return facts
    used = _used(names, texts, tuple(sorted({path for path, _ in wanted})))
    uncalled = {key for key, found in wanted.items() if any(n not in used for n in found)}
    out = []
    for item in facts:
        if any((item.path, s.function) in uncalled for s in item.launch_sites):
            sites = tuple(dataclasses.replace(s, no_caller=True) if (item.path, s.function) in uncalled else s
                          for s in item.launch_sites)
            item = dataclasses.replace(item, launch_sites=sites)
        out.append(item)
    return out


def _used(names: list[str], texts: dict[str, bytes], first: tuple[str, ...] = ()) -> set[str]:
    """The names that stand in the texts more often than in their definitions (`def f`, `class C`,
    `func f`, `func (r *T) f`): those whose count in _references is not 0.

    For names of ASCII word characters only, each file adds a count of 0 or more (a definition's name
    stands between a space or `)` and a word boundary: a whole word, which the word search counts too),
    so a name is used as soon as one file adds more than 0: it leaves the word search, and the search
    stops when no name is left (the files of the launch sites, ``first``, come first: a launcher's
    function is often called next to it, and the order changes no count). The definitions are looked
    for, with every name as before, only in a file where the word search found one (none elsewhere:
    each is a word too). Other names (bytes that are not word characters make `\\b` behave
    otherwise): every file counted, as before."""
    if not all(_WORD.fullmatch(n) for n in names):
        counts = _references(names, texts)
        return {n for n in names if counts.get(n, 0) != 0}
    definition = _definition(names)
    left = set(names)
    word, spelled = _searches(left)
    for path in [p for p in first if p in texts] + sorted(set(texts) - set(first)):
        text = texts[path]
        # A whole word is a substring: a file that spells none of the names left adds no count, and
        # `in` finds that faster than the word pattern, which is tried at every byte (`\b` first).
        if not any(n in text for n in spelled):
            continue
        found = Counter(word.findall(text))
        if not found:
            continue
        found.subtract(definition.findall(text))
        done = {n.decode() for n, count in found.items() if count > 0}
        if done & left:
            left -= done
            if not left:
                break
            word, spelled = _searches(left)
    return set(names) - left


_WORD = re.compile(r"[A-Za-z0-9_]+")


def _searches(names: set[str]) -> tuple[re.Pattern[bytes], list[bytes]]:
    """The word pattern of ``names`` and their bytes (the substring test before it), in sorted order."""
    ordered = sorted(names)
    return _word(ordered), [n.encode() for n in ordered]


def _alternation(names: list[str]) -> bytes:
    return b"|".join(re.escape(n.encode()) for n in names)


def _word(names: list[str]) -> re.Pattern[bytes]:
    """One of the names as a whole word (`\\b` of bytes: ASCII word characters)."""
    return re.compile(rb"\b(" + _alternation(names) + rb")\b")


def _definition(names: list[str]) -> re.Pattern[bytes]:
    """A definition of one of the names: `def f`, `class C`, `func f`, `func (r *T) f`."""
    return re.compile(rb"\b(?:def|class|func)[ \t]+(?:\([^)\n]*\)[ \t]*)?(" + _alternation(names) + rb")\b")


def _references(names: list[str], texts: dict[str, bytes]) -> dict[str, int]:
    """How often each name stands in the texts, less its definitions (`def f`, `class C`, `func f`,
    `func (r *T) f`)."""
    word = _word(names)
    definition = _definition(names)
    counts: dict[str, int] = {}
    for path in sorted(texts):
        text = texts[path]
        for match in word.finditer(text):
            counts[match.group(1).decode()] = counts.get(match.group(1).decode(), 0) + 1
        for match in definition.finditer(text):
            # A name that is not all ASCII word characters can be defined where `\b` sees no word
            # (`def éstart`): a count below 0, which is not 0, so the function counts as called.
            counts[match.group(1).decode()] = counts.get(match.group(1).decode(), 0) - 1
    return counts
