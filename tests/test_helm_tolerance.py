"""Helm charts in a repository are valid by construction: envlint renders the forms real charts use
(`fail` branches, empty maps under `if`, `{{- else -}}`, nested includes, kind tests), and what it still
cannot render is a note of `envlint facts`, never a problem (never exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from envlint.describe import describe_set
from envlint.extract.kube import extract_kubernetes

from .conftest import run_cli

CHART = b"apiVersion: v2\nname: demo\nversion: 1.0.0\n"


def _pod(env: str, before: str = "") -> bytes:
    return (f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n{before}spec:\n  containers:\n"
            f"    - name: main\n      image: acme/main\n      env:\n{env}").encode()


def _extract(template: bytes, values: bytes = b"", helpers: bytes = b""):
    files = [("c/Chart.yaml", CHART), ("c/values.yaml", values), ("c/templates/pod.yaml", template)]
    if helpers:
        files.append(("c/templates/_helpers.tpl", helpers))
    facts = extract_kubernetes(files)
    assert [p for f in facts for p in f.problems] == []
    assert [n for f in facts for n in f.notes] == []
    (site,) = [s for f in facts for s in f.launch_sites]
    return [describe_set(s) for s in site.sets]


def test_fail_branch_renders_nothing() -> None:
    # From the repro helm-fail-branch: Helm stops at `fail`; its branch never produces a manifest.
    env = ('        {{- if eq .Values.engine "infinity" }}\n        - name: INFINITY_HOST\n          value: infinity\n'
           '        {{- else }}\n        {{ fail "engine must be infinity" }}\n        {{- end }}\n')
    assert _extract(_pod(env), b"engine: infinity\n") == ['set INFINITY_HOST="infinity" if(eq .Values.engine "infinity")']


def test_fail_inside_a_nested_if_renders_nothing() -> None:
    env = ('        {{- if .Values.a }}\n        {{- if .Values.b }}\n        {{- fail "not both" }}\n'
           '        {{- end }}\n        {{- end }}\n        - name: A\n          value: "1"\n')
    assert _extract(_pod(env)) == ['set A="1"']


def test_empty_map_under_a_false_if_renders_nothing() -> None:
    # From the repro helm-empty-map-toyaml: `{}` beside other labels would not be YAML.
    labels = ("  labels:\n    app: p\n{{- if .Values.podLabels }}\n{{ toYaml .Values.podLabels | indent 4 }}\n"
              "{{- end }}\n")
    assert _extract(_pod('        - name: FOO\n          value: "1"\n', labels), b"podLabels: {}\n") == ['set FOO="1"']


def test_empty_map_without_a_condition_is_rendered_as_helm_does() -> None:
    env = '        - name: FOO\n          value: "1"\n      resources:\n        {{- toYaml .Values.resources | nindent 8 }}\n'
    assert _extract(_pod(env), b"resources: {}\n") == ['set FOO="1"']


def test_else_with_trim_on_both_sides_does_not_glue_the_branches() -> None:
    helpers = b'''{{- define "env" -}}
{{ if .Values.exporter -}}
- name: EXPORTER
  value: "on"
- name: SECRET
  valueFrom:
    secretKeyRef:
      name: s
      optional: true
{{- else -}}
- name: EXPORTER
  value: "off"
{{- end }}
{{- end }}
'''
    sets = _extract(_pod('        {{- include "env" . | nindent 8 }}\n'), b"exporter: false\n", helpers)
    assert sets == ['set EXPORTER="on" if(.Values.exporter)', "set SECRET if(.Values.exporter)",
                    'set EXPORTER="off" if(not (.Values.exporter))']


def test_nested_include_piped_to_nindent() -> None:
    helpers = b'''{{- define "inner" -}}
- name: INNER
  value: {{ .Values.inner | quote }}
{{- end }}
{{- define "outer" -}}
- name: OUTER
  value: "o"
{{ include "inner" . }}
{{- end }}
'''
    sets = _extract(_pod('        {{- include "outer" . | nindent 8 }}\n'), b"inner: i\n", helpers)
    assert sets == ['set OUTER="o"', 'set INNER="i"']


def test_kind_test_renders_the_branch_for_the_value_s_kind() -> None:
    env = ('        {{- range $key, $value := .Values.environment }}\n        - name: {{ $key }}\n'
           '          {{- if kindIs "map" $value }}\n          {{- toYaml $value | nindent 10 }}\n'
           '          {{- else }}\n          value: {{ $value | quote }}\n          {{- end }}\n        {{- end }}\n')
    values = b"environment:\n  FLAG: true\n  TOKEN:\n    valueFrom:\n      secretKeyRef: {name: t, key: k}\n"
    assert _extract(_pod(env), values) == ['set FLAG="true"', "set TOKEN"]


def test_unrenderable_template_is_a_note_of_facts_and_not_a_problem(tmp_path: Path) -> None:
    chart = tmp_path / "chart"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_bytes(CHART)
    (chart / "templates" / "odd.yaml").write_text("a: 1\n{{ .Files.Get \"x\" }}\nb: [\n")
    check = run_cli("check", "--output-format", "json", cwd=tmp_path)
    assert check.exit_code == 0 and json.loads(check.stdout)["problems"] == []
    facts = run_cli("facts", cwd=tmp_path)
    assert facts.exit_code == 0
    assert facts.stdout.splitlines()[-2:] == [
        "Notes (1): what envlint could not read in files that are not broken",
        "  chart/templates/odd.yaml:3:1: [helm-template] Helm template is not valid YAML after rendering without "
        "Helm (could not find expected ':', rendered line 3); the template was skipped"]
    notes = json.loads(run_cli("facts", "--json", cwd=tmp_path).stdout)["notes"]
    assert [(n["path"], n["kind"]) for n in notes] == [("chart/templates/odd.yaml", "helm-template")]


def test_repro_helm_fail_branch_is_clean(tmp_path: Path) -> None:
    chart = tmp_path / "chart"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    (chart / "values.yaml").write_text("engine: infinity\n")
    (chart / "templates" / "secret.yaml").write_text(
        'apiVersion: v1\nkind: Secret\nmetadata: {name: env}\nstringData:\n  {{- if eq .Values.engine "infinity" }}\n'
        '  INFINITY_HOST: infinity\n  {{- else }}\n  {{ fail "engine must be infinity" }}\n  {{- end }}\n')
    result = run_cli("check", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "All checks passed: 0 launch sites and 0 services.\n")
    assert "Notes" not in run_cli("facts", cwd=tmp_path).stdout
