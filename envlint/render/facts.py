"""`envlint facts`: everything extracted and linked, so a user can see what envlint sees."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from ..describe import describe_env_file, describe_read, describe_set, describe_site
from ..model import LaunchSite, Problem, Read
from ..redact import MASK, is_credential, redact
from .json_format import location_json
from .printable import printable

if TYPE_CHECKING:  # the facts of a run, rendered; the analysis itself is the pipeline's
    from ..analyze import Analysis


def _read_json(read: Read) -> dict[str, object]:
    return {"name": read.name, "location": location_json(read.location), "form": read.form,
            "required": read.required, "default": _default_json(read),
            "fallback_of": read.fallback_of, "function": read.function, "name_text": read.name_text,
            "description": describe_read(read)}


def _default_json(read: Read) -> dict[str, object]:
    default = dataclasses.asdict(read.default)
    default["values"] = [redact(read.name, v) for v in read.default.values]
    if is_credential(read.name) and read.default.text:
        default["text"] = MASK
    return default


def _site_json(analysis: Analysis, site: LaunchSite) -> dict[str, object]:
    env = analysis.graph.env_at.get(site.id)
    return {
        "location": location_json(site.location), "kind": site.kind, "language": site.language,
        "function": site.function, "inherits": site.inherits, "env_text": site.env_text,
        "targets": [{"kind": t.kind, "value": t.value, "via": t.via, "location": location_json(t.location)}
                    for t in site.targets],
        "sets": [{"name": s.name, "location": location_json(s.location), "description": describe_set(s)}
                 for s in site.sets],
        "env_files": [{"path": e.path, "location": location_json(e.location)} for e in site.env_files],
        "network_host": site.network_host, "network_condition": site.network_condition, "command": site.command,
        "links": [{"service": l.service, "reason": l.reason, "evidence": l.evidence}
                  for l in analysis.graph.links if l.site == site.id],
        "unlinked": analysis.graph.unlinked.get(site.id),
        "environment": {"names": sorted(env.names), "open": env.open, "why_open": env.why_open} if env else None,
        "description": describe_site(site),
    }


def facts_json(analysis: Analysis) -> str:
    graph = analysis.graph
    document = {
        "version": 1,
        "services": [{"name": s.name, "kind": s.kind, "root": s.root, "location": location_json(s.location),
                      "languages": list(s.languages), "images": list(s.images), "files": list(s.files),
                      "incomplete": s.incomplete,
                      "reads": [_read_json(r) for r in sorted(s.reads, key=lambda r: r.location)],
                      "weak_reads": [_read_json(r) for r in sorted(s.weak_reads, key=lambda r: r.location)],
                      "process_sets": [{"name": p.name, "location": location_json(p.location),
                                        "description": describe_set(p, "process-set")} for p in s.process_sets]}
                     for s in graph.services],
        "launch_sites": [_site_json(analysis, s) for s in graph.sites],
        "env_files": [{"path": path, "names": [e.name for e in entries if e.name]} for path, entries in analysis.env_files],
        "unowned_files": list(analysis.unowned),
        "problems": [{**location_json(p.location), "kind": p.kind, "message": p.message} for p in graph.problems],
        "notes": [{**location_json(n.location), "kind": n.kind, "message": n.message} for n in _notes(analysis)],
    }
    return json.dumps(document, indent=2) + "\n"


def _notes(analysis: Analysis) -> list[Problem]:
    return sorted((n for f in analysis.graph.files for n in f.notes), key=lambda n: (n.location, n.kind))


def facts_text(analysis: Analysis) -> str:
    graph = analysis.graph
    out = [f"Services ({len(graph.services)})"]
    for service in graph.services:
        root = service.root + "/" if service.root != "." else "./"
        out.append(f"  {service.name} ({service.kind}, {root}; made a service by {service.location.path})")
        if service.images:
            out.append(f"    images: {', '.join(service.images)}")
        if service.incomplete:
            out.append(f"    reads may be incomplete: {service.incomplete}")
        for read in sorted(service.reads, key=lambda r: r.location):
            out.append(f"    {read.location}: {describe_read(read)}")
        own = {r.location for r in service.reads}
        for read in sorted((r for r in service.weak_reads if r.location not in own), key=lambda r: r.location):
            out.append(f"    {read.location}: {describe_read(read)} (a file handed to it: read if it loads it)")
        for item in service.process_sets:
            out.append(f"    {item.location}: {describe_set(item, 'process-set')}")
    out.append(f"Launch sites ({len(graph.sites)})")
    for site in graph.sites:
        out.append(f"  {site.location}: {describe_site(site)}" + (f" in {site.function}" if site.function else ""))
        links = [l for l in graph.links if l.site == site.id]
        for link in links:
            out.append(f"    starts {link.service} [{link.evidence}]: {link.reason}")
        if not links:
            out.append(f"    starts no known service: {graph.unlinked.get(site.id, '')}")
        if site.command:
            out.append(f"    command: {site.command}")
        if site.env_text:
            out.append(f"    environment: {site.env_text}")
        for item in site.sets:
            out.append(f"    {item.location}: {describe_set(item)}" + (f" ({item.via})" if item.via else ""))
        for ref in site.env_files:
            out.append(f"    {ref.location}: {describe_env_file(ref)}")
        env = graph.env_at.get(site.id)
        if env is not None:
            names = ", ".join(sorted(env.names)) or "none"
            out.append(f"    reaching the child: {names}" + (f"; and unknown others: {env.why_open}" if env.open else ""))
    if analysis.env_files:
        out.append(f"Env files ({len(analysis.env_files)}): names they hold, used where a launch site names them")
        for path, entries in analysis.env_files:
            out.append(f"  {path}: {', '.join(e.name for e in entries if e.name) or 'no entries'}")
    if analysis.unowned:
        out.append(f"Files in no service ({len(analysis.unowned)}): their reads are checked by no rule")
        out.extend(f"  {path}" for path in analysis.unowned)
    notes = _notes(analysis)
    if notes:
        out.append(f"Notes ({len(notes)}): what envlint could not read in files that are not broken")
        out.extend(f"  {n.location}: [{n.kind}] {n.message}" for n in notes)
    if graph.problems:
        out.append(f"Problems ({len(graph.problems)})")
        out.extend(f"  {p.location}: [{p.kind}] {p.message}" for p in graph.problems)
    return "\n".join(printable(line) for line in out) + "\n"
