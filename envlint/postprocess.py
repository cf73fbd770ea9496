"""filter, after the checks: per-rule severity, ignored variables, inline suppressions, the baseline,
and the final order. Pure: files are read through the ``read_text`` the CLI passes in.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass
from typing import Callable

from .baseline import Baseline, apply_baseline
from .config import Config
from .model import Finding
from .suppress import apply_suppressions


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]
    suppressed: int  # hidden by inline suppression comments
    baselined: int  # hidden by the baseline
    stale_baseline: int  # baseline entries that matched nothing


def ignored_variable(name: str | None, patterns: tuple[str, ...]) -> bool:
    return name is not None and any(fnmatch.fnmatchcase(name, p) for p in patterns)


def finish(findings: list[Finding], config: Config, selected: frozenset[str],
           read_text: Callable[[str], str | None], baseline: Baseline | None = None,
           sources: tuple[str, ...] = (), unmarked: Callable[[str], bool] | None = None) -> Outcome:
    """``sources``: every analysed file, scanned for suppressions that silence nothing (ENV900);
    ``unmarked``: the files known to hold none (suppress.collect_suppressions)."""
    findings = [dataclasses.replace(f, severity=config.severity[f.code]) if f.code in config.severity else f
                for f in findings if not ignored_variable(f.variable, config.ignore_variables)]
    kept, unused = apply_suppressions(findings, read_text, "ENV900" in selected, paths=sources, selected=selected,
                                      unmarked=unmarked)
    suppressed = len(findings) - len(kept)
    kept = kept + [dataclasses.replace(f, severity=config.severity.get(f.code, f.severity)) for f in unused]
    baselined = stale = 0
    if baseline is not None:
        before = len(kept)
        kept, stale = apply_baseline(kept, baseline)
        baselined = before - len(kept)
    return Outcome(sorted(kept, key=Finding.sort_key), suppressed, baselined, stale)
