"""Benchmark: `envlint check` against the floors any tree-sitter linter pays, measured in the same run.

    python bench/run.py [--scale 1] [--repeat 5] [--growth] [--json FILE]
    python bench/run.py --repo PATH [--repeat 5]

Builds a corpus with no network (corpus.py: this interpreter's standard library and site-packages,
Go's tree from Debian's golang-src, and generated launchers and services), then measures side by side,
each `--repeat` times, medians reported: (a) reading every byte; (b) a tree-sitter parse of every Go
and Python file in one and in two processes; (c) a byte prefilter, then parse and envlint's own
queries on the files it lets through, in one and two processes; (d) `envlint check` cold (no cache),
first run with a cache (a new empty cache folder: what a CI job on a fresh clone pays) and warm.
Ratios: cold and first run against (c) and (b) in two processes, warm against (a). `--growth` repeats
it at 1x, 2x and 4x the scale and prints the time per million lines. Absolute times on a shared machine
drift; the ratios and the growth are what to compare across changes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus, measure, memory, prefilter, report  # noqa: E402


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def one(root: Path, title: str, repeat: int, notes: list[str]) -> report.Run:
    files = measure.listing(root)
    _progress(f"{title}: {len(files.code)} Go/Python files, {sum(files.lines.values()):,} lines; measuring")
    measurements, extra = measure.measure(files, repeat, _progress)
    counts = {"all": len(files.all_files)}
    for kind in measure.CODE_KINDS:
        counts[kind] = sum(1 for _, k in files.code if k == kind)
    rows = tuple(report.Row(m.name, tuple(m.seconds), tuple(m.peak_kb), tuple(m.tree_kb), m.counts)
                 for m in measurements)
    notes = notes + [
        f"prefilter: {prefilter.chosen()[0]}",
        f"envlint cache: {extra['cache']}",
        f"median of {repeat} runs; floors time the work inside their process (after imports), "
        "envlint the whole process, start-up included; peak MB: the largest process (ru_maxrss); "
        f"all procs MB: the process and its workers, PSS summed, sampled every {memory.SAMPLE_SECONDS:g} s",
    ]
    return report.Run(title, dict(files.lines), counts, rows, tuple(notes))


def corpus_run(scale: float, base: Path, repeat: int, units: int | None) -> report.Run:
    dest = base / f"corpus-{scale:g}x"
    _progress(f"building the corpus at {scale:g}x in {dest}")
    manifest = corpus.build(dest, scale, units)
    parts = manifest["parts"]
    notes = list(manifest["notes"]) + [f"generated layer: {parts['generated']['units']} units "
                                       "(compose, Kubernetes, Dockerfile + entrypoint, Go and Python launchers)"]
    return one(dest, f"{scale:g}x", repeat, notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="corpus size; 1 is about 1M lines of Go and Python")
    parser.add_argument("--growth", action="store_true", help="measure at 1x, 2x and 4x the scale")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--repo", type=Path, help="measure this repository instead of a built corpus")
    parser.add_argument("--units", type=int, help="generated units (default: 200 per 1x)")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "envlint-bench",
                        help="where corpora are built and kept for the next run")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    options = parser.parse_args(argv)
    if options.repo is not None:
        root = options.repo.resolve()
        runs = [one(root, root.name, options.repeat, [f"repository: {root}"])]
    else:
        scales = [options.scale * k for k in (1, 2, 4)] if options.growth else [options.scale]
        runs = []
        for scale in scales:  # each table as soon as it is measured: a long growth run shows progress
            runs.append(corpus_run(scale, options.corpus_dir, options.repeat, options.units))
            print(("\n" if len(runs) > 1 else "") + report.table(runs[-1]), end="", flush=True)
    if options.repo is not None:
        print(report.table(runs[0]), end="")
    if len(runs) > 1:
        print()
        print(report.growth(runs), end="")
    if options.json:
        options.json.write_text(json.dumps(report.as_json(runs), indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
