"""The pipeline up to the graph: discover -> extract -> services -> link -> environment flow.

Pure apart from reading the repository's files (and asking git which they are); never reads the process
environment.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from .config import Config, ConfigError
from .declared import check_declared_roots
from .graph.commandreads import with_command_reads
from .graph.configreads import placeholder_reads, with_mounted_config
from .discover import Discovery, discover
from .graph.envflow import compute_env
from .graph.goreach import mark_references
from .extract.cache import UnitCache
from .extract.envfile_facts import env_file_entries, referenced_env_files
from .extract.run import Loaded, extract_all
from .graph.link import infer_links
from .model import EnvSet, Graph, LaunchSite
from .extract.projects import find_projects
from .resolve import resolve
from .graph.services import build_services
from .graph.unlinked import explain_unlinked
from .graph.upstream import upstream_programs
from .timings import NO_CLOCK, Clock


@dataclass(frozen=True)
class Analysis:
    root: Path
    graph: Graph
    unowned: tuple[str, ...]  # files with facts that belong to no service
    config: Config
    # Every env file with its entries; `.env.example`-style files document names and start nothing.
    env_files: tuple[tuple[str, tuple[EnvSet, ...]], ...] = ()


def analyze(root: Path, paths: tuple[Path, ...], config: Config, cache: UnitCache | None = None,
            clock: Clock = NO_CLOCK) -> Analysis:
    found = discover(root, paths, config.exclude + config.extend_exclude, config.respect_gitignore)
    clock.lap("discover", files_seen=len(found.files))
    return analyze_found(root, found, config, cache, clock)


def analyze_found(root: Path, found: Discovery, config: Config, cache: UnitCache | None = None,
                  clock: Clock = NO_CLOCK, read: Loaded | None = None,
                  env_reads: dict[str, str | None] | None = None, freeze: bool = False) -> Analysis:
    """The analysis of the discovered files; ``read``: their bytes, read already (run_cache.py);
    ``env_reads`` gets the env files read outside the discovered ones (envfile_facts.py).

    ``freeze``: the facts, which live as long as the analysis, are moved out of the cyclic collector's
    sight (gc.freeze; the caller calls gc.unfreeze when done): each full collection of the graph stage
    and the checks would scan them all again, for no garbage (records hold no cycles). With one Python
    file edited, ragflow's `check` takes 9% less CPU. A library caller keeps the collector as it is.

    With ``freeze``, the collector is also paused while extraction's results arrive: the facts decoded
    from the cache and unpickled from the workers are millions of objects with no cycle, kept, and each
    collection on the way scanned all those before them again (decoding the 2x bench corpus's cached
    units took 1.59 s with the collector on, 0.41 s with it off)."""
    paused = freeze and gc.isenabled()
    if paused:
        gc.disable()
    try:
        facts, problems, loaded = extract_all(root, found.files, cache, config.jobs, read)
    finally:
        if paused:
            gc.enable()
    if freeze:
        gc.freeze()
    projects = find_projects(root, found.files, loaded)
    clock.lap("extract")
    facts = resolve(facts, projects.go_modules)
    # After resolve: reads of another package's wrappers are made there, and their functions count.
    facts = mark_references(facts)
    service_set = build_services(projects, facts, config, tuple(f.path for f in found.files))
    _check_declarations(root, config, {s.name for s in service_set.services})
    sites: list[LaunchSite] = sorted((s for f in facts for s in f.launch_sites), key=lambda s: s.location)
    _check_link_sites(config, sites)
    links = infer_links(sites, service_set.services, service_set.owner, projects, config)
    placeholders = placeholder_reads(facts)
    services = with_mounted_config(service_set.services, sites, links, placeholders)
    services = with_command_reads(services, sites, links, projects.dockerfiles, facts, tuple(f.path for f in found.files))
    services, links = upstream_programs(services, sites, links, placeholders)
    env = compute_env(referenced_env_files(root, sites, env_reads), sites, services, links, service_set.owner)
    all_problems = sorted(list(found.problems) + problems + list(projects.problems), key=lambda p: (p.location, p.kind))
    graph = Graph(
        services=services,
        sites=tuple(sites),
        links=tuple(links),
        files=tuple(facts),
        problems=tuple(all_problems),
        env_at=env,
        unlinked=explain_unlinked(sites, links, services),
    )
    env_files = env_file_entries(root, found.files, loaded)
    # A file whose reads are a service's weak reads (a configuration it mounts or copies) is checked.
    weak = {r.location.path for s in services for r in s.weak_reads}
    clock.lap("resolve/graph")
    return Analysis(root, graph, tuple(p for p in service_set.unowned if p not in weak), config, env_files)


def _check_link_sites(config: Config, sites: list[LaunchSite]) -> None:
    """A declared link whose site names no launch site would silently link nothing."""
    known = {s.location.path for s in sites} | {f"{s.location.path}:{s.location.line}" for s in sites}
    for link in config.links:
        if link.site not in known:
            raise ConfigError(f"{config.source}: links: site {link.site!r} is not a launch site envlint found "
                              "(`envlint facts` lists them as path:line)")


def _check_declarations(root: Path, config: Config, services: set[str]) -> None:
    """A declaration that names nothing is a configuration error, not a silent no-op."""
    check_declared_roots(root, config)
    for link in config.links:
        if link.service not in services:
            known = ", ".join(sorted(services)) or "none"
            raise ConfigError(f"{config.source}: links: service {link.service!r} is not a service of the "
                              f"repository (services: {known})")
