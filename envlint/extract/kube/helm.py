"""Helm charts, read without Helm: each template rendered textually with the chart's own values.yaml
and helpers (`helm_render.py`), then parsed as YAML and traced back to where its lines were written.

A node's location is the line its text was written on: the template's line, the helper's line for
text an `include` brought in, values.yaml's line for what `toYaml` inserted. A template that is not
YAML after rendering is one "helm-template" note, not a problem: a chart in a repository is valid by
construction (Helm checks it), so what envlint cannot render is its limit, shown by `envlint facts`.
The chart's other templates go on.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..yamlsource import Node, get, scalar
from ...model import Location, Problem
from .helm_output import Rendered
from .helm_render import PLACEHOLDER_PATTERN, Renderer, RenderLimit
from .helm_template import Template, TemplateError, parse
from .locate import Locator, load

HELM_LANGUAGE = "helm"


@dataclass(frozen=True)
class Chart:
    root: str  # "" or "path/to/chart/"
    templates: str  # root + "templates/"


@dataclass
class ChartResult:
    documents: list[tuple["HelmLocator", Node]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # templates envlint could not render


def find_charts(paths: list[str]) -> list[Chart]:
    charts = []
    for path in paths:
        if posixpath.basename(path) == "Chart.yaml":
            folder = posixpath.dirname(path)
            root = f"{folder}/" if folder else ""
            if any(p.startswith(root + "templates/") for p in paths):
                charts.append(Chart(root, root + "templates/"))
    return charts


class HelmLocator(Locator):
    """Nodes of a rendered template, located where their text was written."""

    def __init__(self, path: str, rendered: Rendered, placeholders: list[str], chart: str) -> None:
        super().__init__(path)
        self.rendered = rendered
        self.placeholders = placeholders
        self.env_text = f"Helm chart {chart}, rendered without Helm"

    def at(self, node: Node) -> Location:
        origin, column = self.rendered.origin(node.start_mark.line, node.start_mark.column)
        return Location(origin.path or self.path, origin.line, column)

    def text(self, node: Node | None) -> str | None:
        value = scalar(node)
        return None if value is None or PLACEHOLDER_PATTERN.search(value) else value

    def source_text(self, node: Node | None) -> str:
        return PLACEHOLDER_PATTERN.sub(lambda m: "{{ " + self.placeholders[int(m.group(1))] + " }}", scalar(node) or "")

    def condition(self, node: Node, outer: Node | None = None) -> str | None:
        own = self.rendered.origin(node.start_mark.line, node.start_mark.column)[0].conditions
        if outer is not None:
            shared = self.rendered.origin(outer.start_mark.line, outer.start_mark.column)[0].conditions
            if own[: len(shared)] == shared:
                own = own[len(shared):]  # the guard of the whole container is not this entry's
        return " and ".join(text for _, text in own) or None

    def unrendered(self, node: Node) -> str:
        last = node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
        notes = self.rendered.notes(node.start_mark.line, max(last, node.start_mark.line))
        return "; ".join(f"Helm template action `{{{{ {n} }}}}` could not be rendered" for n in dict.fromkeys(notes))

    def image(self, node: Node | None) -> str | None:
        """A tag envlint cannot render still leaves the image's name, which links it to a service."""
        value = scalar(node)
        if value is None or not PLACEHOLDER_PATTERN.search(value):
            return value
        name, _, tag = value.rpartition(":")
        if name and "/" not in tag and not PLACEHOLDER_PATTERN.search(name):
            return name
        return None


def _chart_root(path: str, data: dict[str, bytes]) -> dict[str, object]:
    documents, _ = load(path, data.get(path, b""))
    meta = documents[0] if documents else None
    name = scalar(get(meta, "name")) or posixpath.basename(posixpath.dirname(path)) or "chart"
    chart = {"Name": name, "Version": scalar(get(meta, "version")) or "",
             "AppVersion": scalar(get(meta, "appVersion")) or ""}
    return {"Chart": chart, "Release": {"Name": name, "Service": "Helm"}, "Capabilities": {}, "Files": {}}


def render_chart(chart: Chart, files: list[tuple[str, bytes]]) -> ChartResult:
    data = {p: d for p, d in files if p.startswith(chart.root) and not _in_subchart(p, chart)}
    result = ChartResult()
    root = _chart_root(chart.root + "Chart.yaml", data)
    values_path = chart.root + "values.yaml"
    values, _ = load(values_path, data.get(values_path, b""))  # a bad values.yaml is reported as plain YAML
    root["Values"] = values[0] if values else {}
    templates: dict[str, Template] = {}
    for path in sorted(data):
        is_template = path.startswith(chart.templates) and path.endswith((".yaml", ".yml", ".tpl"))
        if not (is_template or path.endswith(".tpl")):
            continue
        try:
            templates[path] = parse(path, data[path].decode("utf-8"))
        except (TemplateError, UnicodeDecodeError) as exc:
            result.notes.append(_note(path, 1, f"cannot be parsed as a Go template ({exc})"))
    defines = {name: (t, nodes) for t in templates.values() for name, nodes in t.defines.items()}
    renderer = Renderer(defines, root, values_path)
    chart_name = str(root["Chart"]["Name"])  # type: ignore[index]
    for path, template in templates.items():
        if path.endswith(".tpl") or posixpath.basename(path).startswith("_"):
            continue  # helpers hold defines only; Helm does not render them
        try:
            rendered = renderer.render(template)
        except (RenderLimit, RecursionError) as exc:
            result.notes.append(_note(path, 1, f"could not be rendered without Helm ({exc})"))
            continue
        documents, problem = load(path, rendered.text.encode("utf-8"))
        if problem is not None:
            result.notes.append(_yaml_note(path, rendered, problem))
            continue
        locator = HelmLocator(path, rendered, renderer.placeholders, chart_name)
        result.documents.extend((locator, doc) for doc in documents)
    return result


def _in_subchart(path: str, chart: Chart) -> bool:
    return path.startswith(chart.root + "charts/")


def _note(path: str, line: int, what: str) -> Problem:
    return Problem(
        location=Location(path, line, 1),
        kind="helm-template",
        message=f"Helm template {what}; the template was skipped",
    )


def _yaml_note(path: str, rendered: Rendered, problem: Problem) -> Problem:
    line = problem.location.line - 1
    origin, _ = rendered.origin(line, 0)
    reason = problem.message.removeprefix("not valid YAML (").removesuffix("); skipped")
    notes = rendered.notes(max(line - 3, 0), line)
    what = f"is not valid YAML after rendering without Helm ({reason}, rendered line {line + 1})"
    if notes:
        what += "; could not render " + ", ".join(f"`{{{{ {n} }}}}`" for n in dict.fromkeys(notes))
    at = origin.line if origin.path == path else 1
    return _note(path, at, what)
