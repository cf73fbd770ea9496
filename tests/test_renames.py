"""The rename matcher behind ENV007: which pairs of names are one name spelled differently."""

from __future__ import annotations

import pytest

from envlint.renames import best_rename, rename_kind


@pytest.mark.parametrize(("x", "y", "kind"), [
    ("DATBASE_URL", "DATABASE_URL", "typo"),
    ("DATBAASE_URL", "DATABASE_URL", "typo"),
    ("LOG_LEVLE", "LOG_LEVEL", "typo"),
    ("LOGLEVEL", "LOG_LEVEL", "separator"),
    ("SENTRY_MAILHOST", "SENTRY_MAIL_HOST", "separator"),
    ("ALLOWED_HOST", "ALLOWED_HOSTS", "plural"),
    ("KAFKA_BROKERS", "KAFKA_BROKER", "plural"),
    ("DB_HOST", "APP_DB_HOST", "prefix"),
    ("PORT", "API_PORT", "prefix"),
    ("REDIS_URL", "REDIS_URL_CORE", "suffix"),
    ("DB_URL", "DATABASE_URL", "abbreviation"),
    ("REDIS_ADDR", "REDIS_HOST", "abbreviation"),
    ("TIMEOUT_SECS", "TIMEOUT_SECONDS", "abbreviation"),
    ("SVC_QUEUE_URI", "SVC_QUEUE_URL", "abbreviation"),
    ("db_host", "DB_HOSTS", "plural"),
])
def test_renames_are_recognised(x: str, y: str, kind: str) -> None:
    assert rename_kind(x, y) == kind
    assert rename_kind(y, x) == kind


@pytest.mark.parametrize(("x", "y"), [
    ("SERVER_URL", "SERVER_OTEL_COLLECTOR_URL"),  # two words added in the middle: another name
    ("DB_HOST", "DB_PORT"),
    ("REDIS_HOST", "REDIS_PORT"),
    ("LOG_LEVEL", "LOG_FILE"),
    ("HTTP_PORT", "HTTPS_PORT"),  # the secure variant, not a plural
    ("ADDR_V4", "ADDR_V6"),
    ("DB1_HOST", "DB2_HOST"),
    ("URL", "DB_URL"),  # one short word is too little to share
    ("API_KEY", "API_KEY"),
    ("AWS_REGION", "AWS_ZONE"),
    ("USER_ID", "USER_IP"),  # a short word one letter apart is another word
])
def test_names_that_share_a_word_are_not_renames(x: str, y: str) -> None:
    assert rename_kind(x, y) is None
    assert rename_kind(y, x) is None


def test_an_ambiguous_pairing_is_no_evidence() -> None:
    assert best_rename("API_ADDR", ["API_HOST", "API_URL"]) is None
    assert best_rename("API_ADRR", ["API_ADDR", "API_PORT"]) == ("API_ADDR", "typo")
