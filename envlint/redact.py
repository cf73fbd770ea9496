"""Values that look like credentials never reach envlint's output.

A read's default or a set's value is shown to say what the program falls back to (`its default
"http://localhost:11434" is used instead`). Where the variable's name says it holds a credential (a
token of the name is KEY, TOKEN, SECRET, PASSWORD, PASSWD, PWD, PASS, CREDENTIAL(S), PRIVATE or AUTH,
or ends in a credential's word: APIKEY, SECRETKEY, AUTHTOKEN), the value is shown as `***`; in any other value the password of a
URL (`postgres://admin:pw@db/app`) is. Applied where values are turned into text, for every output
format and for `envlint facts`; the analysis itself keeps the values (a default equal to a set value
still means "the same").
"""

from __future__ import annotations

import re

MASK = "***"
_WORDS = ("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PWD", "PASS", "CREDENTIAL", "CREDENTIALS",
          "PRIVATE", "AUTH")
_ENDINGS = ("TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY", "SECRETKEY", "ACCESSKEY", "PRIVATEKEY", "AUTHKEY",
            "SIGNINGKEY", "MASTERKEY", "ENCRYPTIONKEY", "LICENSEKEY")
_TOKENS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# scheme://user:password@host: the password is everything between the user's `:` and the last `@`
# before the host (a password may itself hold `@` or `:` when not escaped).
_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:)(?P<secret>[^/\s]*)(?=@[^@/\s]*(?:[/?#\s]|$))")


def is_credential(name: str | None) -> bool:
    """Whether the variable's name says it holds a credential (`DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`)."""
    if not name:
        return False
    tokens = [t.upper() for t in _TOKENS.findall(name)]
    return any(t in _WORDS or t.endswith(_ENDINGS) for t in tokens)


def redact(name: str | None, value: str) -> str:
    """``value`` as it may be shown: masked for a credential's name, else with any URL's password masked."""
    if value == "":
        return value
    if is_credential(name):
        return MASK
    return _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, value)
