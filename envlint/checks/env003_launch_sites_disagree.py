"""## What it does
Reports a launch site of a service that does not provide a variable the service reads, when another
launch site of the same service, running the same command, does provide it. The finding stands at the
site that misses the variable and names the read (with the default that now silently wins) and the
site that sets it. Launches of one image with different commands (compose `command`, Kubernetes
`command`/`args`, words after the image of `docker run`) run different programs and are not compared.

## Why is this bad?
Two launchers of one program disagree about its configuration. The one that leaves the variable out
runs the program on its default: often `localhost`, a development credential or an empty string. The
program starts, and fails later at run time in a way that points nowhere near the launcher.

## Example
```go
// cmd/daemon/main.go: sets both
exec.Command("docker", "run", "-e", "OLLAMA_BASE_URL="+url, "-e", "LLM_BASE_URL="+url, image)
// cmd/supervisor/main.go: forgets one
exec.Command("docker", "run", "-e", "LLM_BASE_URL="+url, image)
```
```python
base_url = os.getenv("OLLAMA_BASE_URL", "http://localhost:11434")
```

## What it does not report
- A switch that one variant turns on and the others leave out (a debug overlay that sets
  `ENABLE_PPROF=true`): a read compared to a literal (`os.Getenv("X") == "true"`), a read whose default
  is boolean-like (`"false"`, `"0"`, `"off"`), or a debug, profiling, pprof, telemetry, tracing or
  OpenTelemetry setting by its name. Nothing is reported, not even a note: leaving a switch out runs the
  program as its code intends, every variant would carry the note, and a misspelled switch is still
  ENV002's at the variant that sets it.
- A variable set at another site to the read's own default: the site that leaves it out gets the same
  value.
- A value read with an explicit `None` default (`os.environ.get("X", None)`): its author says the code
  handles the absence (a feature left off, a library choosing for itself), so a variant that leaves it
  out is what the code intends; a misspelling at the site that sets it is still ENV007's. A read with
  no default written (`os.getenv("QUEUE_URL")`) is still compared.
- A value read only when another variable turns its feature on, at a site that does not always set
  that variable, and a read behind a guard the site's literal values make false.
- A variable that every site giving it gives only under a condition (a Helm `if`): the program runs
  without it there too, so a site that leaves it out is one more such case.
- A variable the other sites give only through an env file or ConfigMap that sites of several services
  share: no sign that this program is meant to get it.
- A site whose environment may hold names envlint cannot see (it inherits from outside the repository,
  or takes an env file or `envFrom` source that is not in it), and variables the language runtime
  provides or the program sets in its own process.
- A command of a CI step or a Dockerfile `RUN`: a run for one purpose (a check-only step, a matrix
  entry, a build step), never the equal of another launch.
- Sites that run different programs: a different command, or an image built from another Dockerfile
  than the service's own.
- A disagreement whose only evidence is a launcher in a function that nothing in the repository calls.
- A variable that every site giving it sets to a literal other than the read's literal default
  (`ROOT_URLCONF=app.api_urls` on one workload): those sites choose a variant, and a site that leaves
  it out chooses the default one.
- Sites of alternative deployments: two compose files that are not overlays of one another, or an
  overlay kept in another folder than the compose file it overlays (a CI case's `ci/<case>/compose.yaml`
  over `./compose.yaml`) and any other site.
- Two kustomize overlays neither of which builds on the other (dev and prod): alternative deployments,
  as two compose files that are not overlays of one another are.
- A test site (in a `test/`, `e2e/`, `testdata/`, `*-tests/` folder) against a site outside the tests,
  either way: a test deployment tunes what production leaves at its default, and the reverse.

## Fix
Set the variable at every launch site of the service, or, if the default is right for this site,
suppress the finding there with a comment saying why.
"""

from __future__ import annotations

import posixpath
import re
from typing import Iterator

