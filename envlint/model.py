"""Typed records passed between the pipeline stages.

discover -> extract -> link -> checks -> filter -> render. Every stage takes and returns these frozen
records; nothing after extraction looks at syntax, and nothing holds a ``dict[str, Any]``.
Paths are repository-relative POSIX strings; lines and columns are 1-based.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Literal

from .kinds import SITE_KINDS

Language = Literal["go", "python"]
# Where a fact comes from: source code, or a file of configuration that starts programs.
Source = Literal["go", "python", "compose", "kubernetes", "helm", "dockerfile", "shell", "config"]


@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, kw_only=True, slots=True)
class Default:
    """What a read yields when the variable is unset (or empty, for the Go `== ""` shapes)."""

    kind: Literal["none", "literal", "expression", "fallback"] = "none"
    # Every literal the default can hold (a local assigned in two branches gives two).
    values: tuple[str, ...] = ()
    # Variables read when this one is empty: os.getenv("A") or os.getenv("B") gives A the fallback B.
    fallbacks: tuple[str, ...] = ()
    # Source text of the default expression, for messages when it is not a literal.
    text: str = ""
    # True when the default also replaces an empty value (`if v == ""`, `os.getenv("X") or "d"`); False
    # when only an unset variable gets it (`os.getenv("X", "d")`, `if !ok`), so `X=` defeats it.
    covers_empty: bool = False


NO_DEFAULT = Default()


# The pseudo-variable of a program's first argument (`os.Args[1]`, the sub-command of `app serve`): a
# Guard on it makes a read belong to one sub-command, evaluated against the command a site runs. No
# environment variable can be named so.
FIRST_ARGUMENT = "$1"


@dataclass(frozen=True, kw_only=True, slots=True)
class Guard:
    """A test of a variable's value that must hold for a read to happen: `os.Getenv("V") == "1"`.

    Structured so that a check can evaluate it against the literal values a launch site sets; an unset
    variable is "" (os.Getenv), so `V != ""` means "V is set to something".
    """

    variable: str
    operator: Literal["==", "!="]
    value: str

    def holds(self, value: str) -> bool:
        return (value == self.value) == (self.operator == "==")

    def negated(self) -> "Guard":
        return Guard(variable=self.variable, operator="!=" if self.operator == "==" else "==", value=self.value)

    def __str__(self) -> str:
        quoted = '"' + self.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if self.variable == FIRST_ARGUMENT:
            return f"the sub-command {'is' if self.operator == '==' else 'is not'} {quoted}"
        return f"{self.variable} {self.operator} {quoted}"


@dataclass(frozen=True, kw_only=True, slots=True)
class Read:
    """One access to an environment variable in the source of a program."""

    name: str | None  # None when the name could not be resolved statically
    location: Location
    form: str  # how it was read: "os.Getenv", "os.environ[]", "wrapper getEnv", ...
    default: Default = NO_DEFAULT
    required: bool = False  # the program fails without it
    function: str | None = None  # enclosing function, None at module level
    name_text: str = ""  # source text of the name expression (shown for dynamic names)
    fallback_of: str | None = None  # this read is only reached when that variable is empty
    condition: str | None = None
    # Literals the value is compared to where it is read (`os.Getenv("X") == "true"`,
    # `os.getenv("X", "").lower() in ("1", "yes")`): a switch, not a value passed on.
    compared_to: tuple[str, ...] = ()
    # Python: the read stands in the module's `if __name__ == "__main__":` block, so it runs only when
    # the file is the program's entry, never when another module imports it.
    script_only: bool = False
    # Tests of other variables' values, all of which must hold for the read to happen (its own `if`s,
    # and those around every call of its function); `condition` has their text.
    guards: tuple[Guard, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class EnvSet:
    """One variable given a value: in a launch site's environment, or in the process's own."""

    name: str | None  # None when dynamic
    location: Location
    value: str | None = None  # the literal value when there is one
    passthrough: bool = False  # `docker run -e NAME`: the launcher's own value is passed on
    condition: str | None = None  # text of the `if`/`for` that guards it
    name_text: str = ""  # source text when the name is dynamic
    via: str = ""  # how the name was found, e.g. "key of map literal secrets"
    function: str | None = None
    # Compose `X: ${HOST_VAR}` without a default: the value is empty when HOST_VAR is unset on the host.
    empty_if_unset: bool = False
    # The set serves more than the program at this site: a CI job's or workflow's env, given to every
    # step (and to tools envlint does not follow), or a name the launching line expands itself
    # (`prog "$BUMP"`). That this program does not read it is no finding.
    for_others: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class TargetRef:
    """A candidate for what a launch site starts, with the literal that names it."""

    kind: Literal["image", "program", "python-module", "python-script", "script", "self", "build"]
    # the image reference, program name or path, module name ("" for self), or for "build" the
    # repository path of the Dockerfile a compose `build:` uses; "script" is a repository file run by its
    # path (`./build.sh`, `bash ci/test.sh`)
    value: str
    location: Location  # where the literal stands
    via: str = ""  # how it reached the launch site: "literal", "constant agentImage", ...


@dataclass(frozen=True, kw_only=True, slots=True)
class EnvFileRef:
    path: str  # as written in the source
    location: Location
    condition: str | None = None

    def candidates(self) -> list[str]:
        """Where the file may be, in the order `docker run` tries: relative to the root (the usual working
        folder), then to the launcher's folder. Repository-relative and normalised; a path that leaves
        the repository is no candidate."""
        found = []
        for base in ("", posixpath.dirname(self.location.path)):
            joined = posixpath.normpath(posixpath.join(base, self.path))
            if not joined.startswith(("../", "/")) and joined != ".." and joined not in found:
                found.append(joined)
        return found


@dataclass(frozen=True, kw_only=True, slots=True)
class LaunchSite:
    """A place that starts a program with an environment."""

    location: Location
    kind: Literal["docker-run", "exec", "subprocess", "compose", "kubernetes"]
    language: Source
    function: str | None  # enclosing function; the compose service; the workload and container
    targets: tuple[TargetRef, ...]
    sets: tuple[EnvSet, ...]
    # True when the child gets the launcher's environment (no Env, append(os.Environ(), ...), env=None,
    # {**os.environ, ...}); a docker run never inherits.
    inherits: bool
    env_files: tuple[EnvFileRef, ...] = ()
    network_host: Literal["never", "always", "conditional"] = "never"
    network_condition: str | None = None
    env_text: str = ""  # how the environment was determined, for `envlint facts`
    # Non-empty when names envlint cannot see reach the child (an envFrom whose ConfigMap is not in the
    # repository): no rule may then claim a name is missing at this site.
    open_reason: str = ""
    # What a container runs instead of its image's ENTRYPOINT/CMD (compose `command`/`entrypoint`,
    # Kubernetes `command`/`args`, words after the image of `docker run`); "" for the image's own.
    # Two launches of one image with different commands are different programs (web and worker).
    command: str = ""
    # Repository files and folders the site hands to the program (compose bind mounts): placeholders
    # in them (`${env:X}`) are reads of the program at this site.
    config_files: tuple[str, ...] = ()
    # Its function is called nowhere in the repository (envlint/extract/callers.py): analysed, but
    # nobody here runs it, so its findings are warnings at most.
    no_caller: bool = False
    # Names the platform gives the program at this site without the site setting them (a CI runner's
    # `GITHUB_SHA`, names an earlier step wrote to `$GITHUB_ENV`): present, so never missing, but no set
    # of the site's that the program could leave unread or misspell.
    provided: tuple[str, ...] = ()
    # Why what the site sets rests on a guess (an env file taken to be rendered from a template of the
    # repository by its name): a link from this site is then a guess too.
    guessed: str = ""
    # A kustomize overlay's site: the folders of the kustomizations its build goes through, the overlay
    # first, then each base it builds on. Two overlays neither of which builds on the other are
    # alternative deployments (dev and prod).
    overlay_builds: tuple[str, ...] = ()
    # The names configuration gives what the site runs, most specific first: a compose service's name;
    # a container's name, then its workload's. The last resort of the linker when the image names no
    # program of the repository.
    names: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.location)

    @property
    def container(self) -> bool:
        """The program runs in a container, where localhost is the container itself."""
        return SITE_KINDS[self.kind].container

    @property
    def label(self) -> str:
        where = f" in {self.function}" if self.function else ""
        what = SITE_KINDS[self.kind].label
        if SITE_KINDS[self.kind].named_by_config:
            # the function may name an overlay file; the location already does
            return f"{what} {(self.function or '').split(' (')[0]} ({self.location})"
        return f"{what}{where} ({self.location})"


@dataclass(frozen=True, kw_only=True, slots=True)
class ImportRef:
    """An import as written: Go import path, or Python module with its relative level."""

    module: str
    level: int = 0  # Python: number of leading dots
    names: tuple[str, ...] = ()  # Python `from m import a, b`: the imported names


@dataclass(frozen=True, kw_only=True, slots=True)
class Problem:
    """An input that could not be (fully) analysed. Reported once; the rest goes on."""

    location: Location
    kind: str  # "syntax-error", "not-utf8", "binary", "broken-symlink", "too-large", "unreadable", ...
    message: str


@dataclass(frozen=True, kw_only=True, slots=True)
class FileFacts:
    """Everything extraction found in one source file."""

    path: str
    language: Source
    package: str = ""  # Go package name; Python: "" (module names are derived from paths)
    imports: tuple[ImportRef, ...] = ()
    has_main: bool = False  # Go: package main with func main
    reads: tuple[Read, ...] = ()
    process_sets: tuple[EnvSet, ...] = ()  # os.Setenv / os.environ[...] = / setdefault
    launch_sites: tuple[LaunchSite, ...] = ()
    problems: tuple[Problem, ...] = ()
    # What envlint could not read in a file that is not broken (a Helm template it cannot render
    # without Helm): shown by `envlint facts`, never a problem, never exit 2.
    notes: tuple[Problem, ...] = ()
    # The program passes names it does not know on (os.environ iterated, dynamic reads): set-never-read
    # cannot be decided for its service.
    reads_dynamic: bool = False
    # Families of names read by iterating the environment: a prefix (`APP_`), or "" for every name.
    read_prefixes: tuple[str, ...] = ()
    # Shell: the Python scripts and modules the script runs with its own environment (`python3 app.py`,
    # `"$PY" -m pkg.worker`), the scripts it sources (`. /lib.sh`) and the program it execs by path
    # (`exec /app/server`), as written: an entrypoint's programs.
    runs: tuple[TargetRef, ...] = ()
    # Go: the names the file refers to (extract/golang/references.py), space-separated (one string:
    # a set of them was half the facts' memory), narrowed after resolution (graph/goreach.py)
    # to `references`: the top-level functions holding a Go read that it refers to, so that a read in
    # a top-level function no file of a program refers to is not that program's.
    referenced_words: str = ""
    references: frozenset[str] = frozenset()
    # Go: (field, name, location) of each upper-case name given to a field spelled with `Env` in a
    # composite literal (`EnvKey: "POSTGRESQL_HOST"`), for reads through such a table (fieldreads.py).
    env_fields: tuple[tuple[str, str, Location], ...] = ()
    # Go: the repository paths a `//go:embed` directive of the file names (files or folders, no
    # patterns): configuration compiled into the program, whose placeholders it may expand.
    embeds: tuple[str, ...] = ()
    # Cross-file facts for the resolution stage after extraction (constants another file imports,
    # settings classes, wrappers, names from other packages): a frozen record defined by that
    # language's extractor and read only by its resolver in envlint/resolve/.
    extra: object | None = None


# How strong a link or a name is: "declared" (configuration), "built" (the site builds the image, or a
# build tags it), "exact" (a path, a module, a binary or script by its name), "guess" (a name that matches
# a folder's). Ordered strongest first.
Evidence = Literal["declared", "built", "exact", "guess"]
EVIDENCE_ORDER: tuple[Evidence, ...] = ("declared", "built", "exact", "guess")


@dataclass(frozen=True, order=True, kw_only=True, slots=True)
class ImageOrigin:
    """Where one image name of a service comes from, and how strong that makes a link by it."""

    name: str  # the image's short name (images.image_key)
    evidence: Evidence
    why: str  # "tagged acme/api by docker build at Makefile:3:1", "the folder of api/Dockerfile"


@dataclass(frozen=True, kw_only=True, slots=True)
class Service:
    name: str
    kind: Literal["python", "go", "image", "script"]
    root: str  # folder, repo-relative ("." for the root)
    location: Location  # the file that makes it a service (pyproject.toml, main.go, Dockerfile)
    reads: tuple[Read, ...]
    process_sets: tuple[EnvSet, ...]
    files: tuple[str, ...]  # source files whose reads count for this service
    languages: tuple[Source, ...] = ()
    images: tuple[str, ...] = ()  # image names it is known by (Dockerfile folder, config)
    reads_dynamic: bool = False
    read_prefixes: tuple[str, ...] = ()  # families it reads by iterating the environment ("" = all)
    declared: bool = False
    dockerfiles: tuple[str, ...] = ()  # the Dockerfiles that build it
    # Where each entry of `images` comes from, to explain and weigh links
    image_origins: tuple[ImageOrigin, ...] = ()
    # ENV of the final stage of its Dockerfile: set for every container started from its image.
    image_env: tuple[EnvSet, ...] = ()
    # The ENV of the Dockerfiles' other target stages (a `release` stage before a final `debug` one):
    # checked for misspellings (ENV007), never taken as what a launch of the final image gets.
    stage_env: tuple[tuple[EnvSet, ...], ...] = ()  # per stage
    # Reads the program may make, depending on what it loads (the placeholders of configuration files
    # copied into its image or mounted by one of its sites): a name here is not unread, and a set
    # spelled like one is a probable rename, but no site is required to set it.
    weak_reads: tuple[Read, ...] = ()
    # Why its read set may be incomplete (a program in a base image, a script whose reads are not
    # extracted): no rule may then claim that a name it receives is never read.
    incomplete: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Link:
    site: str  # LaunchSite.id
    service: str  # Service.name
    reason: str  # why envlint believes the site starts the service
    target: TargetRef | None = None
    # How strong the link is (Evidence): a finding that rests on a guess is never an error.
    evidence: Evidence = "exact"


@dataclass(frozen=True, kw_only=True, slots=True)
class Related:
    location: Location
    note: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Literal["error", "warning", "note"]
    message: str
    location: Location
    variable: str | None
    service: str | None
    related: tuple[Related, ...] = ()
    site: str | None = None  # LaunchSite.id when the finding is about a launch site
    # Stable across line moves: rule, variable, service, and the launch site's file and function (or
    # compose service / workload), never a line number. Set by the filter stage (envlint/fingerprint.py).
    fingerprint: str = ""
    # The strength of each link of the finding's chain (envlint/evidence.py): ("link", "built"),
    # ("reads", "complete"), ("requirement", "unconditional").
    evidence: tuple[tuple[str, str], ...] = ()
    # ruff's fix title: why the finding matters here and what to do, one line. The message says only
    # what is wrong; renderers show the help beneath it (never part of the fingerprint).
    help: str = ""

    def sort_key(self) -> tuple:
        return (self.location, self.code, self.variable or "", self.message, self.help)


@dataclass(frozen=True, kw_only=True, slots=True)
class Graph:
    """The contract graph: built once by the linker, read by every check."""

    services: tuple[Service, ...]
    sites: tuple[LaunchSite, ...]
    links: tuple[Link, ...]
    files: tuple[FileFacts, ...]
    problems: tuple[Problem, ...]
    # For each site id: the names that reach the child and whether the set is open (unknown extra names).
    env_at: dict[str, "SiteEnv"] = field(default_factory=dict, compare=False, hash=False)
    # For each site id that starts no program of the repository: why, target by target.
    unlinked: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteEnv:
    names: frozenset[str]  # names set at the site, or reaching it by inheritance
    open: bool  # names beyond these may reach the child (inherited from outside the repository, env file)
    why_open: str = ""
    # Names of `names` that the site sets only under a condition (an `if`/`case` of the launcher, a Helm
    # `if`), with that condition's text: set sometimes, which findings say instead of "set" or "not set".
    conditional: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
