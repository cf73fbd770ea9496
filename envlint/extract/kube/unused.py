"""A YAML file that does not parse but would have given envlint nothing: a note, not an ENV000.

Every `.yaml` that is not a compose file is offered to the Kubernetes extractor, so an Argo Workflow,
a CI workflow or a deliberately invalid test input that fails to parse used to be reported as an
unanalysable file. envlint reads only workloads (their containers are launch sites), kustomizations
and components (they patch workloads), ConfigMaps and Secrets (envFrom sources) and chart files. When
the text of a broken file names none of these, skipping it loses no launch site: like a file a linter
would not have linted anyway, it is said in `envlint facts`, not reported.
"""

from __future__ import annotations

import posixpath
import re

from ...model import Problem
from .workloads import POD_SPEC_PATHS

# Kinds whose loss would lose a launch site or what a launch site takes its environment from.
_USED_KINDS = set(POD_SPEC_PATHS) | {"List", "Kustomization", "Component", "ConfigMap", "Secret"}
_KIND = re.compile(r"^[ \t-]*kind:[ \t]*[\"']?([A-Za-z]+)", re.MULTILINE)
# A pod spec written outside a known kind (a CRD embedding one, a template): it could hold a site.
_CONTAINERS = re.compile(r"^[ \t-]*(?:init)?[cC]ontainers:", re.MULTILINE)
_KUSTOMIZATION_NAMES = {"kustomization.yaml", "kustomization.yml", "Kustomization"}


def holds_nothing_used(path: str, data: bytes) -> bool:
    """True when a YAML file (not a chart's) names no kind envlint reads and no container list."""
    if posixpath.basename(path) in _KUSTOMIZATION_NAMES:
        return False
    text = data.decode("utf-8", "replace")
    kinds = set(_KIND.findall(text))
    return not (kinds & _USED_KINDS) and _CONTAINERS.search(text) is None


def as_note(problem: Problem) -> Problem:
    return Problem(location=problem.location, kind=problem.kind,
                   message=problem.message.removesuffix("; skipped")
                   + "; it names no workload, kustomization or ConfigMap, so no launch site was lost; skipped")
