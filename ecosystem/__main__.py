"""`python -m ecosystem`: envlint over the pinned corpus, against labels and contracts.

Needs no network: the bare git directories come from `--git-dir-root`. Exit 0 when every repository
was checked and exited 0 or 1; 1 when envlint exited 2, crashed, or a repository could not be had;
2 for bad arguments or a malformed corpus file.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .check import RepoResult, check_repo
from .contracts import ContractError
from .corpus import HERE, CorpusError, find_git_dir, load_repos, materialise
from .labels import LabelError, load_labels
from .report import details, diff_findings, summary_table
from .runner import run_envlint


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ecosystem", description=__doc__.splitlines()[0])
    parser.add_argument("--git-dir-root", type=Path, required=True,
                        help="folder holding the bare git directories (OWNER+NAME/repo, OWNER/NAME.git, ...)")
    parser.add_argument("--corpus", type=Path, default=HERE, help="folder with repos.toml, labels/, contracts/")
    parser.add_argument("--cache", type=Path, default=HERE / ".trees", help="where work trees are materialised")
    parser.add_argument("--repo", action="append", default=[], help="only this repository (repeatable)")
    parser.add_argument("--no-mutations", action="store_true", help="skip the mutation runs (recall)")
    parser.add_argument("--jobs", type=int, default=2, help="mutation runs at once (default 2)")
    parser.add_argument("--diff", metavar="BASE_REF", help="compare with envlint at this git ref, finding by finding")
    parser.add_argument("--unlabelled", type=Path, metavar="DIR", help="write unlabelled findings as DIR/<name>.tsv")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON")
    return parser.parse_args(argv)


def _envlint_at(ref: str, into: Path) -> Path:
    """The envlint source tree at `ref`, extracted from this repository's git history."""
    archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", "--format=tar", ref],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise CorpusError(f"--diff {ref}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def _as_json(result: RepoResult) -> dict:
    return {"name": result.repo.name, "exit": result.run.exit_code, "findings": len(result.run.findings),
            "verdicts": dict(result.verdicts), "precision": result.precision, "by_code": dict(result.by_code),
            "mutations": len(result.mutations), "caught": result.catches,
            "missed": [f"{m.mutation.contract.id}:{m.mutation.kind}" for m in result.mutations if not m.caught],
            "seconds": round(result.run.seconds, 2), "peak_mb": round(result.run.peak_mb),
            "problems": len(result.run.problems), "stale_labels": result.stale_labels}


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        repos = load_repos(args.corpus / "repos.toml")
    except (OSError, CorpusError, ValueError) as exc:
        print(f"ecosystem: {exc}", file=sys.stderr)
        return 2
    unknown = sorted(set(args.repo) - {r.name for r in repos})
    if unknown:
        print(f"ecosystem: unknown repositories {unknown}", file=sys.stderr)
        return 2
    selected = [r for r in repos if not args.repo or r.name in args.repo]
    results, failed, diff_lines = [], False, []
    with tempfile.TemporaryDirectory(prefix="envlint-base-") as base_dir:
        try:
            base = _envlint_at(args.diff, Path(base_dir)) if args.diff else None
        except CorpusError as exc:
            print(f"ecosystem: {exc}", file=sys.stderr)
            return 2
        for repo in selected:
            git_dir = find_git_dir(args.git_dir_root, repo.slug)
            try:
                if git_dir is None:
                    raise CorpusError(f"{repo.slug}: no git directory under {args.git_dir_root}")
                tree = materialise(repo, git_dir, args.cache)
                result = check_repo(repo, tree, args.corpus, mutate=not args.no_mutations, jobs=args.jobs)
                if base is not None:
                    before = run_envlint(tree.path, base)
                    labels = load_labels(args.corpus / "labels" / f"{repo.name}.tsv")
                    diff_lines += diff_findings(repo.name, before.findings, result.run.findings, labels)
            except CorpusError as exc:
                print(f"ecosystem: {exc}", file=sys.stderr)
                failed = True
                continue
            except (LabelError, ContractError) as exc:
                print(f"ecosystem: {exc}", file=sys.stderr)
                return 2
            results.append(result)
            failed |= result.run.exit_code not in (0, 1) or bool(result.run.error)
            if args.unlabelled and result.unlabelled:
                args.unlabelled.mkdir(parents=True, exist_ok=True)
                (args.unlabelled / f"{repo.name}.tsv").write_text("\n".join(result.unlabelled) + "\n",
                                                                  encoding="utf-8")
    print(summary_table(results), end="")
    print(details(results), end="")
    if args.diff:
        print(f"\nDiff against {args.diff}: {sum(l.startswith('-') for l in diff_lines)} removed, "
              f"{sum(l.startswith('+') for l in diff_lines)} added")
        print("\n".join(diff_lines))
    if args.json:
        args.json.write_text(json.dumps([_as_json(r) for r in results], indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
