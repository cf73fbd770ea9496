"""Conditions of sets as extraction writes them: the text of an `if` (`.Values.db.enabled`), its `else`
as `not (<text>)`, and nested conditions joined by ` and `. Two questions about them:

- covers_all: do the conditions of a name's sets leave no case out? A Helm helper that sets
  `DB_HOST` in both branches of `if .Values.postgresql.enabled` sets it always.
- exclusive: can two conditions never hold together? Then a name set under one is unset wherever a
  name set under the other is set.

Only the shapes written above are understood; anything else is neither covering nor exclusive.
"""

from __future__ import annotations


def conjuncts(condition: str) -> tuple[str, ...]:
    """`A and not (B and C)` -> (`A`, `not (B and C)`): split at ` and ` outside parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(condition):
        char = condition[i]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and condition.startswith(" and ", i):
            parts.append(condition[start:i].strip())
            start = i + len(" and ")
            i = start
            continue
        i += 1
    parts.append(condition[start:].strip())
    return tuple(p for p in parts if p)


def _complement(a: str, b: str) -> bool:
    return a == f"not ({b})" or b == f"not ({a})"


def exclusive(one: str | None, other: str | None) -> bool:
    """No case satisfies both: one holds a conjunct whose negation the other holds."""
    if not one or not other:
        return False
    if _complement(one, other):
        return True
    return any(_complement(a, b) for a in conjuncts(one) for b in conjuncts(other))


def covers_all(conditions: list[str | None]) -> bool:
    """The conditions (None: unconditional) together always hold: repeatedly, two that differ only in one
    conjunct and its negation merge into what they share, until nothing is left to require."""
    if len(conditions) > 32:
        return False  # no real launcher sets one name in that many branches; the merging is quadratic
    terms = {frozenset(conjuncts(c)) if c else frozenset() for c in conditions}
    changed = True
    while changed and frozenset() not in terms:
        changed = False
        for one in list(terms):
            for other in list(terms):
                if len(one) != len(other) or one == other:
                    continue
                a, b = one - other, other - one
                if len(a) == 1 and len(b) == 1 and _complement(next(iter(a)), next(iter(b))):
                    merged = one & other
                    if merged not in terms:
                        terms.add(merged)
                        changed = True
    return frozenset() in terms
