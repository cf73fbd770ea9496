"""Shell launch lines that pattern fixtures cannot carry an `expect:` on (continued lines)."""

from __future__ import annotations

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
