"""The registry of file kinds and launch-site kinds: what each is, in one place.

A file kind (what `filenames.classify` names a discovered file) says which extraction unit reads it and
how its comments are written (for `envlint: ignore[...]` and `--add-noqa`). A launch-site kind says how a
finding names the site, whether the program runs in a container (where localhost is the container), and
why a name the site does not set cannot reach the program. A new launcher is one extractor module, one
entry here and its fixtures; tests/test_meta.py checks that every kind has its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a file's comments are written (envlint/comments.py scans each style).
Style = Literal["go", "python", "yaml", "dockerfile", "shell", "make", "envfile", "toml"]


@dataclass(frozen=True, kw_only=True)
class FileKind:
    name: str
    what: str  # for people: what such a file is
    comment: Style | None  # how a suppression comment is written in it; None: it holds no comment
    # The extraction units that read it: a single-file extractor ("python", "shell", ...), or a
    # configuration unit that gets all its files at once ("compose", "kubernetes"), where overlays, env
    # files, ConfigMaps and chart helpers refer to each other across files. Marker kinds (pyproject,
    # go.mod) are read by extract/projects.py, not by a unit.
    unit: str | None


_FILES = (
    FileKind(name="go", what="Go source (a package is extracted as one unit)", comment="go", unit="go"),
    FileKind(name="python", what="Python source", comment="python", unit="python"),
    FileKind(name="shell", what="shell script", comment="shell", unit="shell"),
    FileKind(name="dockerfile", what="Dockerfile or Containerfile", comment="dockerfile", unit="dockerfile"),
    FileKind(name="makefile", what="Makefile (build names; compose files it runs)", comment="make", unit="compose"),
    FileKind(name="compose", what="docker compose file", comment="yaml", unit="compose"),
    FileKind(name="compose-template", what="Jinja template of a compose file", comment="yaml", unit="compose"),
    FileKind(name="env-file", what="env file (.env, *.env)", comment="envfile", unit="compose"),
    FileKind(name="env-template", what="Jinja template of an env file", comment="envfile", unit="compose"),
    FileKind(name="yaml", what="YAML: Kubernetes manifest, Helm template, CI workflow, program configuration",
             comment="yaml", unit="kubernetes"),
    FileKind(name="helm-helpers", what="Helm helper templates (.tpl)", comment="yaml", unit="kubernetes"),
    # Comment syntax differs by format (.ini `;`, .xml `<!-- -->`): no suppression is written into one.
    FileKind(name="template", what="configuration file a program loads (.conf, .ini, .template...)", comment=None,
             unit="config"),
    FileKind(name="systemd-unit", what="systemd service unit", comment="shell", unit="systemd-unit"),
    FileKind(name="procfile", what="Procfile", comment="shell", unit="procfile"),
    FileKind(name="pyproject", what="pyproject.toml (project name, console scripts)", comment="toml", unit=None),
    FileKind(name="setup-cfg", what="setup.cfg (project name, console scripts)", comment="toml", unit=None),
    FileKind(name="setup-py", what="setup.py (marks a Python project)", comment="python", unit=None),
    FileKind(name="go-mod", what="go.mod (module path)", comment=None, unit=None),
)
FILE_KINDS: dict[str, FileKind] = {k.name: k for k in _FILES}


@dataclass(frozen=True, kw_only=True)
class SiteKind:
    name: str
    label: str  # how a finding names such a site
    container: bool  # the program runs in a container, where localhost is the container itself
    named_by_config: bool  # the label shows the configured name (compose service, workload and container)
    missing: str  # why a name the site does not set cannot reach the program ("" = depends on inherits)


_SITES = (
    SiteKind(name="docker-run", label="docker run", container=True, named_by_config=False,
             missing="a container started by docker run gets none of the launcher's environment"),
    SiteKind(name="compose", label="compose service", container=True, named_by_config=True,
             missing="a compose service gets only its environment and env_file entries (and its image's ENV)"),
    SiteKind(name="kubernetes", label="Kubernetes", container=True, named_by_config=True,
             missing="a Kubernetes container gets only its env and envFrom entries (and its image's ENV)"),
    SiteKind(name="exec", label="exec", container=False, named_by_config=False, missing=""),
    SiteKind(name="subprocess", label="subprocess", container=False, named_by_config=False, missing=""),
)
SITE_KINDS: dict[str, SiteKind] = {k.name: k for k in _SITES}

# Why a name is missing at a process launch, by whether the child inherits the launcher's environment.
MISSING_CLOSED = "its environment is a closed list, not built on the launcher's environment"
MISSING_INHERITED = "it inherits the launcher's environment, and no launch site of the launcher sets it"
