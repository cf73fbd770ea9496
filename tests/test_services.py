"""What makes a service, seen through `envlint facts --json`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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



def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def _links(root: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each launch site's function with the services it starts and why."""
    facts = json.loads(run_cli("facts", "--json", cwd=root).stdout)
    return [(s["function"], [(link["service"], link["reason"]) for link in s["links"]]) for s in facts["launch_sites"]]

def test_dockerfiles_by_any_of_their_names_build_images(tmp_path: Path) -> None:
    """A Containerfile names its folder's image; `-f deploy/Dockerfile-jobs` and compose's
    `dockerfile: worker.dockerfile` find the Dockerfile they name."""
    files = {
        "api/pyproject.toml": '[project]\nname="api"\nversion="0"\n',
        "api/app.py": 'import os\nos.getenv("A")\n',
        "api/Containerfile": 'FROM python\nCMD ["python", "app.py"]\n',
        "jobs/pyproject.toml": '[project]\nname="jobs"\nversion="0"\n',
        "jobs/run.py": 'import os\nos.getenv("B")\n',
        "deploy/Dockerfile-jobs": 'FROM python\nCOPY jobs /app\nCMD ["python", "/app/run.py"]\n',
        "Makefile": "image:\n\tdocker build -t ghcr.io/acme/nightly -f deploy/Dockerfile-jobs .\n",
        "worker/pyproject.toml": '[project]\nname="worker"\nversion="0"\n',
        "worker/server.py": 'import os\nos.getenv("C")\n',
        "worker.dockerfile": 'FROM python\nCOPY worker /app\nCMD ["python", "/app/server.py"]\n',
        "docker/docker-compose.yml": "services:\n  w:\n    build:\n      context: ..\n      dockerfile: worker.dockerfile\n"
                                     "  n:\n    image: ghcr.io/acme/nightly\n  a:\n    image: api:1\n",
    }
    _write(tmp_path, files)
    assert _links(tmp_path) == [
        ("w", [("worker", "compose builds it from worker.dockerfile (compose build at docker/docker-compose.yml:4:7)")]),
        ("n", [("jobs", "image name 'nightly' is tagged ghcr.io/acme/nightly by docker build at Makefile:2:2 "
                        "(compose image at docker/docker-compose.yml:7:12)")]),
        ("a", [("api", "image name 'api' is the folder of api/Containerfile "
                       "(compose image at docker/docker-compose.yml:9:12)")]),
    ]


LINK_CASES = Path(__file__).parent / "fixtures" / "rules"


@pytest.mark.parametrize(("case", "service", "files", "incomplete"), [
    # `build: {context: .., dockerfile: Dockerfile_worker}` runs /app/server.py, copied from worker/: the
    # program is that file, not the root project around it (crm.py is not part of it).
    ("ENV001/negative-dockerfile-underscore-name", "worker", ["worker/server.py"], ""),
    # `CMD python main.py` after `COPY api /app` is api/main.py by exact path, never alib/domain.py.
    ("ENV001/negative-dockerfile-cmd-suffix-match", "api", ["api/main.py"], ""),
    # FROM ${BASE_IMAGE}: the program is in an image chosen at build time.
    ("ENV002/negative-base-image-program", "app", ["app/settings_local.py"],
     "app/Dockerfile is built FROM ${BASE_IMAGE}, an image chosen at build time"),
    # the root Dockerfile runs entrypoint.sh; docs/ beneath it is not the program
    ("ENV002/negative-shell-entrypoint-docs-project", "root", ["entrypoint.sh"],
     "runs entrypoint.sh, a script that may start programs envlint does not follow"),
    # a shell-form ENTRYPOINT runs locust, which the repository does not hold
    ("ENV002/negative-shell-form-entrypoint", "loadgen", ["loadgen/locustfile.py"],
     "its program is not a file of the repository"),
])
def test_a_launch_site_starts_the_program_its_build_runs(case: str, service: str, files: list[str],
                                                         incomplete: str) -> None:
    facts = json.loads(run_cli("facts", "--json", cwd=LINK_CASES / case).stdout)
    (site,) = facts["launch_sites"]
    assert [link["service"] for link in site["links"]] == [service]
    (linked,) = [s for s in facts["services"] if s["name"] == service]
    assert (linked["files"], linked["incomplete"]) == (files, incomplete)


def test_an_upstream_image_is_not_the_folder_that_extends_it() -> None:
    facts = json.loads(run_cli("facts", "--json", cwd=LINK_CASES / "ENV002/negative-third-party-image-same-name").stdout)
    (site,) = facts["launch_sites"]
    assert site["links"] == []  # cassandra:4.1 is upstream; internal/cassandra/Dockerfile is FROM it
    assert [s["images"] for s in facts["services"] if s["root"] == "internal/cassandra"] == [[]]


