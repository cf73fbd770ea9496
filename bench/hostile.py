"""Hostile inputs of issue 12, each in a repository of its own beside a normal program, measured by
`envlint check`: exit code, seconds and peak memory of the process (os.wait4), and the problem kinds
it reports. Every input must end in under 5 s and 300 MB with exit 0 or 1 (2 only for usage).

    python bench/hostile.py [--keep DIR]

Nothing here is a test: the figures are for the closing note of the issue; tests/test_hostile_input.py
asserts the behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):  # run as a script: make `bench` importable as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import run_child  # noqa: E402

NORMAL = {
    "app/main.py": 'import os\n\nQUEUE = os.environ["APP_QUEUE"]\n',
    "app/Dockerfile": 'FROM python:3.12\nCOPY main.py /app/main.py\nCMD ["python", "/app/main.py"]\n',
    "compose.yaml": "services:\n  app:\n    build: ./app\n    environment:\n      APP_QUEU: jobs\n",
}


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


def _sparse_4gb(root: Path) -> None:
    with (root / "app" / "huge.py").open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: no disk used, 4 GB to whoever reads it whole


def _yaml_bomb(root: Path) -> None:
    lines = ["x-a0: &a0 {k: v}"]
    for i in range(1, 24):
        lines.append(f"x-a{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}]\n  k{i}: v")
    lines.append("services:\n  bomb:\n    image: acme/bomb\n    environment:\n      <<: *a23")
    (root / "docker-compose.bomb.yml").write_text("\n".join(lines) + "\n")


def _helm_indent(root: Path) -> None:
    _write(root, {"chart/Chart.yaml": "apiVersion: v2\nname: c\nversion: 1.0.0\n",
                  "chart/values.yaml": "env: {}\n",
                  "chart/templates/d.yaml": ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n"
                                             "  template:\n    spec:\n      containers:\n        - name: c\n"
                                             "          image: acme/c\n          env:\n"
                                             "{{ .Values.env | toYaml | nindent 100000000 }}\n")})


def _nested_defaults(root: Path) -> None:
    expression = '"d"'
    for i in range(800):
        expression = f'os.getenv("V{i}", {expression})'
    (root / "app" / "nested.py").write_text(f"import os\n\nX = {expression}\n")


def _or_chain(root: Path) -> None:
    chain = " or ".join(f'os.getenv("V{i}")' for i in range(800))
    (root / "app" / "orchain.py").write_text(f"import os\n\nX = {chain}\n")


def _go_chain(root: Path) -> None:
    chain = " + ".join(f'os.Getenv("V{i}")' for i in range(800))
    _write(root, {"go.mod": "module x\n\ngo 1.22\n",
                  "cmd/chain/main.go": f'package main\n\nimport "os"\n\nfunc main() {{\n\t_ = {chain}\n}}\n'})


def _big_list(root: Path) -> None:
    items = ", ".join(str(i) for i in range(250_000))  # 1.9 MB: just under the 2 MB limit, on one line
    (root / "app" / "biglist.py").write_text(f"import os\n\nX = [{items}]\nY = os.getenv('BIG')\n")


def _deep_brackets(root: Path) -> None:
    (root / "app" / "deep.py").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")


def _gitignore(root: Path) -> None:
    (root / ".gitignore").write_text("".join(f"generated/pattern-{i}-*.py\n" for i in range(10_000)))
    for i in range(3_000):
        _write(root, {f"pkg{i % 30}/m{i}.py": "X = 1\n"})


def _files(root: Path) -> None:
    _write(root, {"app/binary.py": b"\x00\x01\x02" * 100, "app/latin1.py": "X = 'caf\xe9'\n".encode("latin-1"),
                  "compose.list.yml": "- not\n- a mapping\n"})
    (root / "app" / "broken_link.py").symlink_to(root / "nowhere.py")
    (root / "app" / "passwd.env").symlink_to("/etc/passwd")
    (root / "app" / "environ.py").symlink_to("/proc/self/environ")


CASES: dict[str, Callable[[Path], None]] = {
    "file of 4 GB (sparse)": _sparse_4gb,
    "YAML merge keys, 2^23 expansions": _yaml_bomb,
    "Helm nindent 100000000": _helm_indent,
    "800 nested os.getenv defaults": _nested_defaults,
    "or-chain of 800 reads": _or_chain,
    "800 Go reads joined with +": _go_chain,
    "one-line list literal of 1.9 MB": _big_list,
    "100,000 nested brackets": _deep_brackets,
    ".gitignore of 10,000 patterns, 3,000 files": _gitignore,
    "binary, Latin-1, list compose, broken and outside symlinks": _files,
}


def _measure(root: Path) -> tuple[int, float, float, list[str]]:
    out = root.parent / f"{root.name}.json"
    child = run_child([sys.executable, "-m", "envlint", "check", "--no-cache", "--output-format", "json", str(root)],
                      root, dict(os.environ), out)
    try:
        findings = json.loads(out.read_bytes())["findings"]
    except (ValueError, KeyError):
        findings = []
    kinds = sorted({f["code"] if f["code"] != "ENV000" else f"ENV000:{f['name']}" for f in findings})
    return child.exit_code, child.seconds, child.peak_kb / 1024, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the repositories here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="envlint-hostile-"))
    print("| input | exit | seconds | peak MB | reported |")
    print("| --- | --- | --- | --- | --- |")
    for number, (label, build) in enumerate(CASES.items()):
        root = base / f"case{number}"
        root.mkdir(parents=True, exist_ok=True)
        _write(root, NORMAL)
        build(root)
        code, seconds, peak, kinds = _measure(root)
        print(f"| {label} | {code} | {seconds:.2f} | {peak:.0f} | {' '.join(kinds)} |", flush=True)


if __name__ == "__main__":
    main()
