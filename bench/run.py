"""Benchmark: `envlint check` on a generated repository, against a baseline measured in the same run.

The baseline is the floor any tree-sitter linter pays: reading every source file and parsing it once.
The ratio envlint / baseline is what to watch across changes; absolute times on shared machines drift.

    python bench/run.py [--services 200] [--repeat 7] [--repo PATH]

With --repo, the named repository is measured instead of a generated one.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

from envlint.analyze import analyze
from envlint.config import load_config
from envlint.discover import discover
from envlint.extract import syntax
from envlint.run_checks import run_checks

GO_SERVICE = """package main

import (
\t"log"
\t"os"
)

const envPrefix = "SVC{n}_"

func getEnv(key, fallback string) string {{
\tif v := os.Getenv(key); v != "" {{
\t\treturn v
\t}}
\treturn fallback
}}

func main() {{
\taddr := os.Getenv(envPrefix + "ADDR")
\tif addr == "" {{
\t\tlog.Fatal("no addr")
\t}}
\tlog.Println(addr, getEnv("SVC{n}_MODE", "fast"), os.Getenv("SHARED_TOKEN"))
}}
"""
GO_LAUNCHER = """package main

import (
\t"fmt"
\t"os/exec"
)

func start{n}(token string) error {{
\targs := []string{{"run", "--rm", "-e", "SVC{n}_ADDR=:80"}}
\targs = append(args, "-e", fmt.Sprintf("SHARED_TOKEN=%s", token))
\targs = append(args, "ghcr.io/acme/svc{n}:latest")
\treturn exec.Command("docker", args...).Run()
}}
"""
PY_SERVICE = """import os
import subprocess

BASE = os.getenv("WORKER{n}_BASE_URL", "http://localhost:80")
QUEUE = os.environ["WORKER{n}_QUEUE"]


def run() -> None:
    env = {{**os.environ, "CHILD_MODE": "x"}}
    subprocess.run(["svc{n}"], env=env, check=True)
"""


def generate(root: Path, services: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "cmd" / "launcher").mkdir(parents=True)
    (root / "go.mod").write_text("module example.com/bench\n\ngo 1.22\n")
    launcher = ['package main\n\nfunc main() {}\n']
    for n in range(services):
        svc = root / "cmd" / f"svc{n}"
        svc.mkdir()
        (svc / "main.go").write_text(GO_SERVICE.format(n=n))
        (svc / "Dockerfile").write_text("FROM scratch\n")
        (root / "cmd" / "launcher" / f"start{n}.go").write_text(GO_LAUNCHER.format(n=n))
        worker = root / "workers" / f"worker{n}"
        (worker / f"worker{n}").mkdir(parents=True)
        (worker / "pyproject.toml").write_text(f'[project]\nname = "worker{n}"\nversion = "1"\n')
        (worker / f"worker{n}" / "__init__.py").write_text("")
        (worker / f"worker{n}" / "main.py").write_text(PY_SERVICE.format(n=n))
    (root / "cmd" / "launcher" / "main.go").write_text(launcher[0])


def _median(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--repo", type=Path)
    options = parser.parse_args()
    root = options.repo or Path(__file__).parent / ".corpus"
    if options.repo is None:
        generate(root, options.services)
    root = root.resolve()
    config = load_config(root)
    files = [f for f in discover(root, (root,), config.exclude + config.extend_exclude).files
             if f.kind in ("go", "python")]

    def baseline() -> None:
        for source in files:
            syntax.parse(source.kind, (root / source.path).read_bytes())

    def envlint_check() -> None:
        run_checks(analyze(root, (root,), config).graph, config)

    envlint_check()  # warm caches (query compilation) so both sides are measured warm
    base = _median(baseline, options.repeat)
    full = _median(envlint_check, options.repeat)
    print(f"repository: {root} ({len(files)} Go/Python files)")
    print(f"baseline (read + parse every file once): median {base * 1000:.1f} ms over {options.repeat} runs")
    print(f"envlint check (whole pipeline):          median {full * 1000:.1f} ms over {options.repeat} runs")
    print(f"ratio envlint / baseline: {full / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
