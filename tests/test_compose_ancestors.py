"""Compose overlays in sub-folders (CI cases) and compose files known by their content."""

from __future__ import annotations

from envlint.extract.compose import extract_compose
from envlint.extract.compose.sniff import looks_like_compose

BASE = "services:\n  app:\n    build:\n      context: .\n    environment:\n      DB_HOST: db\n"


def _sites(files: dict[str, str]):
    facts = extract_compose([(path, text.encode()) for path, text in files.items()])
    return {(s.location.path, s.function): s for f in facts for s in f.launch_sites}


def test_a_sub_folder_overlay_merges_onto_the_ancestor_service() -> None:
    sites = _sites({
        "compose.yaml": BASE,
        "ci/base.yaml": 'services:\n  app:\n    image: "${CI_IMAGE:?}"\n    environment:\n      MODE: ci\n',
        "ci/ldap/compose.yaml": "services:\n  app:\n    environment:\n      AUTH: ldap\n",
    })
    case = sites[("ci/ldap/compose.yaml", "app (compose.yaml over ci/base.yaml)")]
    assert [(s.name, s.location.path) for s in case.sets] == [
        ("DB_HOST", "compose.yaml"), ("MODE", "ci/base.yaml"), ("AUTH", "ci/ldap/compose.yaml")]
    assert [(t.kind, t.value) for t in case.targets] == [("image", "${CI_IMAGE:?}"), ("build", "Dockerfile")]
    assert ("ci/base.yaml", "app (base.yaml over compose.yaml)") in sites


def test_a_service_that_runs_something_or_has_two_candidates_is_its_own() -> None:
    sites = _sites({
        "compose.yaml": BASE,
        "ci/own/compose.yaml": "services:\n  app:\n    image: acme/app:ci\n",
        "deploy/a.yml": "services:\n  api:\n    image: a\n",
        "deploy/b.yml": "services:\n  api:\n    image: b\n",
        "deploy/x/compose.yaml": "services:\n  api:\n    environment:\n      X: 1\n",
    })
    assert ("ci/own/compose.yaml", "app") in sites
    assert ("deploy/x/compose.yaml", "api") in sites  # two files of deploy/ define api: no guess


def test_compose_by_content() -> None:
    assert looks_like_compose(b"name: x\nservices:\n  app:\n    image: a\n")
    assert looks_like_compose(b"services:\n\n  # the app\n  app:\n    environment:\n      A: 1\n")
    assert not looks_like_compose(b"services:\n  - type: web\n    name: api\n")  # render.yaml
    assert not looks_like_compose(b"apiVersion: v1\nkind: Pod\nservices:\n  app:\n    image: a\n")
    assert not looks_like_compose(b"services:\n  app:\n    port: 80\n")
