"""Shell functions that read the variable their argument names."""

from __future__ import annotations

from envlint.describe import facts_by_location
from envlint.extract.shell import extract_shell_file

SCRIPT = b"""#!/bin/bash
normalize_bool() {
    local varname="$1"
    local raw="${!varname:-}"
    local default="${2-False}"
    echo "${raw:-$default}"
}
get() { echo "${!1}"; }

DEBUG="$(normalize_bool DEBUG)"
BACKUP="$(normalize_bool AUTO_BACKUP True)"
apply() {
    local GIVEN="$2"
    normalize_bool GIVEN
}
get TOKEN
# normalize_bool COMMENTED
"""


def test_calls_read_the_names_they_pass() -> None:
    facts = extract_shell_file("entrypoint.sh", SCRIPT)
    rows = [(loc.line, loc.column, text) for loc, text in facts_by_location(facts)]
    assert rows == [
        (10, 25, 'read DEBUG default="False"'),
        (11, 26, 'read AUTO_BACKUP default="True"'),
        (16, 5, "read TOKEN"),
    ]
    assert not facts.reads_dynamic  # the indirections are the functions'; their calls name them


def test_a_test_for_empty_that_exits_makes_the_read_required() -> None:
    script = (b'if [ -z "$QUEUE" ]; then\n  echo "QUEUE is not set"\n  exit 1\nfi\n'
              b'[[ -z ${CONC} ]] && { echo no; exit 2; }\n'
              b'if [ -z "$LEVEL" ]; then\n  LEVEL_DEFAULT=info\nfi\n'
              b'[ -z "$OPTIONAL" ] && exit 0\n')
    facts = extract_shell_file("worker.sh", script)
    assert [(r.name, r.location.line, r.required) for r in facts.reads] == [
        ("QUEUE", 1, True), ("CONC", 5, True), ("LEVEL", 6, False), ("OPTIONAL", 9, False)]


def test_a_test_for_empty_inside_another_condition_is_no_requirement() -> None:
    script = (b'if [ -n "$MODE" ] && [ "$MODE" != ok ]; then\n'
              b'  if [ -z "$DEBUG" ]; then\n    exit 1\n  fi\nfi\n'
              b'if [ -z "$QUEUE" ]; then\n  exit 1\nfi\n')  # after the block: the script's own test
    facts = extract_shell_file("build.sh", script)
    assert [(r.name, r.location.line, r.required) for r in facts.reads] == [
        ("MODE", 1, False), ("MODE", 1, False), ("DEBUG", 2, False), ("QUEUE", 6, True)]
