"""Shared, precomputed views of the graph that every check reads. Built once per run."""

from __future__ import annotations

import fnmatch
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Iterable, Mapping

from ..config import Config
from ..model import FIRST_ARGUMENT, FileFacts, Graph, Guard, LaunchSite, Link, Read, Service, SiteEnv
from ..runtime import NameSet, library_globs, runtime_names
from .command_scripts import script_reads, scripts
from .evidence import enablers
from .settings_choice import SELECTORS, unselected_files


@dataclass
class Context:
    graph: Graph
    config: Config
    renames: dict[tuple[str, str], dict[str, tuple[str, str]]] = field(default_factory=dict)  # probable_renames
    _unselected: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # Per service name (unique in a graph): asked for thousands of times by the rules.
    _by_name: dict[str, Mapping[str, tuple[Read, ...]]] = field(default_factory=dict)
    _alternatives: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    _fallbacks: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # _read_after
    _commands: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def services(self) -> dict[str, Service]:
        return {s.name: s for s in self.graph.services}

    @cached_property
    def sites(self) -> dict[str, LaunchSite]:
        return {s.id: s for s in self.graph.sites}

    @cached_property
    def links_by_site(self) -> dict[str, list[Link]]:
        out: dict[str, list[Link]] = defaultdict(list)
        for link in self.graph.links:
            out[link.site].append(link)
        return out

    @cached_property
    def sites_by_service(self) -> dict[str, list[LaunchSite]]:
        out: dict[str, list[LaunchSite]] = defaultdict(list)
        for link in self.graph.links:
            out[link.service].append(self.sites[link.site])
        return {k: sorted(v, key=lambda s: s.location) for k, v in out.items()}

    def linked(self) -> list[tuple[LaunchSite, Service]]:
        """Every (site, service) pair of the graph, in a stable order."""
        pairs = [(self.sites[l.site], self.services[l.service]) for l in self.graph.links if l.service in self.services]
        return sorted(pairs, key=lambda p: (p[0].location, p[1].name))

    def env(self, site: LaunchSite) -> SiteEnv:
        found = self.graph.env_at.get(site.id)  # the default made only when missing: asked 53,000 times at 4x
        return found if found is not None else SiteEnv(names=frozenset(), open=True, why_open="not computed")

    def runtime(self, service: Service) -> NameSet:
        return runtime_names(service.languages, self.config)

    def reads_by_name(self, service: Service) -> Mapping[str, tuple[Read, ...]]:
        """The service's reads by name, in location order. Computed once per service and shared by every
        rule, so it is read-only: a rule that adds to it (ENV007 adding weak reads) takes a copy. When
        ENV007 added to the shared one, every later rule saw weak reads as reads (lost renames)."""
        found = self._by_name.get(service.name)
        if found is None:
            out: dict[str, list[Read]] = defaultdict(list)
            for read in sorted(service.reads, key=lambda r: r.location):
                if read.name is not None:
                    out[read.name].append(read)
            found = self._by_name[service.name] = MappingProxyType({n: tuple(r) for n, r in out.items()})
        return found

    def primary_reads(self, service: Service) -> dict[str, list[Read]]:
        """Reads by name, without the names that are only ever read as the fallback of another read of
        the service (`os.getenv("A") or os.getenv("B")`, envconfig's bare tag after its prefixed name):
        a finding about the primary name covers them."""
        by_name = self.reads_by_name(service)
        return {name: reads for name, reads in by_name.items()
                if not all(r.fallback_of and r.fallback_of in by_name for r in reads)}

    def alternatives(self, service: Service, name: str) -> frozenset[str]:
        """``name`` and the names read in its place when it is empty (its fallbacks, transitively)."""
        key = (service.name, name)
        if key not in self._alternatives:
            self._alternatives[key] = self._find_alternatives(service, name)
        return self._alternatives[key]

    def _find_alternatives(self, service: Service, name: str) -> frozenset[str]:
        by_name = self.reads_by_name(service)
        read_after = self._read_after(service)
        found, stack = {name}, [name]
        while stack:
            current = stack.pop()
            nexts = {f for r in by_name.get(current, []) for f in r.default.fallbacks}
            nexts |= read_after.get(current, set())
            for item in nexts - found:
                found.add(item)
                stack.append(item)
        return frozenset(found)

    def _read_after(self, service: Service) -> dict[str, set[str]]:
        """Name -> the names with a read that is its fallback (`fallback_of`), once per service: looked
        up per name asked, the scan of every read was quadratic (654 names on ragflow: 0.05 s)."""
        found = self._fallbacks.get(service.name)
        if found is None:
            found = self._fallbacks[service.name] = defaultdict(set)
            for name, reads in self.reads_by_name(service).items():
                for read in reads:
                    if read.fallback_of:
                        found[read.fallback_of].add(name)
        return found

    def provided(self, service: Service, name: str, env: SiteEnv, always: bool = False) -> bool:
        """The site gives ``name`` or one of its fallbacks (``always``: not only under a condition)."""
        return any(n in env.names and not (always and n in env.conditional) for n in self.alternatives(service, name))

    @cached_property
    def shared_files(self) -> frozenset[str]:
        """Files of sets (env files, ConfigMaps) that sites of two or more services use: a name there may
        be meant for another of them, so it is evidence neither that one of them leaves it unread nor
        that one of its sites means to give it to this program."""
        # A file that holds launch sites itself (a compose base file under its overlays, a base manifest
        # under kustomize overlays) gives its sets to its own sites: they are those sites' sets, not
        # a shared file's, whatever overlays of several services repeat them.
        site_files = {site.location.path for site in self.graph.sites}
        users: dict[str, set[str]] = {}
        for site in self.graph.sites:
            for item in site.sets:
                if item.location.path != site.location.path and item.location.path not in site_files:
                    users.setdefault(item.location.path, set()).update(
                        link.service for link in self.links_by_site.get(site.id, []))
        return frozenset(path for path, services in users.items() if len(services) > 1)

    @cached_property
    def _sites_by_path(self) -> dict[str, list[tuple[int, LaunchSite]]]:
        found: dict[str, list[tuple[int, LaunchSite]]] = defaultdict(list)
        for position, site in enumerate(self.graph.sites):
            found[site.location.path].append((position, site))
        return dict(found)

    def sites_in(self, files: Iterable[str]) -> list[LaunchSite]:
        """The launch sites in ``files``, in the graph's order: looked up by path, not by a pass over every
        site of the repository per program (that was quadratic in a monorepo's programs and sites)."""
        found = [entry for path in set(files) for entry in self._sites_by_path.get(path, ())]
        return [site for _, site in sorted(found, key=lambda entry: entry[0])]

    @cached_property
    def _families(self) -> dict[str, tuple[str, ...]]:
        """Per service: prefixes of the names it reads as families: those it iterates the environment
        for (`APP_*`), and those of a program outside the repository it starts with its own environment
        (`git` reads `GIT_*`)."""
        out = {}
        for service in self.graph.services:
            children = {f"{posixpath.basename(t.value).upper().replace('-', '_')}_"
                        for site in self.sites_in(service.files)
                        if site.inherits and not self.links_by_site.get(site.id)
                        for t in site.targets if t.kind == "program" and t.value}
            out[service.name] = tuple(sorted({p for p in service.read_prefixes if p} | children))
        return out

    def in_family(self, service: Service, name: str) -> bool:
        """The service (or a program outside the repository it starts) reads ``name`` as one of a family."""
        return any(name.startswith(prefix) for prefix in self._families[service.name])

    def other_commands_only(self, site: LaunchSite, service: Service) -> frozenset[str]:
        """Names the service reads only in sub-commands other than the one this site runs (every read
        under a `switch os.Args[1]` case that the site's command is not): one binary, several programs."""
        return frozenset(name for name, reads in self.reads_by_name(service).items()
                         if reads and all(any(g.variable == FIRST_ARGUMENT and self._never(site, service, g)
                                                  for g in r.guards) for r in reads))

    def reached(self, site: LaunchSite, service: Service, name: str, reads: list[Read]) -> list[Read]:
        """The reads of ``name`` that can happen at this site. A read does not when:
        - a guard around it (or around every call of its function) is false for every value the site
          gives its variable (an unset variable is ""): `if os.Getenv("V") == "1"` where V is unset;
        - it is in a settings module the site does not choose (settings_choice.py);
        - its condition waits for another variable of the service to turn its feature on (`if
          settings.ENABLE_TRACING:`) and the site always sets none of those.
        One filter for every rule, so that ENV001, ENV003, ENV004 and ENV006 agree on what runs where."""
        unselected = self.unselected(site, service)
        read_names = set(self.reads_by_name(service))
        env = self.env(site)
        out = []
        for read in reads:
            if read.location.path in unselected or any(self._never(site, service, g) for g in read.guards):
                continue
            # A switch that a structured guard tests was evaluated above against the site's values
            # (a Helm `if` that may set it counts); the text is only for tests envlint cannot structure.
            switches = enablers(read, name, read_names) - {g.variable for g in read.guards}
            if switches and not any(self.provided(service, s, env, always=True) for s in switches):
                continue
            out.append(read)
        return out

    def unselected(self, site: LaunchSite, service: Service) -> frozenset[str]:
        """Settings modules the site's DJANGO_SETTINGS_MODULE does not choose (settings_choice.py)."""
        key = (site.id, service.name)
        if key not in self._unselected:
            found: frozenset[str] = frozenset()
            for selector in SELECTORS:
                found |= unselected_files(self.site_values(site, service, selector), service, self.facts)
            self._unselected[key] = found
        return self._unselected[key]

    @cached_property
    def facts(self) -> dict[str, FileFacts]:
        return {f.path: f for f in self.graph.files}

    def site_reads(self, site: LaunchSite, service: Service) -> dict[str, list[Read]]:
        """primary_reads, with the reads of the scripts the site's command runs (command_scripts.py)."""
        out = {name: list(reads) for name, reads in self.primary_reads(service).items()}
        for read in script_reads(site, service, self._shell):
            out.setdefault(read.name, []).append(read)
        return out

    def site_scripts_dynamic(self, site: LaunchSite, service: Service) -> bool:
        """A script the site's command runs reads names it never spells out."""
        return any(f.reads_dynamic for f in scripts(site, service, self._shell))

    @cached_property
    def _shell(self) -> dict[str, FileFacts]:
        return {p: f for p, f in self.facts.items() if f.language == "shell"}

    def _never(self, site: LaunchSite, service: Service, guard: Guard) -> bool:
        values = self.site_values(site, service, guard.variable)
        return values is not None and not any(guard.holds(v) for v in values)

    def site_values(self, site: LaunchSite, service: Service, name: str) -> frozenset[str] | None:
        """Every value ``name`` can have in the child of ``site`` ("" for unset), or None when unknown
        (inherited, passed through, or set to something that is not a literal). For the program's first
        argument (a sub-command), the first word of the command the site runs, when it gives one."""
        if name == FIRST_ARGUMENT:
            return self.sub_command(site, service)
        env = self.env(site)
        given = [s for s in site.sets if s.name == name] or [e for e in service.image_env if e.name == name]
        if given:
            if any(s.value is None or s.passthrough for s in given):
                return None
            values = {s.value or "" for s in given}
            return frozenset(values | ({""} if name in env.conditional else set()))
        return None if env.open or name in env.names else frozenset({""})

    def _sub_commands(self, service: Service) -> frozenset[str]:
        """The sub-commands the service's guards name (computed once per service)."""
        found = self._commands.get(service.name)
        if found is None:
            found = self._commands[service.name] = frozenset(
                g.value for r in service.reads for g in r.guards if g.variable == FIRST_ARGUMENT)
        return found

    def sub_command(self, site: LaunchSite, service: Service) -> frozenset[str] | None:
        """The sub-command the site runs: a word of its command that is one of the service's sub-commands
        (`serve` in `serve`, `/bin/app serve`, `python -m app serve`: the command may name the program
        first, when it replaces the image's entrypoint), else unknown. A word that no guard names is no
        evidence: the command may start with the program's path or an interpreter."""
        known = self._sub_commands(service)
        words = site.command.split()
        for word in words[:4]:
            if word in known:
                return frozenset({word})
        return None

    def own_sets(self, service: Service) -> frozenset[str]:
        return frozenset(s.name for s in service.process_sets if s.name)

    @cached_property
    def _passed_on(self) -> dict[str, tuple[frozenset[str], bool]]:
        """Per service: names read by it or by the programs it starts with its own environment.

        The bool is True when it hands its environment to a program envlint does not know, or reads
        names it cannot resolve: then no one can say a name it receives is unused.
        """
        memo: dict[str, tuple[frozenset[str], bool]] = {}

        def visit(name: str, stack: frozenset[str]) -> tuple[frozenset[str], bool]:
            if name in memo:
                return memo[name]
            service = self.services[name]
            names = set(self.reads_by_name(service)) | self.runtime(service).names
            names |= {r.name for r in service.weak_reads if r.name}
            unknown = service.reads_dynamic or bool(service.incomplete) or "" in service.read_prefixes
            for site in self.sites_in(service.files):
                if not site.inherits:
                    continue
                # Only a child that is a program of the repository passes names on: `git`, `openssl` or a
                # user's command started with the inherited environment reads none of the launcher's.
                links = self.links_by_site.get(site.id, [])
                for link in links:
                    if link.service in stack or link.service not in self.services:
                        continue
                    child_names, child_unknown = visit(link.service, stack | {name})
                    names |= child_names
                    unknown = unknown or child_unknown
            memo[name] = (frozenset(names), unknown)
            return memo[name]

        for service_name in self.services:
            visit(service_name, frozenset())
        return memo

    def passed_on(self, service: Service) -> tuple[frozenset[str], bool]:
        return self._passed_on[service.name]

    @cached_property
    def _library_globs(self) -> dict[str, tuple[str, ...]]:
        """Per service: globs of the variables its third-party libraries read by themselves."""
        by_path = {f.path: f for f in self.graph.files}
        out = {}
        for service in self.graph.services:
            imports = {(by_path[p].language, i.module) for p in service.files if p in by_path
                       for i in by_path[p].imports if not i.level}
            out[service.name] = library_globs(imports)
        return out

    def read_by_library(self, service: Service, name: str) -> bool:
        """A library the service imports (boto3, sentry_sdk, OpenTelemetry, ...) reads ``name`` itself,
        or the configuration's `runtime-variables` say so with a glob."""
        return (any(fnmatch.fnmatchcase(name, glob) for glob in self._library_globs[service.name])
                or name in self.runtime(service))
