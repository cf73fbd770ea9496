"""What the compose pattern fixtures cannot show: open sites, empty_if_unset, overlay function names,
problems."""

from __future__ import annotations

import pytest

from envlint.extract.compose import extract_compose
from envlint.extract.compose.interpolate import env_value, substitute_defaults
from envlint.model import LaunchSite


def _sites(files: dict[str, str]) -> dict[str, LaunchSite]:
    facts = extract_compose([(path, text.encode()) for path, text in files.items()])
    assert [p for f in facts for p in f.problems] == []
    return {s.function: s for f in facts for s in f.launch_sites}


def test_missing_required_env_file_opens_the_site() -> None:
    sites = _sites({
        "deploy/compose.yaml": "services:\n"
                               "  api:\n    image: a\n    env_file: [./api.env, ./missing.env]\n"
                               "  opt:\n    image: b\n    env_file:\n"
                               "      - path: ./gone.env\n        required: false\n",
        "deploy/api.env": "A=1\n",
    })
    assert sites["api"].open_reason == "env file ./missing.env is not in the repository"
    assert [(s.name, s.value, s.location.path, s.via) for s in sites["api"].sets] == \
        [("A", "1", "deploy/api.env", "env_file ./api.env")]
    assert sites["opt"].open_reason == ""
    assert [r.path for r in sites["opt"].env_files] == ["./gone.env"]


def test_unresolved_extends_opens_the_site() -> None:
    sites = _sites({"compose.yaml": "services:\n  api:\n    extends: {service: base, file: common.yml}\n"})
    assert "base" in sites["api"].open_reason


def test_empty_if_unset_only_for_a_lone_default_less_reference() -> None:
    sites = _sites({"compose.yaml": "services:\n  api:\n    image: a\n    environment:\n"
                                    "      A: ${A}\n      B: $B\n      C: ${C:-x}\n      D: x${D}\n"
                                    "      E: ${E:?no}\n      F: plain\n"})
    flags = {s.name: (s.value, s.empty_if_unset, s.passthrough) for s in sites["api"].sets}
    assert flags == {"A": (None, True, False), "B": (None, True, False), "C": (None, False, False),
                     "D": (None, False, False), "E": (None, False, False), "F": ("plain", False, False)}


def test_interpolation_helpers() -> None:
    assert env_value("$${X}") == ("${X}", False)
    assert env_value("${A:-${B}}") == (None, False)
    assert env_value("${unclosed") == (None, False)
    assert substitute_defaults("${REGISTRY:-ghcr.io/acme}/api:${TAG:-latest}") == "ghcr.io/acme/api:latest"
    assert substitute_defaults("${REGISTRY}/api:${TAG-1}") == "${REGISTRY}/api:1"


def test_overlay_sites_are_named_after_their_file() -> None:
    facts = extract_compose([
        ("ops/docker-compose.yml", b"services:\n  api:\n    image: a\n    environment: [X=1, Y=1]\n"),
        ("ops/docker-compose.prod.yml", b"services:\n  api:\n    environment: [X=2]\n"
                                        b"  solo:\n    environment: [Z=1]\n"),
    ])
    sites = {(s.function, s.location.path): s for f in facts for s in f.launch_sites}
    assert set(sites) == {("api", "ops/docker-compose.yml"),
                          ("api (docker-compose.prod.yml)", "ops/docker-compose.prod.yml"),
                          ("solo", "ops/docker-compose.prod.yml")}
    overlay = sites["api (docker-compose.prod.yml)", "ops/docker-compose.prod.yml"]
    assert {(s.name, s.value, s.location.path) for s in overlay.sets} == \
        {("X", "2", "ops/docker-compose.prod.yml"), ("Y", "1", "ops/docker-compose.yml")}
    assert [t.value for t in overlay.targets] == ["a"]
    assert sites["solo", "ops/docker-compose.prod.yml"].targets == ()


def test_hyphenated_compose_files_are_bases_of_their_own_or_overlays() -> None:
    """docker-compose-dev.yml is no name compose reads by itself: like docker-compose.prod.yml it is a
    project of its own, or an overlay of the folder's base file when its service names no image or build."""
    facts = extract_compose([
        ("alone/docker-compose-dev.yml", b"services:\n  api:\n    build: .\n    environment: [X=1]\n"),
        ("ops/docker-compose.yml", b"services:\n  api:\n    image: a\n    environment: [X=1, Y=1]\n"),
        ("ops/docker-compose-dev.yml", b"services:\n  api:\n    environment: [X=2]\n"),
        ("ops/compose_ci.yaml", b"services:\n  api:\n    image: b\n"),
    ])
    assert [f.path for f in facts] == ["alone/docker-compose-dev.yml", "ops/docker-compose.yml",
                                       "ops/docker-compose-dev.yml", "ops/compose_ci.yaml"]
    sites = {(s.function, s.location.path): s for f in facts for s in f.launch_sites}
    assert sorted(sites) == [("api", "alone/docker-compose-dev.yml"), ("api", "ops/compose_ci.yaml"),
                             ("api", "ops/docker-compose.yml"),
                             ("api (docker-compose-dev.yml)", "ops/docker-compose-dev.yml")]
    assert [(t.kind, t.value) for t in sites["api", "alone/docker-compose-dev.yml"].targets] == \
        [("build", "alone/Dockerfile")]
    overlay = sites["api (docker-compose-dev.yml)", "ops/docker-compose-dev.yml"]
    assert {(s.name, s.value, s.location.path) for s in overlay.sets} == \
        {("X", "2", "ops/docker-compose-dev.yml"), ("Y", "1", "ops/docker-compose.yml")}
    assert [(t.kind, t.value) for t in sites["api", "ops/compose_ci.yaml"].targets] == [("image", "b")]


