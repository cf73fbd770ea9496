"""One repository of the corpus checked: findings against labels, mutations against contracts."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .contracts import Mutation, caught, load_contracts, mutations_of
from .corpus import Repo, Tree
from .labels import Label, finding_key, load_labels, unlabelled_rows
from .runner import Run, run_envlint, run_mutant


@dataclass(frozen=True, kw_only=True)
class MutationResult:
    mutation: Mutation
    caught: bool
    error: str = ""


@dataclass(frozen=True, kw_only=True)
class RepoResult:
    repo: Repo
    run: Run
    verdicts: Counter = field(default_factory=Counter)  # TRUE / PLAUSIBLE / FALSE / unlabelled
    by_code: Counter = field(default_factory=Counter)
    stale_labels: int = 0  # labels no finding matches any more (fixed, or moved)
    unlabelled: tuple[str, ...] = ()  # TSV rows ready to be judged
    mutations: tuple[MutationResult, ...] = ()
    missing_blobs: int = 0

    @property
    def labelled(self) -> int:
        return sum(self.verdicts[v] for v in ("TRUE", "PLAUSIBLE", "FALSE"))

    @property
    def precision(self) -> float | None:
        return (self.verdicts["TRUE"] + self.verdicts["PLAUSIBLE"]) / self.labelled if self.labelled else None

    @property
    def catches(self) -> int:
        return sum(m.caught for m in self.mutations)


def judge(repo: Repo, run: Run, labels: dict[tuple, Label]) -> tuple[Counter, Counter, int, tuple[str, ...]]:
    verdicts: Counter = Counter()
    seen = set()
    for finding in run.findings:
        key = finding_key(finding)
        label = labels.get(key)
        verdicts[label.verdict if label else "unlabelled"] += 1
        seen.add(key)
    by_code = Counter(f["code"] for f in run.findings)
    return verdicts, by_code, len(set(labels) - seen), tuple(unlabelled_rows(run.findings, labels))


def check_repo(repo: Repo, tree: Tree, corpus_dir: Path, *, source: Path | None = None, mutate: bool = True,
               jobs: int = 1) -> RepoResult:
    run = run_envlint(tree.path, source)
    labels = load_labels(corpus_dir / "labels" / f"{repo.name}.tsv")
    verdicts, by_code, stale, unlabelled = judge(repo, run, labels)
    results: tuple[MutationResult, ...] = ()
    if mutate:
        contracts = load_contracts(corpus_dir / "contracts" / f"{repo.name}.toml")
        mutations = [m for i, c in enumerate(contracts) for m in mutations_of(c, i)]

        def one(mutation: Mutation) -> MutationResult:
            after = run_mutant(tree.path, mutation, source)
            return MutationResult(mutation=mutation, caught=caught(mutation, run.findings, after.findings),
                                  error=after.error)

        with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:  # each job is a subprocess
            results = tuple(pool.map(one, mutations))
    return RepoResult(repo=repo, run=run, verdicts=verdicts, by_code=by_code, stale_labels=stale,
                      unlabelled=unlabelled, mutations=results, missing_blobs=tree.missing_blobs)
