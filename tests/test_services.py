"""What makes a service, seen through `envlint facts --json`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli


def _services(repo: Path) -> list[tuple[str, str, str]]:
    facts = json.loads(run_cli("facts", "--json", cwd=repo).stdout)
    return [(s["name"], s["kind"], s["root"]) for s in facts["services"]]


def test_a_pyproject_with_tool_settings_only_is_no_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n')
    (tmp_path / "tools.py").write_text("import os\nos.getenv('A')\n")
    worker = tmp_path / "services" / "worker"
    worker.mkdir(parents=True)
    (worker / "setup.cfg").write_text("[metadata]\nname = queue-worker\n")
    (worker / "main.py").write_text("import os\nos.getenv('B')\n")
    assert _services(tmp_path) == [("queue-worker", "python", "services/worker")]


def test_broken_pyproject_is_a_configuration_error(tmp_path: Path) -> None:
    # It may hold [tool.envlint]: envlint cannot know its settings, so it stops, as ruff does.
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n")
    (tmp_path / "main.py").write_text("import os\nos.getenv('A')\n")
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"envlint: error: {tmp_path / 'pyproject.toml'}: cannot be read as TOML: ")


def test_dockerfiles_by_any_of_their_names_build_images(tmp_path: Path) -> None:
    """A Containerfile names its folder's image; `-f deploy/Dockerfile-jobs` and compose's
    `dockerfile: worker.dockerfile` find the Dockerfile they name."""
    files = {
        "api/pyproject.toml": '[project]\nname="api"\nversion="0"\n',
        "api/app.py": 'import os\nos.getenv("A")\n',
        "api/Containerfile": 'FROM python\nCMD ["python", "app.py"]\n',
        "jobs/pyproject.toml": '[project]\nname="jobs"\nversion="0"\n',
        "jobs/run.py": 'import os\nos.getenv("B")\n',
        "deploy/Dockerfile-jobs": 'FROM python\nCOPY jobs /app\nCMD ["python", "jobs/run.py"]\n',
        "Makefile": "image:\n\tdocker build -t ghcr.io/acme/nightly -f deploy/Dockerfile-jobs .\n",
        "worker/pyproject.toml": '[project]\nname="worker"\nversion="0"\n',
        "worker/server.py": 'import os\nos.getenv("C")\n',
        "worker.dockerfile": 'FROM python\nCOPY worker /app\nCMD ["python", "worker/server.py"]\n',
        "docker/docker-compose.yml": "services:\n  w:\n    build:\n      context: ..\n      dockerfile: worker.dockerfile\n"
                                     "  n:\n    image: ghcr.io/acme/nightly\n  a:\n    image: api:1\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    facts = json.loads(run_cli("facts", "--json", cwd=tmp_path).stdout)
    assert [(s["function"], [(link["service"], link["reason"]) for link in s["links"]])
            for s in facts["launch_sites"]] == [
        ("w", [("worker", "compose builds it from worker.dockerfile (compose build at docker/docker-compose.yml:4:7)")]),
        ("n", [("jobs", "image name 'nightly' is tagged ghcr.io/acme/nightly by docker build at Makefile:2:2 "
                        "(compose image at docker/docker-compose.yml:7:12)")]),
        ("a", [("api", "image name 'api' is the folder of api/Containerfile "
                       "(compose image at docker/docker-compose.yml:9:12)")]),
    ]


def _reads_by_service(repo: Path) -> dict[str, list[str]]:
    facts = json.loads(run_cli("facts", "--json", cwd=repo).stdout)
    return {s["name"]: sorted(r["name"] for r in s["reads"]) for s in facts["services"]}


def test_main_block_of_an_imported_module_is_not_a_read_of_the_service(tmp_path: Path) -> None:
    """`if __name__ == "__main__":` runs only in the file a command runs as a script: the service's
    entry (Dockerfile CMD, `python -m`, a launch target) or a file nothing imports keeps its reads."""
    main_block = 'import os\nif __name__ == "__main__":\n    os.environ["{}"]\n'
    files = {
        "api/pyproject.toml": '[project]\nname="api"\nversion="0"\n',
        "api/Dockerfile": 'FROM python\nCOPY . /app\nCMD ["python", "-u", "/app/server.py"]\n',
        "api/server.py": "from lib import imported, cli, runner\n" + main_block.format("SERVER_MAIN"),
        "api/wsgi.py": "import server\n",
        "api/lib/__init__.py": "",
        "api/lib/imported.py": main_block.format("IMPORTED_MAIN") + "os.getenv('IMPORTED_TOP')\n",
        "api/lib/cli.py": main_block.format("LAUNCHED_MAIN"),
        "api/lib/runner.py": main_block.format("MODULE_MAIN"),
        "api/standalone.py": main_block.format("STANDALONE_MAIN"),
        "api/launcher.py": "import subprocess\nsubprocess.run(['python', 'lib/cli.py'])\n"
                           "subprocess.run(['python', '-m', 'lib.runner'])\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert _reads_by_service(tmp_path)["api"] == [
        "IMPORTED_TOP", "LAUNCHED_MAIN", "MODULE_MAIN", "SERVER_MAIN", "STANDALONE_MAIN"]
