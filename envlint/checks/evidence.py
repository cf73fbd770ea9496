"""What a read's own evidence says about how its value is used: a connection target in the container, a
listen address, an e-mail address, a URL a browser opens, a switch, or a value reached only when another
variable turns a feature on. ENV003 and ENV004 report only what this evidence carries.
"""

from __future__ import annotations

import re

from ..model import Read

# A host that is the container itself. `0.0.0.0` and `::` are not: as a listen address they mean "every
# interface", which is what a server in a container needs, and nothing connects to them.
_LOCALHOST = re.compile(r"(?i)(?:^|[/@\[])(localhost|127\.\d+\.\d+\.\d+|::1)(?:$|[:/\]])")
_BIND = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:0\.0\.0\.0|::|\[::\])(?::\d+)?/?$")
# `root@localhost`, `noreply@127.0.0.1`: a mailbox (no scheme, no port), not an address to connect to.
_MAILBOX = re.compile(r"(?i)^(?:mailto:)?[\w.+-]+@[\w.-]+$")


def is_bind_address(value: str) -> bool:
    return bool(_BIND.match(value.strip()))


def is_mailbox(value: str) -> bool:
    return bool(_MAILBOX.match(value.strip()))


def points_at_localhost(value: str) -> bool:
    """The value names the local host as a place to connect to."""
    if is_mailbox(value) and "://" not in value:
        return False
    return bool(_LOCALHOST.search(value)) or value.strip().lower() in {"localhost", "127.0.0.1", "::1"}


# Name parts of a URL that a browser uses (a redirect or callback URI, an allowed origin, the public base
# URL of a site): `localhost` there is the user's machine, where a development set-up serves the site.
_BROWSER_PARTS = frozenset({"REDIRECT", "CALLBACK", "ORIGIN", "ORIGINS", "CORS", "PUBLIC", "EXTERNAL", "BROWSER"})
_BROWSER_PAIRS = frozenset({("SITE", "URL"), ("FRONTEND", "URL"), ("SITE", "URI"), ("FRONTEND", "URI"),
                            ("FRONTEND", "ORIGIN"), ("WEB", "ORIGIN"), ("FRONTEND", "HOST"), ("UI", "URL")})


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[^A-Za-z0-9]+", name.upper()) if p]


def browser_facing(name: str) -> bool:
    parts = _parts(name)
    return bool(_BROWSER_PARTS & set(parts)) or any(pair in _BROWSER_PAIRS for pair in zip(parts, parts[1:]))


# Switches of optional diagnostics: on in a debug variant, off by default everywhere else.
_SWITCH_PARTS = frozenset({"DEBUG", "PPROF", "PROFILER", "PROFILING", "TELEMETRY", "TRACING", "OTEL", "OTLP"})
_BOOLEAN_LIKE = frozenset({"true", "false", "0", "1", "yes", "no", "on", "off", "enabled", "disabled"})


def is_toggle(name: str, reads: list[Read]) -> bool:
    """A switch: compared to a literal where it is read, with a boolean-like default, or named as a
    debug / profiling / tracing / telemetry switch."""
    if _SWITCH_PARTS & set(_parts(name)):
        return True
    if any(r.compared_to for r in reads):
        return True
    values = [v for r in reads for v in r.default.values]
    return bool(values) and all(v.strip().lower() in _BOOLEAN_LIKE for v in values)


def optional_none(reads: list[Read]) -> bool:
    """Every read is written with an explicit `None` default (`os.environ.get("X", None)`) and none is
    required: the author says the program handles the variable's absence itself."""
    return bool(reads) and all(r.default.kind == "none" and r.default.text == "None" and not r.required
                               for r in reads)


_NAME = re.compile(r"\b[A-Z][A-Z0-9_]*[A-Z0-9]\b")


def enablers(read: Read, name: str, read_names: set[str]) -> frozenset[str]:
    """The variables that must turn a feature on before this read of ``name`` happens: the service's
    other variables named in its condition (`if settings.ENABLE_TRACING:` around it), where no
    structured guard says which value turns it on."""
    return frozenset(set(_NAME.findall(read.condition or "")) & read_names - {name})
