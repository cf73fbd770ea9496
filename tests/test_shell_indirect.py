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
