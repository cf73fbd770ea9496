"""Kubernetes launch sites: plain manifests, kustomize overlays and Helm charts, read without kubectl
or Helm.

Every `.yaml`/`.yml` file that is not a compose file arrives here with the `.tpl` helpers, all at
once, because they refer to each other: a container's `envFrom` names a ConfigMap in another file, an
overlay patches a base, a chart's templates include its helpers and read its values. Unrelated YAML
(CI workflows, application config) simply holds no workload. Sites are grouped into one `FileFacts`
per file they are located in.
"""

from __future__ import annotations

from collections import defaultdict

from ..yamlsource import Node
from ...model import FileFacts, LaunchSite, Problem, Source
from .configmaps import ConfigIndex, config_data
from .helm import HELM_LANGUAGE, Chart, find_charts, render_chart
from .kustomize import find_kustomizations
from .overlays import overlay_sites
from .locate import Locator, load
from .unused import as_note, holds_nothing_used
from .workloads import container_site, containers, manifests


def extract_kubernetes(files: list[tuple[str, bytes]]) -> list[FileFacts]:
    paths = sorted({p for p, _ in files})
    charts = find_charts(paths)
    sites: list[LaunchSite] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    plain: dict[str, list[Node]] = {}
    for path, data in sorted(files):
        chart = _chart_of(path, charts)
        if path.endswith(".tpl") or (chart is not None and path.startswith(chart.templates)):
            continue  # templates and helpers are read by the chart, after rendering
        documents, problem = load(path, data)
        if problem is not None and problem.kind == "invalid-yaml" and chart is None \
                and holds_nothing_used(path, data):
            notes.append(as_note(problem))
        elif problem is not None:
            problems.append(problem)
        plain[path] = [m for doc in documents for m in manifests(Locator(path), doc)]
    kustomizations = find_kustomizations(plain, dict(files))
    skipped = {p for k in kustomizations for p in k.patch_files} | {k.path for k in kustomizations}

    index = ConfigIndex()
    rendered = []
    for chart in charts:
        result = render_chart(chart, files)
        notes.extend(result.notes)
        rendered.extend(result.documents)
    for path, docs in plain.items():
        for doc in docs:
            if (data := config_data(Locator(path), doc)) is not None:
                index.add(data)
    for locator, doc in rendered:
        if (data := config_data(locator, doc)) is not None:
            index.add(data)
    for k in kustomizations:
        for data in k.generated:
            index.add(data)

    for path, docs in plain.items():
        if path in skipped:
            continue
        locator = Locator(path)
        for doc in docs:
            sites.extend(container_site(locator, c, index, "kubernetes") for c in containers(locator, doc))
    for locator, doc in rendered:
        sites.extend(container_site(locator, c, index, HELM_LANGUAGE, locator.env_text)
                     for c in containers(locator, doc))
    for k in kustomizations:
        sites.extend(overlay_sites(k, kustomizations, plain, index))
    return _group(sites, problems, notes, charts)


def _chart_of(path: str, charts: list[Chart]) -> Chart | None:
    """The innermost chart holding the file (a subchart under charts/ is its own chart)."""
    holding = [c for c in charts if path.startswith(c.root)]
    return max(holding, key=lambda c: len(c.root)) if holding else None


def _group(sites: list[LaunchSite], problems: list[Problem], notes: list[Problem],
           charts: list[Chart]) -> list[FileFacts]:
    by_path: dict[str, tuple[list[LaunchSite], list[Problem], list[Problem]]] = defaultdict(lambda: ([], [], []))
    for site in sites:
        by_path[site.location.path][0].append(site)
    for problem in problems:
        by_path[problem.location.path][1].append(problem)
    for note in notes:
        by_path[note.location.path][2].append(note)
    out = []
    for path in sorted(by_path):
        found, trouble, noted = by_path[path]
        language: Source = HELM_LANGUAGE if _chart_of(path, charts) is not None else "kubernetes"
        out.append(FileFacts(path=path, language=language, launch_sites=tuple(sorted(found, key=lambda s: s.location)),
                             problems=tuple(sorted(trouble, key=lambda p: (p.location, p.kind))),
                             notes=tuple(sorted(noted, key=lambda p: (p.location, p.kind)))))
    return out
