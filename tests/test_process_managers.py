"""systemd units and Procfiles as launch sites (envlint/extract/process_managers.py)."""

from __future__ import annotations

from envlint.extract.process_managers import extract_procfile, extract_systemd_unit
from envlint.filenames import classify

UNIT = b"""[Unit]
Environment=NOT_THE_SERVICE=1

[Service]
Environment=A=1 "B=two words"
Environment='C=3'
# Environment=D=4
PassEnvironment=HOME LANG
EnvironmentFile=-/etc/default/app
ExecStart=/usr/bin/python3 -u /opt/app/server.py --port 8080
ExecStart=/bin/never-second
"""


def test_a_systemd_service_sets_environment_and_passes_named_variables() -> None:
    [facts] = extract_systemd_unit("deploy/app.service", UNIT)
    [site] = facts.launch_sites
    assert [(s.name, s.value, s.passthrough, str(s.location)) for s in site.sets] == [
        ("A", "1", False, "deploy/app.service:5:13"), ("B", "two words", False, "deploy/app.service:5:18"),
        ("C", "3", False, "deploy/app.service:6:14"),
        ("HOME", None, True, "deploy/app.service:8:17"), ("LANG", None, True, "deploy/app.service:8:17")]
    assert [(t.kind, t.value) for t in site.targets] == [("python-script", "/opt/app/server.py")]
    assert (site.kind, site.inherits, site.container, site.function) == ("exec", False, False, "systemd unit app")
    assert site.open_reason == "EnvironmentFile /etc/default/app is on the machine, not in the repository"


def test_a_unit_without_execstart_starts_nothing() -> None:
    [facts] = extract_systemd_unit("app.service", b"[Service]\nEnvironment=A=1\n")
    assert facts.launch_sites == ()


def test_each_procfile_process_is_an_open_site_with_its_leading_assignments() -> None:
    [facts] = extract_procfile("Procfile", b"# comment\nweb: DEBUG=0 gunicorn app.wsgi X=1\nworker: python -m app.jobs\n")
    web, worker = facts.launch_sites
    assert [(s.name, s.value) for s in web.sets] == [("DEBUG", "0")]
    assert [(t.kind, t.value) for t in web.targets] == [("program", "gunicorn")]
    assert [(t.kind, t.value) for t in worker.targets] == [("python-module", "app.jobs")]
    assert web.open_reason.startswith("a Procfile's processes get the platform's config vars")
    assert (web.function, str(worker.location)) == ("Procfile process web", "Procfile:3:1")


def test_file_kinds() -> None:
    assert [classify(n) for n in ("Procfile", "Procfile.dev", "billing.service", "service.py")] == [
        "procfile", "procfile", "systemd-unit", "python"]


def test_supervisord_programs_inherit_and_add_their_environment() -> None:
    from envlint.extract.process_managers import extract_supervisor_config, is_supervisor_config

    text = (b'[supervisord]\nnodaemon=true\n\n[program:web]\ncommand=/usr/local/bin/web serve\n'
            b'environment=A="1,2",B=plain, C=\'q\'\n; environment=D=4\n\n[program:idle]\nautostart=false\n')
    assert is_supervisor_config(text) and not is_supervisor_config(b"[server]\nport=1\n")
    [facts] = extract_supervisor_config("deploy/supervisord.conf", text)
    [site] = facts.launch_sites  # a program without command= starts nothing
    assert [(s.name, s.value, str(s.location)) for s in site.sets] == [
        ("A", "1,2", "deploy/supervisord.conf:6:13"), ("B", "plain", "deploy/supervisord.conf:6:21"),
        ("C", "q", "deploy/supervisord.conf:6:30")]
    assert (site.inherits, site.function, [(t.kind, t.value) for t in site.targets]) == (
        True, "supervisord program web", [("program", "web")])
