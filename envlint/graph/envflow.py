"""What reaches the child at each launch site: its own sets, env files, and what it inherits.

A site that inherits passes on the launcher's environment: what reaches the launcher's service from
the sites that start it (the names every one of them provides), plus the service's own `os.Setenv` /
`os.environ[...] =`. A service that no site of the repository starts is started from outside, so what
it inherits is unknown: the site is *open*, and no rule may claim a name is missing there. Cycles (a
program that restarts itself) are cut.
"""

from __future__ import annotations

from ..branches import covers_all
from ..model import EnvFileRef, LaunchSite, Link, Service, SiteEnv


def _env_file_names(env_files: dict[str, frozenset[str]], ref: EnvFileRef) -> frozenset[str] | None:
    """Names of an env file the repository holds (relative to the root or the launcher), else None."""
    for candidate in ref.candidates():
        if candidate in env_files:
            return env_files[candidate]
    return None


def compute_env(env_files: dict[str, frozenset[str]], sites: list[LaunchSite], services: tuple[Service, ...], links: list[Link],
                owner: dict[str, tuple[str, ...]]) -> dict[str, SiteEnv]:
    by_id = {s.id: s for s in sites}
    starters: dict[str, list[str]] = {}
    for link in links:
        # A program's launch of itself (a restart, `app up` starting `app serve`) is not a start of it:
        # something else started it first, so it counts only what other sites start it with.
        if link.service not in owner.get(by_id[link.site].location.path, ()):
            starters.setdefault(link.service, []).append(link.site)
    # A container starts from its image, whose Dockerfile ENV sets names before the site adds its own.
    image_env: dict[str, set[str]] = {}
    by_name = {s.name: s for s in services}
    for link in links:
        if by_id[link.site].container and link.service in by_name:
            image_env.setdefault(link.site, set()).update(e.name for e in by_name[link.service].image_env if e.name)
    process = {s.name: frozenset(x.name for x in s.process_sets if x.name) for s in services}
    done: dict[str, SiteEnv] = {}
    visiting: set[str] = set()

    def service_env(name: str) -> SiteEnv | None:
        """What every in-repository start of the service provides; None while inside a cycle."""
        envs = [e for e in (site_env(i) for i in sorted(starters.get(name, []))) if e is not None]
        if not starters.get(name):
            return SiteEnv(
                names=process.get(name, frozenset()),
                open=True,
                why_open=f"{name} is started from outside the repository",
            )
        if not envs:
            return None
        names = frozenset.intersection(*(e.names for e in envs)) | process.get(name, frozenset())
        opened = [e for e in envs if e.open]
        return SiteEnv(names=names, open=bool(opened), why_open=opened[0].why_open if opened else "")

    def site_env(site_id: str) -> SiteEnv | None:
        if site_id in done:
            return done[site_id]
        if site_id in visiting:
            return None
        visiting.add(site_id)
        site = by_id[site_id]
        names = {s.name for s in site.sets if s.name} | image_env.get(site_id, set()) | set(site.provided)
        always = {s.name for s in site.sets if s.name and not s.condition} | image_env.get(site_id, set()) \
            | set(site.provided)
        # A name set in every branch of an `if` (`if .Values.db.enabled` ... `else` ...) is set always.
        always |= {n for n in names - always if covers_all([s.condition for s in site.sets if s.name == n])}
        why = site.open_reason
        # Compose resolves its env_file entries itself (they are sets, located in the file); a
        # `docker run --env-file` in code or a script is resolved here.
        for ref in site.env_files if site.kind == "docker-run" else ():
            from_file = _env_file_names(env_files, ref)
            if from_file is None:
                why = why or f"env file {ref.path} is not in the repository"
            else:
                names |= from_file
                always |= from_file
        if site.inherits:
            launchers = owner.get(site.location.path, ())
            if not launchers:
                why = why or "it inherits the environment of a program envlint does not know"
            inherited = [e for e in (service_env(n) for n in launchers) if e is not None]
            if inherited:
                names |= frozenset.intersection(*(e.names for e in inherited))
                always |= frozenset.intersection(*(e.names for e in inherited))
                opened = [e for e in inherited if e.open]
                if opened:
                    why = why or f"it inherits its launcher's environment, and {opened[0].why_open}"
        visiting.discard(site_id)
        conditional = {s.name: s.condition for s in site.sets if s.name and s.condition and s.name not in always}
        result = SiteEnv(names=frozenset(names), open=bool(why), why_open=why, conditional=conditional)
        done[site_id] = result
        return result

    for site in sites:
        site_env(site.id)
    return done
