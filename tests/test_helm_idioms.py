"""Helm's "default unless overridden": `if not .Values.env.NAME` around a default of NAME is no condition."""

from __future__ import annotations

import pytest

from envlint.extract.kube.helm_idioms import without_overridable


@pytest.mark.parametrize(("condition", "name", "left"), [
    ("not .Values.env.LOG_LEVEL", "LOG_LEVEL", None),
    ("not $.Values.app.env.LOG_LEVEL", "LOG_LEVEL", None),
    ('not (hasKey .Values.env "LOG_LEVEL")', "LOG_LEVEL", None),
    ('not (index .Values.extraEnv "LOG_LEVEL")', "LOG_LEVEL", None),
    (".Values.metrics.enabled and not .Values.env.LOG_LEVEL", "LOG_LEVEL", ".Values.metrics.enabled"),
    # another name, or a test that the value is given, is a real condition
    ("not .Values.env.LOG_FORMAT", "LOG_LEVEL", "not .Values.env.LOG_FORMAT"),
    (".Values.env.LOG_LEVEL", "LOG_LEVEL", ".Values.env.LOG_LEVEL"),
    ("not .Values.debug", "DEBUG", "not .Values.debug"),
    (None, "LOG_LEVEL", None),
])
def test_default_unless_overridden(condition: str | None, name: str, left: str | None) -> None:
    assert without_overridable(condition, name) == left
