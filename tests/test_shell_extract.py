"""Shell launch lines that pattern fixtures cannot carry an `expect:` on (continued lines)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from envlint.describe import facts_by_location
from envlint.extract.shell import extract_shell_file


def test_continued_docker_run_keeps_each_entry_on_its_own_line() -> None:
    script = (
        b"IMAGE=ghcr.io/acme/worker:1\n"
        b"docker run --rm \\\n"
        b"  -e QUEUE=jobs \\\n"
        b'  -e "TOKEN=$TOKEN" \\\n'
        b'  "$IMAGE"\n'
    )
    rows = [(loc.line, loc.column, text) for loc, text in facts_by_location(extract_shell_file("run.sh", script))]
    assert rows == [
        (2, 1, "launch docker-run env=closed targets=image:ghcr.io/acme/worker:1"),
        (3, 6, 'set QUEUE="jobs"'),
        (4, 7, "set TOKEN"),
        (4, 13, "read TOKEN"),  # the script's own environment, passed on
    ]


def test_an_entrypoint_script_names_the_python_programs_it_runs() -> None:
    script = (b'#!/bin/bash\nPY=python3\n# python3 commented/out.py\necho "python3 not/run.py"\n'
              b'"$PY" rag/svr/task_executor.py -i 1 &\nexec python -u -m api.server\npython3 ./tools/check.py\n')
    facts = extract_shell_file("docker/entrypoint.sh", script)
    assert [(t.kind, t.value, t.location.line, t.location.column) for t in facts.runs] == [
        ("python-script", "rag/svr/task_executor.py", 5, 7),
        ("python-module", "api.server", 6, 19),
        ("python-script", "./tools/check.py", 7, 9),
    ]


# shell_reads._reads_itself against the pattern it replaced, one per name: `\$\{?NAME\b`.
NAMES = st.sampled_from(["A", "AB", "A_1", "_x", "B"])
VALUE_PARTS = st.sampled_from(["$", "{", "}", "A", "B", "AB", "_", "1", "é", "-", ":", "#", " ", "$$", "${"])


@given(NAMES, st.lists(VALUE_PARTS, max_size=12).map("".join))
@example("AB", "${AB}")
@example("AB", "$ABé")
@example("AB", "$A$AB")
@example("AB", "${#AB}")
def test_an_assignment_reads_itself_as_the_pattern_said(name: str, value: str) -> None:
    import re

    from envlint.extract.shell_reads import _reads_itself

    assert _reads_itself(name, value) == bool(re.search(r"\$\{?" + name + r"\b", value))