def test_the_checkout_folder_name_never_changes_the_output(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "shell-entrypoint-docs-project"):
        shutil.copytree(LINK_CASES / "ENV002/negative-shell-entrypoint-docs-project", tmp_path / name)
        (tmp_path / name / "compose.yaml").write_text("services:\n  app:\n    build: .\n    environment:\n"
                                                      "      UNREAD_NAME: x\n")
        outputs.append(run_cli("facts", cwd=tmp_path / name).stdout)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(("case", "reads"), [
    # a shell-form ENTRYPOINT is run by /bin/sh -c: what it expands is read by the program
    ("ENV002/negative-shell-form-entrypoint", [("FRONTEND_ADDR", "loadgen/Dockerfile:3"), ("USERS", "loadgen/Dockerfile:3")]),
    # the image's script entrypoint reads what it expands
    ("ENV002/negative-shell-entrypoint-docs-project", [("SETTING_DB_HOST", "entrypoint.sh:2")]),
])
def test_shell_entrypoints_are_readers_of_the_image(case: str, reads: list[tuple[str, str]]) -> None:
    facts = json.loads(run_cli("facts", "--json", cwd=LINK_CASES / case).stdout)
    (site,) = facts["launch_sites"]
    (service,) = [s for s in facts["services"] if s["name"] == site["links"][0]["service"]]
    assert [(r["name"], f"{r['location']['path']}:{r['location']['line']}") for r in service["reads"]] == reads


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
    _write(tmp_path, files)
    assert _reads_by_service(tmp_path)["api"] == [
        "IMPORTED_TOP", "LAUNCHED_MAIN", "MODULE_MAIN", "SERVER_MAIN", "STANDALONE_MAIN"]


def test_a_vendor_image_no_program_is_known_by_links_through_the_site_name(tmp_path: Path) -> None:
    files = {
        "engine/pyproject.toml": '[project]\nname = "engine"\nversion = "0"\n',
        "engine/app.py": 'import os\nos.getenv("A")\n',
        "redis/pyproject.toml": '[project]\nname = "redis"\nversion = "0"\n',
        "redis/tool.py": 'import os\nos.getenv("B")\n',
        "docker-compose.yml": "services:\n  engine:\n    image: grafana/oncall\n  celery:\n    image: grafana/oncall:v2\n"
                              "  redis:\n    image: redis:7\n",
    }
    _write(tmp_path, files)
    assert _links(tmp_path) == [
        ("engine", [("engine", "no program has the image 'grafana/oncall'; the compose name 'engine' is the program "
                               "engine in engine/ (a guess)")]),
        ("celery", [("engine", "the image 'grafana/oncall:v2' is the one another site runs as engine (a guess)")]),
        ("redis", []),  # an official library image is upstream's program, whatever a folder is called
    ]


def test_dockerfile_named_stages_keep_their_commands() -> None:
    from envlint.extract.dockerfile import parse_dockerfile

    text = ("FROM golang:1.22 AS builder\nRUN go build ./...\n"
            "FROM alpine AS controller\nENTRYPOINT [\"controller\"]\nCMD [\"--verbose\"]\n"
            "FROM controller AS debug\nFROM alpine AS argocli\nENTRYPOINT [\"argo\"]\n")
    parsed = parse_dockerfile("Dockerfile", text)
    assert parsed.stages == (("controller", ("controller", "--verbose")), ("debug", ("controller", "--verbose")),
                             ("argocli", ("argo",)))
    assert parsed.command == ("argo",)
    assert parsed.stage_env == ()
    release = parse_dockerfile("Dockerfile", "FROM a AS release\nENV X=1\nENTRYPOINT [\"app\"]\n"
                                             "FROM release AS debug\nENV Y=2\n")
    assert [(e.name, e.location.line) for e in release.env] == [("X", 2), ("Y", 5)]
    assert [[(e.name, e.location.line) for e in group] for group in release.stage_env] == [[("X", 2)]]


# A file belongs to a nested project when it or a folder above it is the project's root
# (services._inside_any): the test `drafts.under` made against every nested root, one by one.
_SEGMENTS = st.sampled_from(["a", "b", "ab", "a.py", "b.py"])
_PATHS = st.lists(_SEGMENTS, min_size=1, max_size=4).map("/".join)


@given(_PATHS, st.lists(_PATHS, max_size=5))
def test_inside_any_is_under_one_of_the_roots(path: str, roots: list[str]) -> None:
    from envlint.graph.drafts import under
    from envlint.graph.services import _inside_any

    assert _inside_any(path, set(roots)) == any(under(path, root) for root in roots)


def test_a_nested_project_s_files_are_its_own_not_the_outer_one_s(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "outer"\nversion = "1"\n')
    (tmp_path / "app.py").write_text("import os\nos.getenv('OUTER')\n")
    inner = tmp_path / "services" / "inner"
    (inner / "inner").mkdir(parents=True)
    (inner / "pyproject.toml").write_text('[project]\nname = "inner"\nversion = "1"\n')
    (inner / "inner" / "main.py").write_text("import os\nos.getenv('INNER')\n")
    (tmp_path / "services" / "innerx").mkdir()  # a sibling whose name starts like the nested root's
    (tmp_path / "services" / "innerx" / "tool.py").write_text("import os\nos.getenv('TOOL')\n")
    facts = json.loads(run_cli("facts", "--json", cwd=tmp_path).stdout)
    assert [(s["name"], s["files"], [r["name"] for r in s["reads"]]) for s in facts["services"]] == [
        ("inner", ["services/inner/inner/main.py"], ["INNER"]),
        ("outer", ["app.py", "services/innerx/tool.py"], ["OUTER", "TOOL"]),
    ]