def test_override_merges_into_the_base_site() -> None:
    facts = extract_compose([
        ("compose.yaml", b"services:\n  api:\n    build: .\n"),
        ("compose.override.yaml", b"services:\n  api:\n    network_mode: host\n"),
        (".env", b"IGNORED=1\n"),
    ])
    assert [f.path for f in facts] == ["compose.yaml", "compose.override.yaml"]
    (site,) = [s for f in facts for s in f.launch_sites]
    assert (str(site.location), site.network_host, site.inherits) == ("compose.yaml:2:3", "always", False)
    assert [(t.kind, t.value) for t in site.targets] == [("build", "Dockerfile")]


def test_invalid_yaml_is_one_problem() -> None:
    (facts,) = extract_compose([("compose.yaml", b"services:\n  api: [\n")])
    assert facts.launch_sites == ()
    assert [p.kind for p in facts.problems] == ["invalid-yaml"]


def test_not_utf8_and_not_compose() -> None:
    bad, fragment = extract_compose([("docker-compose.yml", b"\xff\xfe"), ("compose.yml", b"name: x\nversion: '3'\n")])
    assert [p.kind for p in bad.problems] == ["not-utf8"]
    assert (fragment.launch_sites, fragment.problems) == ((), ())  # a mapping without services: nothing to say


@pytest.mark.parametrize(("text", "problem"), [
    ("- just a list\n", "1:1: the document is a list, not a mapping with services; skipped"),
    ("just words\n", "1:1: the document is a scalar, not a mapping with services; skipped"),
    ("services: []\n", "1:11: services is a list, not a mapping of services; skipped"),
    ("services:\n  db: postgres\n", "2:3: service db is a scalar, not a mapping; skipped"),
    ("services:\n  web:\n    image: x\n    environment: FOO=1\n",
     "4:18: environment of service web is a scalar, not a mapping or a list; its names are unknown"),
])
def test_shapes_compose_rejects_are_problems(text: str, problem: str) -> None:
    [facts] = extract_compose([("compose.yml", text.encode())])
    assert [f"{p.location.line}:{p.location.column}: {p.message}" for p in facts.problems] == [problem]
    assert {p.kind for p in facts.problems} == {"invalid-compose"}


def test_extends_cycle_does_not_recurse_forever() -> None:
    sites = _sites({"compose.yaml": "services:\n  a:\n    extends: b\n  b:\n    extends: a\n"})
    assert set(sites) == {"a", "b"}
    assert "cycle" in sites["a"].open_reason


def test_placeholders_of_configuration_files_are_reads() -> None:
    from envlint.extract.placeholders import extract_placeholders

    text = (b'brokers: ["${env:KAFKA_BROKER:-localhost:9092}"]\ntopic: ${KAFKA_TOPIC}\nlevel: ${log_level}\n'
            b'addr: {{ env "LISTEN_ADDR" }}\nci: ${{ env.NOT_A_READ }}\nmode: ${MODE-batch}\n')
    (facts,) = extract_placeholders("conf/collector.yaml", text)
    assert [(r.name, r.location.line, r.location.column, r.default.values, r.default.covers_empty) for r in facts.reads] == [
        ("KAFKA_BROKER", 1, 12, ("localhost:9092",), True),
        ("KAFKA_TOPIC", 2, 8, (), False),
        ("LISTEN_ADDR", 4, 7, (), False),
        ("MODE", 6, 7, ("batch",), False),
    ]
    assert extract_placeholders("plain.yaml", b"a: 1\n") == []


def test_xml_from_env_attributes_are_reads() -> None:
    """ClickHouse's `<element from_env="X"/>`: the element takes X's value; a commented-out one does not."""
    from envlint.extract.placeholders import extract_placeholders

    text = (b'<clickhouse>\n  <max_ratio from_env="MAX_RATIO"/>\n  <!-- <old from_env="OLD_RATIO"/> -->\n'
            b"  <port from_env='HTTP_PORT' />\n  <note>from_env=\"NOT_IN_A_TAG\"</note>\n</clickhouse>\n")
    (facts,) = extract_placeholders("clickhouse/config.xml", text)
    assert [(r.name, r.location.line, r.location.column, r.form) for r in facts.reads] == [
        ("MAX_RATIO", 2, 24, 'config from_env=""'),
        ("HTTP_PORT", 4, 19, 'config from_env=""'),
    ]
