"""The ecosystem check's tables: per repository and in total, and the finding-by-finding diff."""

from __future__ import annotations

from collections import Counter

from .check import RepoResult
from .labels import Label, finding_key


def _ratio(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:.1f}%" if denominator else "-"


def _codes(counter: Counter) -> str:
    return " ".join(f"{code}:{counter[code]}" for code in sorted(counter)) or "-"


HEADER = ("repository", "exit", "findings", "TRUE", "PLAUS", "FALSE", "unlab", "precision", "caught",
          "recall", "seconds", "peak MB", "problems", "by code")


def summary_table(results: list[RepoResult]) -> str:
    rows = [HEADER]
    total_verdicts: Counter = Counter()
    total_codes: Counter = Counter()
    caught = mutations = problems = findings = 0
    seconds = peak = 0.0
    for result in results:
        v = result.verdicts
        rows.append((result.repo.name, str(result.run.exit_code), str(len(result.run.findings)), str(v["TRUE"]),
                     str(v["PLAUSIBLE"]), str(v["FALSE"]), str(v["unlabelled"]),
                     _ratio(v["TRUE"] + v["PLAUSIBLE"], result.labelled),
                     f"{result.catches}/{len(result.mutations)}", _ratio(result.catches, len(result.mutations)),
                     f"{result.run.seconds:.2f}", f"{result.run.peak_mb:.0f}", str(len(result.run.problems)),
                     _codes(result.by_code)))
        total_verdicts += v
        total_codes += result.by_code
        caught += result.catches
        mutations += len(result.mutations)
        problems += len(result.run.problems)
        findings += len(result.run.findings)
        seconds += result.run.seconds
        peak = max(peak, result.run.peak_mb)
    labelled = sum(total_verdicts[k] for k in ("TRUE", "PLAUSIBLE", "FALSE"))
    rows.append(("total", "", str(findings), str(total_verdicts["TRUE"]), str(total_verdicts["PLAUSIBLE"]),
                 str(total_verdicts["FALSE"]), str(total_verdicts["unlabelled"]),
                 _ratio(total_verdicts["TRUE"] + total_verdicts["PLAUSIBLE"], labelled), f"{caught}/{mutations}",
                 _ratio(caught, mutations), f"{seconds:.2f}", f"{peak:.0f}", str(problems), _codes(total_codes)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


PROBLEMS_SHOWN = 5


def details(results: list[RepoResult]) -> str:
    """What needs a look: errors, problems, missed mutations, unlabelled findings, stale labels."""
    out = []
    for result in results:
        notes = []
        if result.run.error:
            notes.append(f"  envlint did not report: {result.run.error}")
        if result.missing_blobs:
            notes.append(f"  {result.missing_blobs} files left out: the mirror lacks their content")
        for problem in result.run.problems[:PROBLEMS_SHOWN]:
            notes.append(f"  problem {problem['kind']} {problem['path']}:{problem['line']}: {problem['message']}")
        if len(result.run.problems) > PROBLEMS_SHOWN:
            notes.append(f"  (+{len(result.run.problems) - PROBLEMS_SHOWN} more problems)")
        for m in result.mutations:
            if not m.caught:
                c = m.mutation.contract
                notes.append(f"  missed {c.id} ({m.mutation.kind}: {c.variable} -> {m.mutation.mutant} at "
                             f"{c.set.path}:{c.set.line}){' error: ' + m.error if m.error else ''}")
        if result.unlabelled:
            notes.append(f"  {len(result.unlabelled)} unlabelled findings (--unlabelled DIR writes them as TSV)")
        if result.stale_labels:
            notes.append(f"  {result.stale_labels} labels match no finding any more")
        if notes:
            out.append(f"{result.repo.name}:\n" + "\n".join(notes))
    return "\n".join(out) + ("\n" if out else "")


def diff_findings(name: str, base: list[dict], head: list[dict], labels: dict[tuple, Label]) -> list[str]:
    """ruff's ecosystem diff: `-` for a finding only the base version has, `+` for one only the new one
    has, each with its label when there is one."""
    before = {finding_key(f): f for f in base}
    after = {finding_key(f): f for f in head}
    lines = []
    for sign, keys, side in (("-", sorted(set(before) - set(after)), before),
                             ("+", sorted(set(after) - set(before)), after)):
        for key in keys:
            code, path, line, variable, service = key
            label = labels.get(key)
            verdict = f" [{label.verdict}]" if label else " [unlabelled]"
            lines.append(f"{sign} {name} {path}:{line} {code} {variable} ({service}){verdict}: "
                         f"{side[key]['message']}")
    return lines
