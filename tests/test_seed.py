"""The scenario envlint exists for, on the shipped example: only a per-launch-site analysis sees it.

The supervisor builds its `docker run` arguments over several appends (host networking only on Linux,
secrets by dynamic name) and sets LLM_BASE_URL; the daemon's literal argument list sets
OLLAMA_BASE_URL too; the agent reads OLLAMA_BASE_URL with a default that is localhost in local mode.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import run_cli

EXAMPLE = Path(__file__).parents[1] / "examples" / "agent-platform"
SUPERVISOR = "cmd/supervisor/main.go"


def test_regression_reports_env003_at_the_supervisor_naming_the_daemon_and_the_read() -> None:
    result = run_cli("check", "--output-format", "json", cwd=EXAMPLE)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["findings"] == [
        {
            "code": "ENV003",
            "name": "launch-sites-disagree",
            "severity": "error",
            "message": (
                "agent-runner reads OLLAMA_BASE_URL, which docker run in runAgent (cmd/agentd/main.go:26:9) "
                "sets but this launch site does not"
            ),
            "help": (
                "a container started by docker run gets none of the launcher's environment, so its default "
                '"http://localhost:11434"|"" is used instead; set OLLAMA_BASE_URL here too, or suppress the '
                "finding if this site is meant to go without it"
            ),
            "variable": "OLLAMA_BASE_URL",
            "service": "agent-runner",
            "location": {"path": SUPERVISOR, "line": 27, "column": 9},
            "related": [
                {"path": "services/agent-runner/agent_runner/llm.py", "line": 11, "column": 12,
                 "note": 'read here with default "http://localhost:11434"|"" (os.getenv, agent-runner)'},
                {"path": "cmd/agentd/main.go", "line": 21, "column": 9,
                 "note": "set by docker run in runAgent (cmd/agentd/main.go:26:9)"},
                {"path": SUPERVISOR, "line": 24, "column": 29,
                 "note": 'this site also sets a name envlint cannot resolve: fmt.Sprintf("%s=%s", k, v)'},
            ],
            # the Makefile's docker build tags the image the sites run: a built link, not a name guess
            "evidence": {"link": "built", "reads": "complete"},
        }
    ]


def test_text_output_of_the_example() -> None:
    result = run_cli("check", cwd=EXAMPLE)
    assert result.stdout.splitlines()[0].startswith(f"{SUPERVISOR}:27:9: ENV003 [agent-runner] ")
    assert result.stdout.splitlines()[-1] == (
        "Found 1 finding (1 error) in 2 launch sites and 3 services."
    )


def test_fixed_variant_is_clean(tmp_path: Path) -> None:
    repo = tmp_path / "agent-platform"
    shutil.copytree(EXAMPLE, repo)
    supervisor = repo / SUPERVISOR
    source = supervisor.read_text()
    wrong = '\targs = append(args, "-e", fmt.Sprintf("LLM_BASE_URL=%s", llmURL))\n'
    assert wrong in source
    supervisor.write_text(source.replace(wrong, wrong + '\targs = append(args, "-e", "OLLAMA_BASE_URL="+llmURL)\n'))
    result = run_cli("check", cwd=repo)
    assert result.stdout.startswith("All checks passed: ")
    assert result.exit_code == 0


def test_facts_explain_the_links() -> None:
    result = run_cli("facts", cwd=EXAMPLE)
    assert result.exit_code == 0
    assert (
        "    starts agent-runner [built]: image name 'agent-runner' is tagged ghcr.io/acme/agent-runner:latest by docker build "
        "at Makefile:3:2 (constant agentImage at cmd/supervisor/main.go:13:20)"
    ) in result.stdout


def test_a_link_by_the_folder_name_alone_is_a_guess_and_never_an_error(tmp_path: Path) -> None:
    repo = tmp_path / "agent-platform"
    shutil.copytree(EXAMPLE, repo)
    (repo / "Makefile").unlink()
    (finding,) = json.loads(run_cli("check", "--output-format", "json", cwd=repo).stdout)["findings"]
    assert (finding["code"], finding["severity"], finding["evidence"]) == (
        "ENV003", "warning", {"link": "guess", "reads": "complete"})
    assert "starts agent-runner [guess]: image name 'agent-runner' is the folder of services/agent-runner/Dockerfile" \
        in run_cli("facts", cwd=repo).stdout
