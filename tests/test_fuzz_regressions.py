"""Inputs tests/test_fuzz.py found (shrunk by hypothesis), kept as plain regression tests."""

from __future__ import annotations

from envlint.extract.compose import extract_compose
from envlint.model import Location


def test_invalid_yaml_at_the_end_of_a_file_without_final_newline_is_located_inside_it() -> None:
    # PyYAML marks the end of the stream on line 2, which `{{` does not have.
    (facts,) = extract_compose([("docker-compose.yml", b"{{")])
    assert [(p.location, p.kind) for p in facts.problems] == [(Location("docker-compose.yml", 1, 3), "invalid-yaml")]


def test_invalid_yaml_inside_the_file_keeps_its_mark() -> None:
    (facts,) = extract_compose([("compose.yaml", b"services:\n  api: [\n")])
    assert [p.location for p in facts.problems] == [Location("compose.yaml", 3, 1)]
