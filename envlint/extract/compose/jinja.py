"""Jinja templates of compose files and env files, read the way envlint reads a Helm chart: tolerantly.

An installer (`prepare`, an Ansible role) renders `docker-compose.yml.jinja` and `<component>/env.jinja`
into the compose file and the env files it names. What a launch site sets is the literal left-hand
sides of the env template; values (`{{ ... }}`) are opaque, and a name set inside `{% if %}` is set only
under that condition. The compose template is YAML once each `{% ... %}` line is dropped and each
`{{ ... }}` is replaced by a placeholder word, with line numbers kept.

A compose file names the rendered env file (`./common/config/core/env`), a path of the rendered tree,
not of the repository: the template is the one whose folder and name end that path, when exactly one
does, and the link that rests on it says it is a guess.
"""

from __future__ import annotations

import posixpath
import re

from ...filenames import JINJA_SUFFIXES, rendered_name
from ...model import EnvSet, Location

_EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}")
_STATEMENT = re.compile(r"\{%-?\s*(.*?)\s*-?%\}")
_COMMENT = re.compile(r"\{#.*?#\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def is_template(path: str) -> bool:
    return rendered_name(posixpath.basename(path)) is not None


def _placeholder(match: re.Match[str]) -> str:
    """`{{ trace.sample_rate }}` -> `<trace.sample_rate>`: one plain YAML word, never a flow mapping."""
    word = re.sub(r"[^\w.]+", "_", match.group(1).strip()).strip("_")
    return f"<{word or 'jinja'}>"


class _Conditions:
    """The `{% if %}` / `{% for %}` blocks open at a line, as text."""

    def __init__(self) -> None:
        self.stack: list[str] = []

    def statement(self, body: str) -> None:
        word, _, rest = body.partition(" ")
        if word in ("if", "for"):
            self.stack.append(rest.strip() if word == "if" else body)
        elif word == "elif" and self.stack:
            self.stack[-1] = f"not ({self.stack[-1]}) and {rest.strip()}"
        elif word == "else" and self.stack:
            self.stack[-1] = f"not ({self.stack[-1]})"
        elif word in ("endif", "endfor") and self.stack:
            self.stack.pop()

    def current(self) -> str | None:
        return " and ".join(self.stack) if self.stack else None


def _statement_line(line: str) -> list[str] | None:
    """The statements of a line that holds nothing else, else None."""
    bodies = _STATEMENT.findall(line)
    if bodies and not _STATEMENT.sub("", _COMMENT.sub("", line)).strip():
        return bodies
    return None


def detemplate(text: str) -> tuple[str, dict[int, str]]:
    """The YAML a compose template renders, for reading (line numbers kept), and the condition of each
    line that stands inside an `{% if %}` block."""
    conditions = _Conditions()
    out: list[str] = []
    guarded: dict[int, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        bodies = _statement_line(line)
        if bodies is not None:
            for body in bodies:
                conditions.statement(body)
            out.append("")
            continue
        condition = conditions.current()
        if condition:
            guarded[number] = condition
        line = _COMMENT.sub("", line)
        line = _STATEMENT.sub("", line)  # an inline `{% if %}x{% endif %}` keeps its text
        out.append(_EXPRESSION.sub(_placeholder, line))
    return "\n".join(out), guarded


def parse_env_template(path: str, text: str, via: str = "") -> list[EnvSet]:
    """The names an env-file template sets: the literal left-hand side of each `K=...` line; a value
    with a Jinja expression is unknown; a line inside `{% if %}` is set under that condition."""
    conditions = _Conditions()
    sets = []
    for number, line in enumerate(text.splitlines(), start=1):
        bodies = _statement_line(line)
        if bodies is not None:
            for body in bodies:
                conditions.statement(body)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        body = stripped[len("export "):].lstrip() if stripped.startswith("export ") else stripped
        name, eq, raw = body.partition("=")
        name = name.strip()
        if not eq or not _NAME.fullmatch(name):
            continue  # a templated name or a line that sets nothing
        value = None if "{{" in raw or "{%" in raw else raw.strip().strip("'\"")
        sets.append(EnvSet(name=name, location=Location(path, number, line.index(name) + 1), value=value,
                           condition=conditions.current(), via=via or f"env file template {path}"))
    return sets


def template_of(resolved: str, templates: list[str]) -> tuple[str, bool] | None:
    """The env template that renders the env file a compose file names (``resolved`` against the
    compose file's folder), and whether that is a guess: the template beside it (`app.env.jinja` for
    `./app.env`) is not; else the one template whose folder and rendered name end the path
    (`templates/core/env.jinja` for `./common/config/core/env`), if exactly one does."""
    for suffix in JINJA_SUFFIXES:
        if resolved + suffix in templates:
            return resolved + suffix, False
    parts = [p for p in resolved.split("/") if p not in ("", ".", "..")]
    if len(parts) < 2:
        return None
    folder, name = parts[-2], parts[-1]
    found = [t for t in templates if rendered_name(posixpath.basename(t)) == name
             and posixpath.basename(posixpath.dirname(t)) == folder]
    return (found[0], True) if len(found) == 1 else None
