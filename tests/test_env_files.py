"""env files as docker compose reads them."""

from __future__ import annotations

from envlint.extract.envfiles import parse_env_file
from envlint.model import Location


def test_env_file_forms() -> None:
    text = '# comment\nA="x" # c\nB # comment\n  export C=3\nD=e # f\nE="a#b"\nF=\n9BAD=1\n'
    rows = [(e.name, e.value, e.passthrough, e.location) for e in parse_env_file("deploy/.env", text)]
    assert rows == [
        ("A", "x", False, Location("deploy/.env", 2, 1)),
        ("B", None, True, Location("deploy/.env", 3, 1)),
        ("C", "3", False, Location("deploy/.env", 4, 10)),
        ("D", "e", False, Location("deploy/.env", 5, 1)),
        ("E", "a#b", False, Location("deploy/.env", 6, 1)),
        ("F", "", False, Location("deploy/.env", 7, 1)),
    ]
