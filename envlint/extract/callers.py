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
    uses = _references(names, texts)
    uncalled = {key for key, found in wanted.items() if any(uses.get(n, 0) == 0 for n in found)}
    out = []
    for item in facts:
        if any((item.path, s.function) in uncalled for s in item.launch_sites):
            sites = tuple(dataclasses.replace(s, no_caller=True) if (item.path, s.function) in uncalled else s
                          for s in item.launch_sites)
            item = dataclasses.replace(item, launch_sites=sites)
        out.append(item)
    return out


def _references(names: list[str], texts: dict[str, bytes]) -> dict[str, int]:
    """How often each name stands in the texts, less its definitions (`def f`, `class C`, `func f`,
    `func (r *T) f`)."""
    alternation = b"|".join(re.escape(n.encode()) for n in names)
    word = re.compile(rb"\b(" + alternation + rb")\b")
    definition = re.compile(rb"\b(?:def|class|func)[ \t]+(?:\([^)\n]*\)[ \t]*)?(" + alternation + rb")\b")
    counts: dict[str, int] = {}
    spelled = [n.encode() for n in names]
    for path in sorted(texts):
        text = texts[path]
        if not any(name in text for name in spelled):
            continue  # a substring search per name is several times faster than the regex on a text
        for match in word.finditer(text):
            counts[match.group(1).decode()] = counts.get(match.group(1).decode(), 0) + 1
        for match in definition.finditer(text):
            counts[match.group(1).decode()] -= 1
    return counts