from ..describe import default_text
from ..model import Finding
from .context import Context
from .related import dynamic_related, missing_reason, read_condition, read_related, set_related
from .evidence import is_toggle, optional_none, points_at_localhost
from .testsites import is_test_site

CODE = "ENV003"
NAME = "launch-sites-disagree"
SEVERITY = "error"
ENABLED_BY_DEFAULT = True


def _conditional(ctx: Context, service, name: str, site) -> str | None:
    env = ctx.env(site)
    return next((env.conditional[n] for n in sorted(ctx.alternatives(service, name)) if n in env.conditional), None)


def check(ctx: Context) -> Iterator[Finding]:
    for service_name, all_sites in sorted(ctx.sites_by_service.items()):
        service = ctx.services.get(service_name)
        if service is None:
            continue
        # Launches of one image with different commands run different programs (a web server and a
        # worker of one image): only launches of the same program must agree.
        groups: dict[tuple[str, str], list] = {}
        for site in all_sites:
            groups.setdefault((site.command, _foreign_build(service, site)), []).append(site)
        for sites in groups.values():
            if len(sites) > 1:
                yield from _disagreements(ctx, service, sites)


def _foreign_build(service, site) -> str:
    """The Dockerfile the site builds its image from when it is not one of the service's own: that image
    runs its own ENTRYPOINT/CMD, another program than a launch of the service's image."""
    builds = [t.value for t in site.targets if t.kind == "build"]
    return next((b for b in builds if service.dockerfiles and b not in service.dockerfiles), "")


def _sets_default(site, name: str, reads) -> bool:
    """The site sets ``name`` to a literal that is the read's own default, or to "" where the program
    cannot tell "" from unset (Go's `os.Getenv`, a default that also replaces ""): leaving it out is
    the same."""
    defaults = {v for r in reads for v in r.default.values} if all(r.default.kind == "literal" for r in reads) else set()
    if all(r.form in _EMPTY_IS_UNSET or r.default.covers_empty for r in reads):
        defaults.add("")
    values = [s.value for s in site.sets if s.name == name]
    return bool(values) and all(v is not None and v in defaults for v in values)


def _variant_choice(providers, name: str, reads) -> bool:
    """The program has a literal default and every site that gives the name sets another literal, both
    names of code rather than places (`ROOT_URLCONF=app.api_urls` on one workload of the image, default
    `app.urls`): those sites choose a variant, and a site that leaves it out chooses the default one.
    A default that is an address (a URL, `host:port`, a path, localhost) stays a finding: a launcher
    that forgets the address of a resource is the slip ENV003 is for."""
    if not reads or not all(r.default.kind == "literal" and r.default.values for r in reads):
        return False
    defaults = {v for r in reads for v in r.default.values}
    given = [s for p in providers for s in p.sets if s.name == name]
    values = [s.value for s in given if s.value is not None and not (s.passthrough or s.empty_if_unset)]
    if not given or len(values) != len(given) or any(v in defaults for v in values):
        return False
    return all(_names_code(v) for v in defaults | set(values))


def _names_code(value: str) -> bool:
    """A dotted name (`app.urls`, `pkg.settings.Prod`): a module or class a program imports."""
    return bool(_DOTTED.fullmatch(value)) and not points_at_localhost(value)


_DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


# Reads that give "" for an unset variable, so a program cannot tell the two apart.
_EMPTY_IS_UNSET = frozenset({"os.Getenv", "syscall.Getenv"})


