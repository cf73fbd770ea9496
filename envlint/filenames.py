"""What kind of file a name is, from the name alone. No file content is read here.

Repositories name their compose files and Dockerfiles in more ways than the tools' defaults
(`docker-compose-dev.yml`, `Dockerfile_worker`, `api.dockerfile`), because `-f` takes any name; the
patterns below are the spellings seen in public repositories, kept narrow enough that a name which only
mentions them (`compose-notes.txt`, `mydockerfile.txt`) is not taken.
"""

from __future__ import annotations

import fnmatch
import re

_KINDS = {
    "pyproject.toml": "pyproject",
    "setup.py": "setup-py",
    "setup.cfg": "setup-cfg",
    "go.mod": "go-mod",
    "Makefile": "makefile",
    "makefile": "makefile",
    "GNUmakefile": "makefile",
    "Kustomization": "yaml",  # kustomize's extensionless spelling
}

# compose.yaml, docker-compose.yml, and a variant after `.`, `-` or `_`: docker-compose.prod.yml,
# docker-compose-dev.yml, docker-compose_ci.yaml, compose-local.yaml. `composer.yml` is not one.
_COMPOSE = re.compile(r"(?:docker-)?compose(?:[._-][\w.-]+)?\.ya?ml")

# Dockerfile / Containerfile (podman, buildah), a variant after `.`, `-` or `_` (Dockerfile.dev,
# Dockerfile-api, Dockerfile_worker), or the variant first (api.Dockerfile, api.dockerfile).
_DOCKERFILE = re.compile(r"(?:Dockerfile|Containerfile)(?:[._-][\w.-]+)?"
                         r"|[\w.-]+\.(?:Dockerfile|dockerfile|Containerfile|containerfile)")
# BuildKit reads `<Dockerfile name>.dockerignore` beside a Dockerfile: an ignore list, not a Dockerfile.
_NOT_DOCKERFILE = (".dockerignore",)

_ENV_FILE = re.compile(r"\.env([.-][\w.-]+)?|[\w.-]+\.env")  # .env, .env.example, .env-dev, prod.env

# Jinja templates a tool renders into a compose file or an env file before compose runs
# (`docker-compose.yml.jinja`, `env.j2`, `app.env.jinja2`): read as what they render, tolerantly.
JINJA_SUFFIXES = (".jinja", ".jinja2", ".j2")

# Configuration files a program loads, whose `${X}` placeholders it (or its entrypoint) fills in from
# the environment when a launch site hands them to it (a bind mount, a COPY into the image).
_TEMPLATES = (".template", ".tmpl", ".conf", ".ini", ".xml", ".properties")

# Tests read and set variables for the test run, not for the program: they are not part of any contract.
_TEST_FILES = ("*_test.go", "test_*.py", "*_test.py", "conftest.py")


def is_compose_name(name: str) -> bool:
    return _COMPOSE.fullmatch(name) is not None


def rendered_name(name: str) -> str | None:
    """`docker-compose.yml.jinja` -> `docker-compose.yml`; None for a name that is no Jinja template."""
    for suffix in JINJA_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _template_kind(name: str) -> str | None:
    """A Jinja template of a compose file or an env file (`env` alone is the rendered env file's usual
    name in such tools); any other template is not read."""
    inner = rendered_name(name)
    if inner is None:
        return None
    if is_compose_name(inner):
        return "compose-template"
    if inner == "env" or _ENV_FILE.fullmatch(inner):
        return "env-template"
    return None


def is_dockerfile_name(name: str) -> bool:
    return _DOCKERFILE.fullmatch(name) is not None and not name.endswith(_NOT_DOCKERFILE)


def classify(name: str) -> str | None:
    """The kind of a file named ``name`` (its last path component), or None for a file envlint skips:
    "go", "python", "pyproject", "setup-py", "setup-cfg", "go-mod", "dockerfile", "compose", "yaml",
    "helm-helpers" (.tpl), "env-file", "makefile", "shell", "procfile", "systemd-unit", "template",
    "compose-template", "env-template" (Jinja templates of a compose or env file)."""
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in _TEST_FILES):
        return None
    if name in _KINDS:
        # setup.py is both a project marker and Python source; the marker wins, its reads are rare.
        return _KINDS[name]
    if name.endswith(".go"):
        return "go"
    if name.endswith(JINJA_SUFFIXES):
        return _template_kind(name)
    if name.endswith(".py"):
        return "python"
    # Before the YAML and env-file suffixes: `Dockerfile.yaml`-like names are rare, a Dockerfile is not.
    if is_dockerfile_name(name):
        return "dockerfile"
    if is_compose_name(name):
        return "compose"
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    if name.endswith(".tpl"):
        return "helm-helpers"
    if _ENV_FILE.fullmatch(name):
        return "env-file"
    if name.endswith(".mk"):
        return "makefile"
    if name.endswith(".sh"):
        return "shell"
    if name == "Procfile" or name.startswith("Procfile."):
        return "procfile"
    if name.endswith(".service"):
        return "systemd-unit"
    if name.endswith(_TEMPLATES):
        return "template"
    return None
