"""The pipeline up to the graph: discover -> extract -> services -> link -> environment flow.

Pure apart from reading the repository's files; never reads the process environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .discover import discover
from .envflow import compute_env
from .extract.run import extract_all
from .link import infer_links
from .model import Graph, LaunchSite
from .projects import find_projects
from .services import build_services


@dataclass(frozen=True)
class Analysis:
    root: Path
    graph: Graph
    unowned: tuple[str, ...]  # files with facts that belong to no service
    config: Config


def analyze(root: Path, paths: tuple[Path, ...], config: Config) -> Analysis:
    found = discover(root, paths, config.exclude + config.extend_exclude, config.respect_gitignore)
    facts, problems = extract_all(root, found.files)
    projects = find_projects(root, found.files)
    service_set = build_services(projects, facts, config)
    sites: list[LaunchSite] = sorted((s for f in facts for s in f.launch_sites), key=lambda s: s.location)
    links = infer_links(sites, service_set.services, service_set.owner, projects, config)
    env = compute_env(root, sites, service_set.services, links, service_set.owner)
    all_problems = sorted(list(found.problems) + problems + list(projects.problems), key=lambda p: (p.location, p.kind))
    graph = Graph(
        services=service_set.services,
        sites=tuple(sites),
        links=tuple(links),
        files=tuple(facts),
        problems=tuple(all_problems),
        env_at=env,
    )
    return Analysis(root, graph, service_set.unowned, config)
