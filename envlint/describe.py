"""One-line descriptions of extracted facts.

The same strings appear in `envlint facts` and in the pattern fixtures' `expect:` comments, so what a
user sees is what the tests pin.
"""

from __future__ import annotations

from .model import Default, EnvFileRef, EnvSet, FileFacts, LaunchSite, Location, Read
from .redact import is_credential, redact


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def default_text(default: Default, name: str | None) -> str:
    """The default of a read of ``name`` as shown to a user: values of credentials masked (redact.py)."""
    if default.kind == "literal":
        return "|".join(quote(redact(name, v)) for v in default.values)
    if default.kind == "fallback":
        parts = [f"${fallback}" for fallback in default.fallbacks]
        parts.extend(quote(redact(name, v)) for v in default.values)
        return "|".join(parts)
    if default.kind == "expression":
        return f"<{redact(name, default.text) if is_credential(name) else default.text}>"
    return ""


def describe_read(read: Read) -> str:
    name = read.name if read.name is not None else f"<dynamic {read.name_text}>"
    out = f"read {name}"
    if read.required:
        out += " required"
    if read.default.kind != "none":
        out += f" default={default_text(read.default, read.name)}"
    if read.fallback_of:
        out += f" fallback-of={read.fallback_of}"
    if read.condition:
        out += f" if({read.condition})"
    if read.script_only:
        out += " script-only"
    return out


def describe_set(item: EnvSet, prefix: str = "set") -> str:
    if item.name is None:
        out = f"{prefix} <dynamic {item.name_text}>"
    else:
        out = f"{prefix} {item.name}"
        if item.passthrough:
            out += " passthrough"
        elif item.value is not None:
            out += f"={quote(redact(item.name, item.value))}"
    if item.condition:
        out += f" if({item.condition})"
    return out


def describe_env_file(ref: EnvFileRef) -> str:
    out = f"env-file {ref.path}"
    if ref.condition:
        out += f" if({ref.condition})"
    return out


def describe_site(site: LaunchSite) -> str:
    out = f"launch {site.kind} env={'inherits' if site.inherits else 'closed'}"
    if site.targets:
        out += " targets=" + ",".join(
            f"{t.kind}:{t.value}" if t.value else t.kind for t in site.targets
        )
    if site.network_host == "always":
        out += " network=host"
    elif site.network_host == "conditional":
        out += f" network=host-if({site.network_condition})"
    if site.no_caller:
        out += " no-caller-in-repository"
    return out


def facts_by_location(facts: FileFacts) -> list[tuple[Location, str]]:
    """Every fact of a file as (location, description), sorted by location then text."""
    rows: list[tuple[Location, str]] = []
    rows.extend((r.location, describe_read(r)) for r in facts.reads)
    rows.extend((s.location, describe_set(s, "process-set")) for s in facts.process_sets)
    for site in facts.launch_sites:
        rows.append((site.location, describe_site(site)))
        rows.extend((s.location, describe_set(s)) for s in site.sets)
        rows.extend((e.location, describe_env_file(e)) for e in site.env_files)
    return sorted(rows)
