"""Jinja templates of compose and env files, Makefile variables, `go build -o` outputs, Go test helpers
no program calls, and settings tables keyed by environment names: exact facts."""

from __future__ import annotations

import pytest

from envlint.graph.builtprograms import built_go_program
from envlint.extract.build_tags import find_build_tags
from envlint.extract.compose.jinja import detemplate, parse_env_template, template_of
from envlint.extract.dockerfile import parse_dockerfile
from envlint.extract.golang.envfields import env_field_literals
from envlint.extract.golang.references import referenced_words
from envlint.extract.gobuilds import dockerfile_go_builds, makefile_go_builds
from envlint.builds import GoBuild
from envlint.extract.makefile import expand, expanded_text, variables
from envlint.extract.shell import extract_shell_file
from envlint.filenames import classify
from envlint.model import Location


def test_jinja_templates_are_classified_by_what_they_render() -> None:
    assert classify("docker-compose.yml.jinja") == "compose-template"
    assert classify("compose.yaml.j2") == "compose-template"
    assert classify("env.jinja") == "env-template"
    assert classify("app.env.jinja2") == "env-template"
    assert classify("nginx.conf.jinja") is None
    assert classify("config.yml.jinja") is None


def test_compose_template_is_yaml_with_lines_kept_and_conditions() -> None:
    text = ("services:\n  api:\n    image: acme/api:{{version}}\n    volumes:\n      - {{data}}/x:/x\n"
            "{% if tls.enabled %}\n      - {{ tls.cert | default('') }}:/c\n{% endif %}\n")
    yaml_text, guarded = detemplate(text)
    lines = yaml_text.split("\n")
    assert lines[2] == "    image: acme/api:<version>"
    assert lines[4] == "      - <data>/x:/x"
    assert lines[5] == "" and lines[7] == ""
    assert guarded == {7: "tls.enabled"}


def test_env_template_names_values_and_conditions() -> None:
    text = ("CONFIG_PATH=/etc/core/app.conf\nLOG_LEVEL={{log_level}}\n{{prefix}}_URL=x\n"
            "{% if a %}\nA_ON=true\n{% else %}\nA_OFF=1\n{% endif %}\n")
    sets = parse_env_template("t/core/env.jinja", text)
    assert [(s.name, s.value, s.condition, s.location.line) for s in sets] == [
        ("CONFIG_PATH", "/etc/core/app.conf", None, 1),
        ("LOG_LEVEL", None, None, 2),
        ("A_ON", "true", "a", 5),
        ("A_OFF", "1", "not (a)", 7),
    ]


def test_template_of_beside_by_component_or_none_when_ambiguous() -> None:
    templates = ["deploy/app.env.jinja", "installer/templates/core/env.jinja", "installer/templates/job/env.jinja"]
    assert template_of("deploy/app.env", templates) == ("deploy/app.env.jinja", False)
    assert template_of("x/common/config/core/env", templates) == ("installer/templates/core/env.jinja", True)
    assert template_of("env", templates) is None
    assert template_of("x/c/core/env", templates + ["legacy/core/env.j2"]) is None


MAKEFILE = """BUILDPATH=$(CURDIR)
DOCKERCMD=$(shell which docker)
DOCKERBUILD=$(DOCKERCMD) build --no-cache
IMAGENAMESPACE=acme
CORE=core
DOCKERIMAGENAME_CORE=$(IMAGENAMESPACE)/harbor-$(CORE)
FLAGS = -a
FLAGS += -b
NAME ?= first
NAME ?= second

build_core:
\t@$(DOCKERBUILD) -f $(BUILDPATH)/make/$(CORE)/Dockerfile \\
\t  -t $(DOCKERIMAGENAME_CORE):$(VERSIONTAG) .
compile_core:
\t@$(DOCKERCMD) run --rm -v $(BUILDPATH):/src -w /src/src/core golang:1.22 go build -ldflags "-w -s" -o /src/make/core/harbor_core
compile_tool:
\tcd tools/gen && go build -o ../../bin/gen .
"""


def test_makefile_variables_expand_recursively() -> None:
    known = variables(MAKEFILE)
    assert known["FLAGS"] == "-a -b" and known["NAME"] == "first"
    assert expand("$(DOCKERBUILD) -t $(DOCKERIMAGENAME_CORE):$(VERSIONTAG)", known) == \
        "docker build --no-cache -t acme/harbor-core:$(VERSIONTAG)"
    assert expand("$(shell command -v podman) build", {}) == "podman build"


def test_makefile_docker_build_tags_after_expansion() -> None:
    tags = find_build_tags("Makefile", expanded_text(MAKEFILE), {"make/core/Dockerfile"})
    assert [(t.image, t.dockerfile, t.location.line) for t in tags] == [
        ("acme/harbor-core:$(VERSIONTAG)", "make/core/Dockerfile", 13)]


def test_makefile_go_builds_through_docker_run_and_cd() -> None:
    builds = makefile_go_builds("Makefile", MAKEFILE)
    assert builds == [GoBuild(binary="harbor_core", packages=("src/core",), location=Location("Makefile", 16, 1)),
                      GoBuild(binary="gen", packages=("tools/gen",), location=Location("Makefile", 18, 1))]


