"""Programs outside the repository that read the configuration files their launch sites mount
(envlint/graph/upstream.py), on records built by hand."""

from __future__ import annotations

from envlint.model import LaunchSite, Link, Location, Read, Service, TargetRef
from envlint.graph.upstream import upstream_programs


def _site(line: int, name: str, image: str, mounts: tuple[str, ...]) -> LaunchSite:
    where = Location("compose.yaml", line, 3)
    return LaunchSite(
        location=where,
        kind="compose",
        language="compose",
        function=name,
        targets=(TargetRef(kind="image", value=image, location=where, via="compose image"),),
        sets=(),
        inherits=False,
        config_files=mounts,
    )


def _read(path: str, name: str) -> Read:
    return Read(name=name, location=Location(path, 1, 1), form="config ${}")


def test_unlinked_sites_that_mount_configuration_start_an_upstream_program() -> None:
    paths = {"proxy/config.yml": (_read("proxy/config.yml", "PROXY_PORT"),),
             "tools/run.py": (_read("tools/run.py", "TOOLS_MODE"),),
             "db/init.conf": (_read("db/init.conf", "DB_ROLE"),)}
    sites = [_site(2, "proxy", "ghcr.io/acme/proxy:1", ("proxy",)),
             _site(9, "proxy-cleanup", "ghcr.io/acme/proxy:1", ("proxy", "certs")),  # same image, same files
             _site(15, "api", "$API_IMAGE", ("db/init.conf",)),  # not written out: the compose service's name
             _site(20, "dev", "python:3.12", (".",)),  # the whole repository: sources, not configuration
             _site(25, "linked", "ghcr.io/acme/linked:1", ("proxy",)),
             _site(30, "db", "ghcr.io/acme/db:1", ("db/init.conf",))]  # "db" is taken by a service
    taken = Service(
        name="db",
        kind="python",
        root="db",
        location=Location("db/pyproject.toml", 1, 1),
        reads=(),
        process_sets=(),
        files=(),
    )
    known = [Link(site="compose.yaml:25:3", service="db", reason="by hand")]
    services, links = upstream_programs((taken,), sites, known, paths)
    assert [(s.name, s.root, s.images, [r.name for r in s.weak_reads], s.reads) for s in services[1:]] == [
        ("proxy", "proxy", ("ghcr.io/acme/proxy:1",), ["PROXY_PORT"], ()),
        ("api", "db", ("$API_IMAGE",), ["DB_ROLE"], ()),
        ("db (compose.yaml:30:3)", "db", ("ghcr.io/acme/db:1",), ["DB_ROLE"], ()),
    ]
    assert all(s.incomplete for s in services[1:])
    assert [(l.site, l.service, l.evidence) for l in links] == [
        ("compose.yaml:15:3", "api", "guess"),
        ("compose.yaml:25:3", "db", "exact"),
        ("compose.yaml:2:3", "proxy", "guess"),
        ("compose.yaml:30:3", "db (compose.yaml:30:3)", "guess"),
        ("compose.yaml:9:3", "proxy", "guess"),
    ]
