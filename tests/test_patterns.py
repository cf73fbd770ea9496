"""Pattern fixtures: every line that holds a fact says so in an `expect:` comment (semgrep's `# ruleid:`).

A fixture line `x := os.Getenv("A") // expect: read A` asserts that extraction finds exactly that fact on
that line; several facts on one line are separated by ` ; `. A line without `expect:` must hold no fact,
so every negative case (a look-alike that is not a read) is checked too. Go fixtures directly in
tests/patterns/go are one package each; a folder there is one package of several files. Under
tests/patterns/compose and tests/patterns/kubernetes each folder is one small repository of
configuration files, extracted together (overlays, ConfigMaps and env files refer to each other).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from envlint.describe import facts_by_location
from envlint.extract.golang.package import extract_go_package
from envlint.extract.python.file import extract_python_file
from envlint.extract.shell import extract_shell_file

ROOT = Path(__file__).parent / "patterns"
EXPECT = re.compile(r"(?:#|//)\s*expect:\s*(.*?)\s*$")


CONFIG_KINDS = ("compose", "kubernetes")


def _units() -> list[tuple[str, list[Path]]]:
    units = [(p.relative_to(ROOT).as_posix(), [p]) for p in sorted((ROOT / "go").glob("*.go"))]
    for folder in sorted(p for p in (ROOT / "go").iterdir() if p.is_dir()):
        units.append((folder.relative_to(ROOT).as_posix(), sorted(folder.glob("*.go"))))
    units.extend((p.relative_to(ROOT).as_posix(), [p]) for p in sorted((ROOT / "python").glob("*.py")))
    units.extend((p.relative_to(ROOT).as_posix(), [p]) for p in sorted((ROOT / "shell").glob("*.sh")))
    for kind in CONFIG_KINDS:
        for folder in sorted(p for p in (ROOT / kind).glob("*") if p.is_dir()):
            files = sorted(p for p in folder.rglob("*") if p.is_file())
            units.append((folder.relative_to(ROOT).as_posix(), files))
    return units


def _extract_config(kind: str, folder: Path, paths: list[Path]) -> list:
    """Config extractors take every file of the unit with folder-relative paths, as the pipeline gives
    repository-relative ones."""
    from envlint.extract.config import extract_config

    files = [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in paths]
    return extract_config(kind, files)


def _expected(path: Path, rel: str) -> list[tuple[str, int, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            rows.extend((rel, number, fact.strip()) for fact in match.group(1).split(" ; "))
    return sorted(rows)


@pytest.mark.parametrize("unit", _units(), ids=lambda u: u[0])
def test_pattern_fixture(unit: tuple[str, list[Path]]) -> None:
    name, paths = unit
    kind = name.split("/")[0]
    if kind in CONFIG_KINDS:
        folder = ROOT / name
        facts = _extract_config(kind, folder, paths)
        actual = sorted((loc.path, loc.line, text) for f in facts for loc, text in facts_by_location(f))
        expected = sorted(row for p in paths for row in _expected(p, p.relative_to(folder).as_posix()))
        assert [pr for f in facts for pr in f.problems] == []
        assert actual == expected
        return
    rels = {p: p.relative_to(ROOT).as_posix() for p in paths}
    if paths[0].suffix == ".go":
        facts = extract_go_package([(rels[p], p.read_bytes()) for p in paths])
    elif paths[0].suffix == ".sh":
        facts = [extract_shell_file(rels[paths[0]], paths[0].read_bytes())]
    else:
        facts = [extract_python_file(rels[paths[0]], paths[0].read_bytes())]
    assert [pr for f in facts for pr in f.problems] == []
    actual = sorted(
        (loc.path, loc.line, text) for f in facts for loc, text in facts_by_location(f)
    )
    expected = sorted(row for p in paths for row in _expected(p, rels[p]))
    assert actual == expected


def test_fixtures_exist_for_every_extractor() -> None:
    names = {u[0].split("/")[0] for u in _units()}
    assert names == {"go", "python", "shell", *CONFIG_KINDS}