def test_dockerfile_stage_go_build_maps_workdir_through_copy() -> None:
    text = ("FROM golang:1.22 AS build\nCOPY src /acme/src\nWORKDIR /acme/src/cmd/worker\n"
            "RUN go build -o /out/acme_worker\nFROM alpine\nCOPY --from=build /out/acme_worker /acme/\n")
    builds = dockerfile_go_builds(parse_dockerfile("docker/worker/Dockerfile", text))
    assert [(b.binary, b.packages[-1], b.location.line) for b in builds] == [("acme_worker", "src/cmd/worker", 4)]


def test_image_runs_the_built_binary_its_script_execs() -> None:
    script = extract_shell_file("docker/entrypoint.sh", b"#!/bin/sh\n/app/install.sh\nexec /app/api_server -c x\n")
    assert [(t.kind, t.value) for t in script.runs] == [("program", "/app/api_server")]
    dockerfile = parse_dockerfile("docker/Dockerfile", 'FROM alpine\nENTRYPOINT ["/app/entrypoint.sh"]\n')
    builds = (
        GoBuild(binary="api_server", packages=("docker/cmd/api", "cmd/api"), location=Location("Makefile", 3, 1)),
    )
    found = built_go_program(dockerfile, script, builds, frozenset({"cmd/api", "cmd/other"}))
    assert found is not None and found[0] == "cmd/api"
    # Two builds of one name from different main packages: no link.
    twice = builds + (GoBuild(binary="api_server", packages=("cmd/other",), location=Location("Makefile", 9, 1)),)
    assert built_go_program(dockerfile, script, twice, frozenset({"cmd/api", "cmd/other"})) is None


def test_go_references_leave_out_comments_strings_and_the_declaration() -> None:
    source = (b'package db\n// PrepareTest is for tests only\nfunc PrepareTest() { x := "Connect" }\n'
              b"func Connect() {}\nfunc Open() { Connect() }\n")
    names = referenced_words(source).split()
    assert "PrepareTest" not in names and "Open" not in names
    assert "Connect" in names


def test_env_field_literals_of_a_settings_table() -> None:
    source = (b'var items = []Item{\n\t{Name: "db.host", EnvKey: "DB_HOST", DefaultValue: "db"},\n'
              b'\t// {EnvKey: "OLD_NAME"},\n\t{Env: "lower"},\n}\n')
    assert env_field_literals("c/items.go", source) == (("EnvKey", "DB_HOST", Location("c/items.go", 2, 29)),)


def test_entrypoint_script_sources_scripts_by_path() -> None:
    script = extract_shell_file("db/entry.sh", b"#!/bin/bash\nsource $PWD/initdb.sh\n. /lib/common.sh\n# . old.sh\n")
    assert [(t.kind, t.value, t.location.line) for t in script.runs] == [
        ("script", "initdb.sh", 2), ("script", "/lib/common.sh", 3)]


def test_a_compose_template_that_does_not_read_as_yaml_is_a_note() -> None:
    from envlint.extract.compose import extract_compose

    facts = extract_compose([("deploy/docker-compose.yml.j2", b"services:\n  {% for s in x %}{{ s }}: [\n")])
    assert facts[0].problems == ()
    assert [n.kind for n in facts[0].notes] == ["jinja-template"]


def test_a_compose_env_file_with_template_blocks_is_read_as_a_template() -> None:
    from envlint.extract.compose import extract_compose

    compose = b"services:\n  api:\n    image: acme/api\n    env_file: ./api.env.tmpl\n"
    env = b"A=1\n{% if b %}\nB={{ b }}\n{% endif %}\n"
    facts = extract_compose([("compose.yaml", compose), ("api.env.tmpl", env)])
    sets = facts[0].launch_sites[0].sets
    assert [(s.name, s.value, s.condition) for s in sets] == [("A", "1", None), ("B", None, "b")]


@pytest.mark.parametrize(("command", "reads"), [
    ('CMD ["/bin/sh", "-c", "agent --level=${LOG_LEVEL} --ns=$NAMESPACE"]', [("LOG_LEVEL", 38), ("NAMESPACE", 56)]),
    ('CMD ["bash", "-o", "pipefail", "-ec", "run ${X:-1}"]', [("X", 44)]),
    ('CMD ["sh", "-c", "echo \\"$A\\""]', [("A", 19)]),  # JSON escapes: the script's start
    ('CMD ["bash", "x.sh", "-c", "$Y"]', []),  # `-c` after a script's path is the script's argument
    ('CMD ["python", "-c", "import os; print(os.environ[\\"Z\\"])"]', []),  # not a shell
    ('CMD ["app", "$W"]', []),  # the exec form expands nothing
])
def test_the_script_an_exec_form_hands_a_shell_is_read(command: str, reads: list[tuple[str, int]]) -> None:
    dockerfile = parse_dockerfile("Dockerfile", f"FROM alpine\n{command}\n")
    # At the `$` of each expansion (columns of line 2)
    assert [(r.name, r.location.column) for r in dockerfile.reads] == reads
    assert all(r.location.line == 2 for r in dockerfile.reads)
