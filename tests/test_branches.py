"""Conditions of sets: which together always hold, which never hold together."""

from envlint.branches import conjuncts, covers_all, exclusive


def test_conjuncts_split_outside_parentheses() -> None:
    assert conjuncts("not (.Values.a) and .Values.b") == ("not (.Values.a)", ".Values.b")
    assert conjuncts("not (a and b)") == ("not (a and b)",)


def test_if_and_else_cover_all() -> None:
    assert covers_all([".Values.db.enabled", "not (.Values.db.enabled)"])
    assert covers_all([None])
    assert covers_all(["x and a", "x and not (a)", "not (x)"])


def test_one_branch_or_unrelated_conditions_do_not() -> None:
    assert not covers_all([".Values.db.enabled"])
    assert not covers_all([".Values.a", "not (.Values.b)"])
    assert not covers_all(["x and a", "not (x) and not (a)"])


def test_exclusive() -> None:
    assert exclusive(".Values.db.enabled", "not (.Values.db.enabled)")
    assert exclusive("not (.Values.db.enabled) and .Values.db.sslmode", ".Values.db.enabled")
    assert not exclusive(".Values.a", ".Values.b")
    assert not exclusive(None, ".Values.a")
