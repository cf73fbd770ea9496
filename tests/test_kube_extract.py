"""Kubernetes, kustomize and Helm extraction: what the pattern fixtures cannot show (open sites,
function names, problems, locations of patches and rendered templates)."""

from __future__ import annotations

from pathlib import Path

from envlint.describe import describe_set, describe_site
from envlint.extract.config import extract_config
from envlint.extract.kube import extract_kubernetes
from envlint.model import FileFacts, LaunchSite, Location

PATTERNS = Path(__file__).parent / "patterns" / "kubernetes"


def _fixture(name: str) -> list[tuple[str, bytes]]:
    folder = PATTERNS / name
    return [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


def _sites(facts: list[FileFacts]) -> dict[str, LaunchSite]:
    return {s.function or "": s for f in facts for s in f.launch_sites}


def _problems(facts: list[FileFacts]) -> list:
    return [p for f in facts for p in f.problems]


def _notes(facts: list[FileFacts]) -> list:
    return [n for f in facts for n in f.notes]


DEPLOYMENT = b"""\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.2
          env:
            - name: A
              value: "1"
"""


def test_missing_configmap_leaves_the_site_open() -> None:
    sites = _sites(extract_kubernetes(_fixture("envfrom-configmap")))
    assert sites["StatefulSet/worker container worker"].open_reason == \
        "envFrom ConfigMap shared-config is not in the repository"
    api = sites["Deployment/api container api"]
    assert api.open_reason == ""
    assert [(s.name, s.via) for s in api.sets][:2] == [
        ("CACHE_URL", "envFrom ConfigMap api-config"), ("FEATURE_X", "envFrom ConfigMap api-config")]
    assert api.sets[0].location == Location("configmap.yaml", 6, 3)


def test_missing_secret_is_named_as_a_secret() -> None:
    data = DEPLOYMENT.replace(b"          env:", b"          envFrom:\n            - secretRef:\n"
                              b"                name: creds\n          env:")
    (site,) = _sites(extract_kubernetes([("k8s/api.yaml", data)])).values()
    assert site.open_reason == "envFrom Secret creds is not in the repository"


def test_function_names_and_env_text() -> None:
    sites = _sites(extract_kubernetes(_fixture("deployment-env")))
    assert set(sites) == {
        "Deployment/api container migrate", "Deployment/api container api", "Deployment/api container sidecar",
        "CronJob/cleanup container cleanup", "Pod/debug container shell"}
    api = sites["Deployment/api container api"]
    assert api.kind == "kubernetes" and api.language == "kubernetes" and not api.inherits
    assert api.env_text == "env and envFrom of the container"
    assert api.location == Location("app.yaml", 18, 11)
    assert api.targets[0].location == Location("app.yaml", 19, 18)
    via = {s.name: s.via for s in api.sets}
    assert via["POD_NAME"] == "valueFrom fieldRef metadata.name"
    assert sites["Deployment/api container migrate"].sets[0].via == "valueFrom secretKeyRef db-secret"


def test_extract_config_dispatches_to_kubernetes() -> None:
    assert extract_config("kubernetes", [("api.yaml", DEPLOYMENT)])[0].launch_sites


def test_invalid_yaml_is_one_problem_and_the_rest_goes_on() -> None:
    facts = extract_kubernetes([("broken.yaml", b"kind: Deployment\na: [1, 2\nb: {"), ("api.yaml", DEPLOYMENT)])
    problems = _problems(facts)
    assert len(problems) == 1 and problems[0].kind == "invalid-yaml"
    assert problems[0].location.path == "broken.yaml"
    assert list(_sites(facts)) == ["Deployment/api container api"]


def test_invalid_yaml_naming_nothing_envlint_reads_is_a_note() -> None:
    workflow = b"kind: Workflow\nspec:\n  container:\n    args: [a]-x\n"
    facts = extract_kubernetes([("test/invalid.yaml", workflow), ("ci.yml", b"a: [1, 2\nb: {"),
                                ("k/kustomization.yaml", b"a: [1"), ("pod.yaml", b"spec:\n  containers: [\n")])
    assert [(p.location.path, p.kind) for p in _problems(facts)] == [
        ("k/kustomization.yaml", "invalid-yaml"), ("pod.yaml", "invalid-yaml")]
    assert [(n.location.path, n.location.line, n.kind) for f in facts for n in f.notes] == [
        ("ci.yml", 2, "invalid-yaml"), ("test/invalid.yaml", 4, "invalid-yaml")]


def test_unrelated_yaml_and_garbage_yield_nothing() -> None:
    facts = extract_kubernetes(_fixture("not-kubernetes") + [
        ("empty.yaml", b""), ("list.yaml", b"- 1\n- 2\n"), ("scalar.yml", b"hello"),
        ("stray/_helpers.tpl", b"{{ define }}"), ("binary.yaml", b"\xff\xfe\x00")])
    assert [(f.path, [p.kind for p in f.problems]) for f in facts] == [("binary.yaml", ["not-utf8"])]


def test_kind_list_holds_workloads() -> None:
    body = b"apiVersion: v1\nkind: List\nitems:\n" + b"".join(
        b"    " + line + b"\n" if i else b"  - " + line + b"\n" for i, line in enumerate(DEPLOYMENT.splitlines()))
    assert list(_sites(extract_kubernetes([("list.yaml", body)]))) == ["Deployment/api container api"]


def test_kustomize_overlay_site() -> None:
    facts = extract_kubernetes(_fixture("kustomize-overlay"))
    sites = _sites(facts)
    overlay = sites["Deployment/api container api (overlay overlays/prod)"]
    assert overlay.location == Location("overlays/prod/env-patch.yaml", 9, 11)
    assert overlay.targets[0].value == "ghcr.io/acme/api:2.0"
    assert [(s.name, s.value, s.location.path) for s in overlay.sets] == [
        ("REGION", "eu", "base/deployment.yaml"), ("LOG_LEVEL", "warn", "overlays/prod/env-patch.yaml"),
        ("SENTRY_DSN", "https://sentry.example/1", "overlays/prod/env-patch.yaml")]
    assert sites["Deployment/api container api"].targets[0].value == "ghcr.io/acme/api:1.2"
    assert not _problems(facts)


def test_kustomize_inline_and_json_patches() -> None:
    kustomization = b"""\
resources:
  - api.yaml
patches:
  - target:
      kind: Deployment
      name: api
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/env/-
        value:
          name: ADDED
          value: "yes"
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: other
      spec:
        template:
          spec:
            containers:
              - name: api
                env:
                  - name: B
                    value: "2"
configMapGenerator:
  - name: generated
    literals:
      - GEN=1
"""
    facts = extract_kubernetes([("app/api.yaml", DEPLOYMENT), ("app/kustomization.yaml", kustomization)])
    sites = _sites(facts)
    overlay = sites["Deployment/api container api (overlay app)"]
    assert [describe_set(s) for s in overlay.sets] == ['set A="1"', 'set ADDED="yes"']
    assert overlay.sets[1].location == Location("app/kustomization.yaml", 11, 11)
    assert overlay.location == overlay.sets[1].location
    assert "Deployment/api container api" in sites and len(sites) == 2  # the patch for `other` matches nothing


def test_kustomize_patch_delete_removes_the_base_entry() -> None:
    kustomization = b"""\
resources:
  - api.yaml
patches:
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                env:
                  - name: A
                    $patch: delete
                  - name: B
                    value: "2"
"""
    facts = extract_kubernetes([("app/api.yaml", DEPLOYMENT), ("app/kustomization.yaml", kustomization)])
    overlay = _sites(facts)["Deployment/api container api (overlay app)"]
    assert [describe_set(s) for s in overlay.sets] == ['set B="2"']
    assert overlay.sets[0].location == Location("app/kustomization.yaml", 17, 21)


def test_kustomize_generated_configmap_resolves_envfrom() -> None:
    data = DEPLOYMENT.replace(b"          env:", b"          envFrom:\n            - configMapRef:\n"
                              b"                name: generated\n          env:")
    kustomization = b"resources:\n  - api.yaml\nconfigMapGenerator:\n  - name: generated\n    literals:\n      - GEN=1\n"
    (site,) = _sites(extract_kubernetes([("api.yaml", data), ("kustomization.yaml", kustomization)])).values()
    assert site.open_reason == ""
    assert (site.sets[0].name, site.sets[0].value, site.sets[0].location) == \
        ("GEN", "1", Location("kustomization.yaml", 6, 9))


def test_helm_sites_are_helm_and_traced_to_their_lines() -> None:
    facts = extract_kubernetes(_fixture("helm-chart"))
    assert {f.path: f.language for f in facts}["templates/deployment.yaml"] == "helm"
    (site,) = _sites(facts).values()
    assert site.function == "Deployment/web container web"
    assert site.language == "helm" and site.env_text == "Helm chart web, rendered without Helm"
    assert describe_site(site).endswith("network=host-if(.Values.hostNetwork)")
    assert site.open_reason == ""  # the chart's own ConfigMap, named through the fullname helper
    by_name = {s.name: s for s in site.sets}
    assert by_name["GREETING"].location == Location("templates/configmap.yaml", 6, 3)
    assert by_name["APP_NAME"].location.path == "templates/_helpers.tpl"
    assert by_name["OTEL_ENDPOINT"].location == Location("values.yaml", 15, 5)
    assert by_name["DB_HOST"].value is None


CHART = b"apiVersion: v2\nname: demo\nversion: 1.0.0\n"
GOOD_TEMPLATE = b"""\
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
    - name: main
      image: {{ .Values.image }}:{{ .Values.tag }}
      env:
        - name: FROM_{{ .Values.suffix }}
          value: {{ .Files.Get "x" }}
        {{- toYaml .Values.missing | nindent 8 }}
"""


def test_template_envlint_cannot_render_is_one_note_and_the_chart_goes_on() -> None:
    # A chart in a repository is valid (Helm checks it): what envlint cannot render is its own limit,
    # a note shown by `envlint facts`, never a problem.
    broken = b"apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.x }}\n b: [\n"
    facts = extract_kubernetes([
        ("chart/Chart.yaml", CHART), ("chart/values.yaml", b"image: ghcr.io/acme/demo\n"),
        ("chart/templates/pod.yaml", GOOD_TEMPLATE), ("chart/templates/broken.yaml", broken),
        ("chart/templates/unclosed.yaml", b"a: {{ if .Values.x }}\n")])
    assert _problems(facts) == []
    problems = sorted(_notes(facts), key=lambda p: p.location)
    assert [(p.location.path, p.kind) for p in problems] == [
        ("chart/templates/broken.yaml", "helm-template"), ("chart/templates/unclosed.yaml", "helm-template")]
    assert "skipped" in problems[0].message and "not valid YAML after rendering" in problems[0].message
    assert "not closed" in problems[1].message
    (site,) = _sites(facts).values()
    assert site.function == "Pod/demo container main"
    assert site.targets[0].value == "ghcr.io/acme/demo"  # the tag is not in values.yaml
    (entry,) = site.sets
    assert entry.name is None and entry.name_text == "FROM_{{ .Values.suffix }}" and entry.value is None
    assert site.open_reason == "Helm template action `{{ toYaml .Values.missing | nindent 8 }}` could not be rendered"


def test_templates_are_not_read_as_plain_yaml() -> None:
    facts = extract_kubernetes([("c/Chart.yaml", CHART), ("c/templates/pod.yaml", b"{{- if x }}\n: : [\n{{- end }}\n")])
    assert _problems(facts) == []
    assert [n.kind for n in _notes(facts)] == ["helm-template"]


def test_range_over_map_and_else_if_conditions() -> None:
    template = b"""\
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: main
      env:
        {{- if eq .Values.mode "a" }}
        - name: MODE_A
        {{- else if .Values.b }}
        - name: MODE_B
        {{- end }}
        {{- range $k, $v := .Values.vars }}
        - name: {{ $k | upper }}
          value: {{ $v | quote }}
        {{- end }}
"""
    values = b"vars:\n  zeta: z\n  alpha: a\n"
    facts = extract_kubernetes([("Chart.yaml", CHART), ("values.yaml", values), ("templates/p.yaml", template)])
    (site,) = _sites(facts).values()
    assert [describe_set(s) for s in site.sets] == [
        'set MODE_A="" if(eq .Values.mode "a")', 'set MODE_B="" if(not (eq .Values.mode "a") and .Values.b)',
        'set ALPHA="a"', 'set ZETA="z"']
    assert [s.location.line for s in site.sets] == [10, 12, 15, 15]


def test_hostile_templates_never_raise() -> None:
    recursive = b'{{- define "a" }}{{ include "a" . }}{{- end }}\nx: {{ include "a" . }}\n'
    nested = b"".join(b"{{ if .Values.x }}a" for _ in range(40)) + b"".join(b"{{ end }}" for _ in range(40))
    facts = extract_kubernetes([
        ("Chart.yaml", CHART), ("templates/r.yaml", recursive), ("templates/n.yaml", b"k: " + nested + b"\n"),
        ("templates/q.yaml", b'k: {{ "unterminated }}\n'), ("templates/_x.tpl", b"{{ end }}")])
    assert _problems(facts) == []
    assert all(n.kind == "helm-template" for n in _notes(facts))