def _same_deployment(one, other) -> bool:
    """Two compose files that are not overlays of one another are alternative deployments (sqlite or
    MySQL, Redis or RabbitMQ): a name one sets and the other leaves out is a choice, not a slip. An
    overlay (`svc (docker-compose.override.yml)`) belongs with the files of its folder. An overlay kept
    in another folder than the file it overlays (`svc (compose.yaml over compose.yaml)`: a CI case, an
    environment) is a variant of its own: what it sets and others leave out is its choice. A command of a
    CI step or a Dockerfile RUN is a run for one purpose (a check-only step, a prerelease matrix entry, a
    build step), never another launch's equal."""
    if _one_purpose(one) or _one_purpose(other):
        return False
    if " over " in (one.function or "") or " over " in (other.function or ""):
        return False
    if one.kind != "compose" or other.kind != "compose" or one.location.path == other.location.path:
        return True
    overlay = " (" in (one.function or "") or " (" in (other.function or "")
    return overlay and posixpath.dirname(one.location.path) == posixpath.dirname(other.location.path)


def _one_purpose(site) -> bool:
    return site.kind == "exec" and site.language in ("config", "dockerfile")


def _same_overlay_tree(one, other) -> bool:
    """Two kustomize overlays neither of which builds on the other (dev and prod, two test profiles)
    are alternative deployments, as two compose files are: a name one adds and the other leaves out is
    the variant's choice. A plain manifest (the base) is compared with every overlay."""
    if not one.overlay_builds or not other.overlay_builds:
        return True
    return one.overlay_builds[0] in other.overlay_builds or other.overlay_builds[0] in one.overlay_builds


def _only_shared(ctx: Context, site, name: str) -> bool:
    """The site gives ``name`` only through an env file or ConfigMap that sites of several services
    share: a name there is no sign that this program is meant to get it."""
    given = [s for s in site.sets if s.name == name]
    return bool(given) and all(s.location.path in ctx.shared_files for s in given)


def _disagreements(ctx: Context, service, sites) -> Iterator[Finding]:
    runtime = ctx.runtime(service) | ctx.own_sets(service)
    for name, reads in ctx.primary_reads(service).items():
        if name in runtime or is_toggle(name, reads) or optional_none(reads):
            continue
        # A launcher in code nothing calls is no evidence of what the program needs.
        providers = [s for s in sites if ctx.provided(service, name, ctx.env(s)) and not s.no_caller
                     and not _sets_default(s, name, reads) and not _only_shared(ctx, s, name)]
        always = [s for s in providers if ctx.provided(service, name, ctx.env(s), always=True)]
        if not always:
            # Every site that gives it does so only under a condition (a Helm `if`): the program also
            # runs without it there, so a site that leaves it out is one more such case, not a
            # disagreement.
            continue
        for site in sites:
            env = ctx.env(site)
            if env.open or site in always:
                continue
            if ctx.provided(service, name, env) and site not in providers:
                continue  # it sets the default itself
            if not ctx.reached(site, service, name, reads):
                continue  # behind a guard this site makes false: the name is not read here
            with_default = [r for r in reads if r.default.kind != "none"]
            falls_back = (f"its default {default_text(with_default[0].default, name)} is used instead"
                          if with_default else "the read gets nothing")
            comparable = [s for s in always if _same_deployment(s, site) and _same_overlay_tree(s, site)
                          and is_test_site(s) == is_test_site(site)]
            if not comparable or _variant_choice(comparable, name, reads):
                continue
            other = comparable[0]
            when = _conditional(ctx, service, name, other)
            sets = f"sets (when {when})" if when else "sets"
            if site in providers:
                here = f"this launch site sets it only when {_conditional(ctx, service, name, site)}"
                why = f"when that condition does not hold, {falls_back}"
            else:
                here, why = "this launch site does not", f"{missing_reason(site)}, so {falls_back}"
            yield Finding(
                code=CODE,
                name=NAME,
                severity=SEVERITY,
                message=f"{service.name} reads {name}{read_condition(reads)}, which {other.label} {sets} but {here}",
                location=site.location,
                variable=name,
                service=service.name,
                related=tuple(
                    read_related(reads, service)
                    + set_related(ctx, [p for p in providers if p.id != site.id], name)
                    + dynamic_related(site)
                ),
                site=site.id,
                help=f"{why}; set {name} here too, or suppress the finding if this site is meant to go without it",
            )
