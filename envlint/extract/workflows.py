"""GitHub Actions: a step's `run:` command that starts a program of the repository is a launch site.

The program gets the `env:` of the workflow, of its job and of its step (the inner one wins; the outer
ones serve every step, so a program that does not read one of them is no finding), the
`export X=...` lines of the step before the command, and the assignments that prefix the command
itself. A value holding `${{ ... }}` is known only when the workflow runs, but it sets the name. A
command that is a whole `${{ matrix.K }}` runs each value of the job's matrix key K, each a launch site
of its own located at its matrix entry. The command runs in the checkout (or the step's or job's
`working-directory`); in a composite action (`action.yml`, `runs.steps`), `${{ github.action_path }}`
is the action's folder. The runner's own variables (`GITHUB_SHA`, `RUNNER_OS`) and the names earlier
steps of the job write to `$GITHUB_ENV` are provided at every step: never missing, never the site's sets.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from functools import lru_cache

from ..model import EnvSet, FileFacts, LaunchSite, Location, TargetRef
from ..packaged import data_lines
from . import yamlsource as y
from .commands import Command, parse_command, split_commands

_MATRIX = re.compile(r"^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$")
_ACTION_PATH = re.compile(r"\$\{\{\s*github\.action_path\s*\}\}|\$\{?GITHUB_ACTION_PATH\}?")
_EXPORT = re.compile(r"^\s*export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
# `echo "NAME=value" >> "$GITHUB_ENV"`: the runner sets NAME for the job's later steps.
_WRITES_ENV = re.compile(r"""(?:echo|printf)\s+(?:-\w+\s+)*["']?([A-Za-z_][A-Za-z0-9_]*)=.*>>\s*["']?\$\{?GITHUB_ENV\b""")


@lru_cache(maxsize=1)
def _runner_names() -> tuple[str, ...]:
    return data_lines("github_runner_variables.txt")


def is_workflow(path: str) -> bool:
    """A workflow (`.github/workflows/*.yml`) or a composite action's metadata (`action.yml`)."""
    parts = path.split("/")
    name = parts[-1]
    if not name.endswith((".yml", ".yaml")):
        return False
    return parts[-3:-1] == [".github", "workflows"] or name in ("action.yml", "action.yaml")


def _env(path: str, node: y.Node | None, via: str, for_others: bool) -> dict[str, EnvSet]:
    out = {}
    for name, key, value in y.items(node):
        text = y.scalar(value)
        known = text if text is not None and "${{" not in text else None
        out[name] = EnvSet(name=name, location=y.location(path, key), value=known, via=via, for_others=for_others)
    return out


def _expanded(sets: dict[str, EnvSet], text: str) -> dict[str, EnvSet]:
    """The step's own names that its script expands itself (`prog "$BUMP"`) serve the script too."""
    return {name: dataclasses.replace(item, for_others=True) if re.search(r"\$\{?" + name + r"\b", text) else item
            for name, item in sets.items()}


def _folder(*nodes: y.Node | None) -> str | None:
    """The working directory of the innermost node that gives one; None when it is an expression."""
    for node in nodes:
        text = y.scalar(y.get(node, "working-directory")) if node is not None else None
        if text is not None:
            return None if "${{" in text else posixpath.normpath(text.strip("/")) or "."
    return "."


def _matrix_values(job: y.Node, key: str) -> list[y.Node]:
    matrix = y.get(y.get(job, "strategy"), "matrix")
    values = [v for v in y.sequence(y.get(matrix, key)) if y.scalar(v) is not None]
    values += [v for entry in y.sequence(y.get(matrix, "include")) if (v := y.get(entry, key)) is not None
               and y.scalar(v) is not None]
    return values


class _Text:
    """The file's lines, to locate a command of a `run:` block (PyYAML marks only where a scalar starts)."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.lines = data.decode("utf-8", errors="replace").splitlines()

    def find(self, start_line: int, text: str) -> Location:
        for index in range(start_line - 1, len(self.lines)):
            column = self.lines[index].find(text)
            if column >= 0:
                return Location(self.path, index + 1, column + 1)
        return Location(self.path, start_line, 1)


def _site(where: Location, command: Command, sets: dict[str, EnvSet], function: str, source: _Text,
          offset_loc: Location, provided: tuple[str, ...]) -> LaunchSite:
    own = dict(sets)
    for assignment in command.assignments:
        value = assignment.value if "$" not in assignment.value else None
        own[assignment.name] = EnvSet(
            name=assignment.name,
            location=Location(source.path, offset_loc.line, offset_loc.column + assignment.offset),
            value=value,
            via="assignment before the command",
        )
    target = TargetRef(
        kind=command.kind,
        value=command.target,  # type: ignore[arg-type]
        location=Location(source.path, offset_loc.line, offset_loc.column + command.offset),
        via="GitHub Actions step",
    )
    return LaunchSite(
        location=where,
        kind="exec",
        language="config",
        function=function,
        targets=(target,),
        sets=tuple(own.values()),
        inherits=False,
        env_text="GitHub Actions step: env of the workflow, job and step, and the command's assignments",
        provided=provided,
    )


def _step_sites(source: _Text, job: y.Node, step: y.Node, sets: dict[str, EnvSet], folder: str | None,
                function: str, action_folder: str | None, provided: tuple[str, ...]) -> list[LaunchSite]:
    run = y.get(step, "run")
    text = y.scalar(run)
    if text is None or folder is None or run is None:
        return []
    sets = {**sets, **_expanded(_env(source.path, y.get(step, "env"), "env of the step", False), text)}
    start = y.location(source.path, run).line
    sites = []
    logical = text.replace("\\\n", " ").splitlines()
    for line in logical:
        export = _EXPORT.match(line)
        if export:
            where = source.find(start, line.strip())
            value = export.group(2).strip("'\"")
            sets[export.group(1)] = EnvSet(
                name=export.group(1),
                location=where,
                value=value if "$" not in value else None,
                via="export in the step",
            )
            continue
        if action_folder is not None:
            line = _ACTION_PATH.sub(action_folder, line)
        for offset, part in split_commands(line):
            matrix = _MATRIX.match(part)
            if matrix:
                for value in _matrix_values(job, matrix.group(1)):
                    command = parse_command(y.scalar(value) or "", folder)
                    if command is not None:
                        loc = y.location(source.path, value)
                        sites.append(_site(loc, command, sets, function, source, loc, provided))
                continue
            if "${{" in part:
                continue
            command = parse_command(part, folder)
            if command is not None:
                loc = source.find(start, part)
                sites.append(_site(loc, command, sets, function, source, loc, provided))
    return sites


def _job_sites(source: _Text, name: str, job: y.Node, top: y.Node, workflow_env: dict[str, EnvSet],
               action_folder: str | None) -> list[LaunchSite]:
    sets = {**workflow_env, **_env(source.path, y.get(job, "env"), f"env of job {name}", True)}
    sites = []
    written: list[str] = []  # names earlier steps wrote to $GITHUB_ENV
    for index, step in enumerate(y.sequence(y.get(job, "steps")), start=1):
        label = y.scalar(y.get(step, "id")) or y.scalar(y.get(step, "name")) or str(index)
        folder = _folder(step, y.get(y.get(job, "defaults"), "run"), y.get(y.get(top, "defaults"), "run"))
        function = f"job {name} step {label}" if name else f"step {label}"
        provided = tuple(dict.fromkeys(_runner_names() + tuple(written)))
        sites.extend(_step_sites(source, job, step, sets, folder, function, action_folder, provided))
        written.extend(m.group(1) for m in _WRITES_ENV.finditer(y.scalar(y.get(step, "run")) or ""))
    return sites


def extract_workflow(path: str, data: bytes) -> list[FileFacts]:
    documents, problem = y.load_documents(path, data)
    if problem is not None or not documents:
        return []  # the YAML extractors report a file that does not parse
    top = documents[0]
    source = _Text(path, data)
    sites: list[LaunchSite] = []
    if path.split("/")[-1].startswith("action."):
        runs = y.get(top, "runs")
        if y.scalar(y.get(runs, "using")) == "composite":
            sites = _job_sites(source, "", runs, top, {}, posixpath.dirname(path) or ".")
    else:
        workflow_env = _env(path, y.get(top, "env"), "env of the workflow", True)
        for name, _, job in y.items(y.get(top, "jobs")):
            sites.extend(_job_sites(source, name, job, top, workflow_env, None))
    return [FileFacts(path=path, language="config", launch_sites=tuple(sites))] if sites else []
