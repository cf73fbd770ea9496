"""Launch sites written as shell text in configuration: GitHub Actions steps, Dockerfile RUN commands,
and the values a build script's variables give `docker build -t`."""

from __future__ import annotations

from envlint.extract.build_tags import find_build_tags
from envlint.extract.commands import parse_command, split_commands
from envlint.extract.dockerfile_runs import extract_dockerfile_runs
from envlint.extract.shell_reads import scan
from envlint.extract.shell_values import ShellValues
from envlint.extract.workflows import extract_workflow, is_workflow
from envlint.model import Location


def test_a_command_names_its_assignments_and_the_repository_program() -> None:
    command = parse_command('PRERELEASE=true IMAGE="$TAG" ./build-latest.sh --push')
    assert command is not None
    assert [(a.name, a.value, a.offset) for a in command.assignments] == [("PRERELEASE", "true", 0),
                                                                           ("IMAGE", "$TAG", 16)]
    assert (command.kind, command.target, command.offset) == ("script", "build-latest.sh", 29)
    assert parse_command("coverage run --omit=*/tests/* manage.py test", "app").target == "app/manage.py"
    assert parse_command("python -u -m pkg.worker").target == "pkg.worker"
    assert parse_command("bash ci/check.sh").kind == "script"
    # tools on the PATH and inline shell are no programs of the repository
    assert parse_command("pytest -q") is None and parse_command("bash -c 'echo hi'") is None
    assert split_commands("cd web && DEBUG=1 ./run.sh # not ; this") == [(0, "cd web"), (10, "DEBUG=1 ./run.sh")]


def test_a_workflow_step_gets_workflow_job_and_step_env_and_each_matrix_command() -> None:
    workflow = (b"env:\n  A: '1'\n"
                b"jobs:\n  build:\n    strategy:\n      matrix:\n        cmd:\n          - ./b.sh\n"
                b"          - PRE=true ./b.sh\n"
                b"    env:\n      B: ${{ secrets.X }}\n"
                b"    steps:\n      - id: s\n        env:\n          C: x\n        run: ${{ matrix.cmd }}\n")
    sites = extract_workflow(".github/workflows/ci.yml", workflow)[0].launch_sites
    assert [(s.location.line, s.location.column, s.function, s.targets[0].value) for s in sites] == [
        (8, 13, "job build step s", "b.sh"), (9, 13, "job build step s", "b.sh")]
    assert [(e.name, e.value, e.location.line, e.for_others) for e in sites[1].sets] == [
        ("A", "1", 2, True), ("B", None, 11, True), ("C", "x", 15, False), ("PRE", "true", 9, False)]
    assert is_workflow(".github/workflows/ci.yaml") and is_workflow("actions/setup/action.yml")
    assert not is_workflow("deploy/workflows/ci.yml")


def test_a_composite_action_runs_scripts_from_its_own_folder() -> None:
    action = (b"runs:\n  using: composite\n  steps:\n"
              b"    - run: ${{ github.action_path }}/setup.sh \"$MODE\"\n      shell: bash\n"
              b"      env:\n        MODE: fast\n")
    site = extract_workflow("actions/setup/action.yml", action)[0].launch_sites[0]
    assert site.targets[0].value == "actions/setup/setup.sh"
    assert [(e.name, e.for_others) for e in site.sets] == [("MODE", True)]  # the line expands it itself


def test_a_dockerfile_run_with_assignments_is_a_launch_site() -> None:
    dockerfile = (b"FROM python:3.12\nRUN pip install x\n"
                  b"RUN --mount=type=cache,target=/c DEBUG=False SECRET_KEY=k ./manage.py collectstatic && \\\n"
                  b"    ./manage.py compress\n")
    sites = extract_dockerfile_runs("docker/Dockerfile", dockerfile)[0].launch_sites
    assert [(s.location.line, s.location.column, s.targets[0].value) for s in sites] == [(3, 34, "manage.py")]
    assert [(e.name, e.location.column) for e in sites[0].sets] == [("DEBUG", 34), ("SECRET_KEY", 46)]


def test_build_script_variables_give_the_image_name() -> None:
    script = ('IMAGES="${IMAGES-docker.io/acme/app}"\nARGS=(\n  -f "${DF-Dockerfile}"\n)\n'
              'for NAME in "${IMAGES[@]}"; do\n  ARGS+=(-t "${NAME}:${TAG}")\ndone\n'
              'docker buildx \\\n  --builder "$B" \\\n  build "${ARGS[@]}" .\n')
    assert ShellValues(script).resolve("${NAME}:x") == ["${IMAGES}:x", "docker.io/acme/app:x"]
    tags = find_build_tags("build.sh", script, {"Dockerfile"})
    # `${IMAGES}:${TAG}` (the caller's names) names no repository: only the script's own default does
    assert [(t.image, t.dockerfile, t.location.line) for t in tags] == [("docker.io/acme/app:${TAG}", "Dockerfile", 8)]


def test_an_assignment_in_one_branch_is_not_the_scripts_own_in_the_other() -> None:
    script = ('# the user\'s image\nif [ -n "$1" ]; then\n  IMAGE="acme:$1"\nelse\n'
              '  IMAGE="${IMAGE-acme:latest}"\nfi\necho "$IMAGE $MODE"\n')
    starts = [0]
    for line in script.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def where(offset: int) -> Location:
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return Location("t.sh", line + 1, offset - starts[line] + 1)

    assert [(r.name, r.location.line) for r in scan(script, where).reads] == [("IMAGE", 5), ("MODE", 7)]


def test_the_runner_and_earlier_steps_github_env_provide_names() -> None:
    workflow = (b"jobs:\n  j:\n    steps:\n      - run: ./a.sh\n"
                b"      - run: echo \"BUILD_ID=${{ github.run_number }}\" >> \"$GITHUB_ENV\"\n"
                b"      - run: ./b.sh\n")
    first, second = extract_workflow(".github/workflows/ci.yml", workflow)[0].launch_sites
    assert "GITHUB_SHA" in first.provided and "BUILD_ID" not in first.provided
    assert "BUILD_ID" in second.provided and second.sets == ()
