"""The benchmark's report: markdown tables on stdout and the same numbers as JSON.

Pure formatting of given numbers (tests/test_bench.py gives it fixed measurements and compares the
exact text): fixed row and column order and no date or host, so that two reports differ only where
the numbers do.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

# What each row measures, in the table's order.
LABELS = {
    "read": "(a) read all bytes",
    "parse-1": "(b) parse all Go/Python, 1 process",
    "parse-2": "(b) parse all Go/Python, 2 processes",
    "query-1": "(c) prefilter + parse + query, 1 process",
    "query-2": "(c) prefilter + parse + query, 2 processes",
    "check-cold": "(d) envlint check, cold",
    "check-first": "(d) envlint check, first run with a cache",
    "check-warm": "(d) envlint check, warm",
}
# The floors each envlint run is compared with. Issue 11's targets: cold within 1.5x of (c), warm under 3x
# of (a). (b) is the floor of a linter that parses every Go and Python file, as envlint does: ENV000
# reports a syntax error in any of them, and the files the prefilter lets through need the others'
# constants, imports and helper calls.
FLOORS = {"check-cold": ("query-2", "parse-2"), "check-first": ("query-2", "parse-2"), "check-warm": ("read",)}


@dataclass(frozen=True)
class Row:
    name: str
    seconds: tuple[float, ...]
    peak_kb: tuple[int, ...]  # the largest process, per run
    tree_kb: tuple[int, ...]  # the process and its workers together (sampled PSS), per run
    counts: dict[str, int]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass(frozen=True)
class Run:
    title: str  # the corpus: "1x" or the repository's folder name
    lines: dict[str, int]  # Go and Python lines
    files: dict[str, int]  # "all", "go", "python"
    rows: tuple[Row, ...]
    notes: tuple[str, ...]

    @property
    def million_lines(self) -> float:
        return sum(self.lines.values()) / 1e6


def _work(row: Row) -> str:
    """What the row did, in counts: evidence that the work happened and was the same in every run."""
    c = row.counts
    if "findings" in c:
        return f"{c['files']} files, {c['findings']} findings"
    if c.get("parsed"):
        if c.get("matches"):
            return f"{c['parsed']} of {c['files']} parsed, {c['matches']} matches"
        return f"{c['parsed']} parsed"
    return f"{c.get('files', 0)} files"


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f}" if kb else "?"  # 0: no /proc to sample


def table(run: Run) -> str:
    by_name = {row.name: row for row in run.rows}
    out = [
        f"### {run.title}: {sum(run.lines.values()):,} lines of Go and Python "
        f"(Go {run.lines.get('go', 0):,}, Python {run.lines.get('python', 0):,}); "
        f"{run.files.get('go', 0) + run.files.get('python', 0):,} Go/Python files of {run.files.get('all', 0):,}",
        "",
    ]
    out += [f"- {note}" for note in run.notes]
    out += ["", "| measurement | work | median s | s per M lines | vs floor | peak MB | all procs MB | runs s |",
            "|---|---|---:|---:|---|---:|---:|---|"]
    for row in run.rows:
        floors = [by_name[name] for name in FLOORS.get(row.name, ()) if name in by_name]
        versus = ", ".join(f"{row.median / floor.median:.1f}x {floor.name}" for floor in floors if floor.median)
        per_million = f"{row.median / run.million_lines:.2f}" if run.million_lines else ""
        runs = " ".join(f"{s:.2f}" for s in row.seconds)
        out.append(f"| {LABELS.get(row.name, row.name)} | {_work(row)} | {row.median:.2f} | {per_million} | "
                   f"{versus} | {max(row.peak_kb) / 1024:.0f} | {_mb(max(row.tree_kb, default=0))} | {runs} |")
    return "\n".join(out) + "\n"


def growth(runs: list[Run]) -> str:
    """Seconds per million lines at each scale: constant along a row when the time is linear."""
    head = "| measurement | " + " | ".join(f"{r.title} s/M lines" for r in runs) + " |"
    out = ["### Growth", "", head, "|---|" + "---:|" * len(runs),
           "| Go+Python lines | " + " | ".join(f"{sum(r.lines.values()):,}" for r in runs) + " |"]
    for name, label in LABELS.items():
        cells = []
        for run in runs:
            row = next((r for r in run.rows if r.name == name), None)
            cells.append(f"{row.median / run.million_lines:.2f}" if row and run.million_lines else "")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def as_json(runs: list[Run]) -> dict:
    return {"runs": [{
        "title": run.title, "lines": run.lines, "files": run.files, "notes": list(run.notes),
        "measurements": [{"name": row.name, "median_seconds": row.median, "seconds": list(row.seconds),
                          "peak_kb": max(row.peak_kb), "all_processes_kb": max(row.tree_kb, default=0),
                          "counts": row.counts} for row in run.rows],
    } for run in runs]}
