"""The whole-run cache (envlint/run_cache.py): a run none of whose inputs changed reuses the checked
results of the last one, with output byte-identical to a run without any cache; any change of an input
(a file, the configuration, an env file a site names outside the discovered files, a file added or
deleted) is a miss with the findings of a fresh run; a damaged entry is a miss."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from envlint.render import RENDERERS

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(p for p in FIXTURES.glob("ENV*/*") if p.is_dir())
HIT = "the whole run's results came from the cache"
# Suppressions used and unused (ENV900) and the first case of every rule.
FORMAT_CASES = [FIXTURES / "ENV900" / "positive-unused-suppression", FIXTURES / "ENV900" / "negative-used-suppression",
                *(sorted(p for p in (FIXTURES / f"ENV00{n}").iterdir() if p.is_dir())[0] for n in range(8))]

WORKER = 'import os\n\nQUEUE = os.environ["WORKER_QUEUE"]\nMODE = os.getenv("WORKER_MODE", "x")\n'
LAUNCH = ('import subprocess\n\nsubprocess.run(["docker", "run", "--env-file", "deploy/worker.env", "acme/worker"],'
          ' check=True)\n')


def _copy(case: Path, tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(case, repo, ignore=shutil.ignore_patterns("expected*"))
    return repo


def _check(repo: Path, cache: Path, *args: str):
    return run_cli("check", "--cache-dir", str(cache), "--timings", *args, cwd=repo)


def _same_as_fresh(repo: Path, cache: Path, *args: str, hit: bool) -> str:
    """The cached run's output, asserted byte-identical to a run without the cache."""
    fresh = run_cli("check", "--no-cache", *args, cwd=repo)
    cached = _check(repo, cache, *args)
    assert (cached.stdout, cached.exit_code) == (fresh.stdout, fresh.exit_code)
    assert (HIT in cached.stderr) == hit, cached.stderr
    return cached.stdout


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_is_byte_identical_cold_and_warm(case: Path, tmp_path: Path) -> None:
    repo = _copy(case, tmp_path)
    _same_as_fresh(repo, tmp_path / "cache", "--output-format", "json", hit=False)
    _same_as_fresh(repo, tmp_path / "cache", "--output-format", "json", hit=True)


@pytest.mark.parametrize("case", FORMAT_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_format_is_byte_identical_cold_and_warm(case: Path, tmp_path: Path) -> None:
    repo = _copy(case, tmp_path)
    cache = tmp_path / "cache"
    _same_as_fresh(repo, cache, hit=False)
    for fmt in sorted(RENDERERS):
        _same_as_fresh(repo, cache, "--output-format", fmt, hit=True)
    for extra in (("--statistics",), ("--quiet",), ("--color", "always"), ("--exit-zero",)):
        _same_as_fresh(repo, cache, *extra, hit=True)  # settings of presentation only: the same entry
    # Settings of the checks and of filter are part of the key (filter's too: the key holds every
    # setting but those of presentation, so that no later use of a setting can read a stale entry).
    for extra in (("--select", "ENV001"), ("--ignore-variables", "*"), ("--severity", "ENV001=note")):
        _same_as_fresh(repo, cache, *extra, hit=False)
        _same_as_fresh(repo, cache, *extra, hit=True)


def _service(tmp_path: Path) -> Path:
    """A worker that requires WORKER_QUEUE, started by `docker run --env-file deploy/worker.env`, an env
    file git would not add (.gitignore): no discovered file, read only because the launch names it."""
    repo = tmp_path / "repo"
    (repo / "services" / "worker" / "worker").mkdir(parents=True)
    (repo / "services" / "worker" / "pyproject.toml").write_text('[project]\nname = "worker"\nversion = "1"\n')
    (repo / "services" / "worker" / "Dockerfile").write_text("FROM python:3.12\n")
    (repo / "services" / "worker" / "worker" / "__main__.py").write_text(WORKER)
    (repo / "ops").mkdir()
    (repo / "ops" / "launch.py").write_text(LAUNCH)
    (repo / "deploy").mkdir()
    (repo / "deploy" / "worker.env").write_text("WORKER_QUEUE=jobs\n")
    (repo / ".gitignore").write_text("*.env\n")
    return repo


def _codes(output: str) -> list[tuple[str, str | None, str]]:
    return [(f["code"], f["variable"], f["service"]) for f in json.loads(output)["findings"]]


def _warm(repo: Path, cache: Path, seen: bool = False) -> list[tuple[str, str | None, str]]:
    """The findings of a run after a change: a miss (a hit when the inputs are those of an earlier run,
    ``seen``), the findings of a fresh run; then a hit."""
    after = _same_as_fresh(repo, cache, "--output-format", "json", hit=seen)
    assert _same_as_fresh(repo, cache, "--output-format", "json", hit=True) == after
    return _codes(after)


def test_each_change_of_an_input_is_a_miss_with_the_findings_of_a_fresh_run(tmp_path: Path) -> None:
    repo, cache = _service(tmp_path), tmp_path / "cache"
    assert _warm(repo, cache) == []
    # An env file outside the discovered files, named by the launch: read again before a hit.
    (repo / "deploy" / "worker.env").write_text("WORKER_MODE=fast\n")
    assert _warm(repo, cache) == [("ENV001", "WORKER_QUEUE", "worker")]
    (repo / "deploy" / "worker.env").write_text("WORKER_QUEUE=jobs\n")
    assert _warm(repo, cache) == []
    (repo / "deploy" / "worker.env").unlink()  # a site whose env file is missing is open: no finding
    assert _warm(repo, cache) == []
    (repo / "deploy" / "worker.env").write_text("WORKER_QUEUE=jobs\n")
    # A changed file.
    worker = repo / "services" / "worker" / "worker" / "__main__.py"
    worker.write_text(WORKER + 'REGION = os.environ["WORKER_REGION"]\n')
    assert _warm(repo, cache) == [("ENV001", "WORKER_REGION", "worker")]
    # A new file, then its deletion.
    (repo / "services" / "worker" / "worker" / "extra.py").write_text('import os\nZONE = os.environ["ZONE"]\n')
    assert _warm(repo, cache) == [("ENV001", "WORKER_REGION", "worker"), ("ENV001", "ZONE", "worker")]
    (repo / "services" / "worker" / "worker" / "extra.py").unlink()  # back to the inputs of a run before
    assert _warm(repo, cache, seen=True) == [("ENV001", "WORKER_REGION", "worker")]
    (repo / "services" / "worker" / "worker" / "extra.py").write_text('import os\nZONE = os.environ["ZONA"]\n')
    assert _warm(repo, cache) == [("ENV001", "WORKER_REGION", "worker"), ("ENV001", "ZONA", "worker")]
    (repo / "services" / "worker" / "worker" / "extra.py").unlink()
    # A marker only find_projects reads (no extractor does): the project's, and so the service's, name.
    (repo / "services" / "worker" / "pyproject.toml").write_text('[project]\nname = "renamed"\nversion = "1"\n')
    assert _warm(repo, cache) == [("ENV001", "WORKER_REGION", "renamed")]
    # A changed configuration: the runtime provides the name.
    (repo / "envlint.toml").write_text('runtime-variables = { python = ["WORKER_REGION"] }\n')
    assert _warm(repo, cache) == []


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    repo, cache = _service(tmp_path), tmp_path / "cache"
    (repo / "deploy" / "worker.env").write_text("WORKER_MODE=fast\n")
    expected = _warm(repo, cache)
    entries = list(cache.rglob("runs/*.json"))
    assert len(entries) == 1
    good = entries[0].read_bytes()
    wrong_type = good.replace(b'"warning"', b'"fatal"')
    assert wrong_type != good
    # Undecodable; not JSON; the wrong types; another key; a link to a file that never ends.
    for damaged in (b"\xff\xfe", good[: len(good) // 2], b'["x",[],[],[0,0,0],[],[]]', b"[" * 100_000,
                    good.replace(entries[0].stem.encode(), b"0" * 64), wrong_type):
        entries[0].write_bytes(damaged)
        fresh = _check(repo, cache, "--output-format", "json")
        assert HIT not in fresh.stderr and _codes(fresh.stdout) == expected, damaged[:40]
    entries[0].unlink()
    entries[0].symlink_to("/dev/zero")
    fresh = _check(repo, cache, "--output-format", "json")
    assert HIT not in fresh.stderr and _codes(fresh.stdout) == expected


def test_no_cache_and_the_environment_switch_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, cache = _service(tmp_path), tmp_path / "cache"
    _warm(repo, cache)
    assert HIT not in run_cli("check", "--cache-dir", str(cache), "--no-cache", "--timings", cwd=repo).stderr
    monkeypatch.setenv("ENVLINT_NO_CACHE", "1")
    assert HIT not in _check(repo, cache).stderr


def test_entries_are_few_per_root(tmp_path: Path) -> None:
    repo, cache = _service(tmp_path), tmp_path / "cache"
    worker = repo / "services" / "worker" / "worker" / "__main__.py"
    for number in range(8):
        worker.write_text(WORKER + f'N{number} = os.environ["N{number}"]\n')
        _check(repo, cache)
    assert len(list(cache.rglob("runs/*.json"))) == 4


@pytest.mark.parametrize("data", [
    b"import os\r\nA = os.environ['A']  # envlint: ignore[ENV001]\r\n", b"a\rb\r\n\rc\n", b"\xef\xbb\xbfx = 1\n",
    "# -*- coding: latin-1 -*-\nA = 'caf\u00e9'\n".encode("latin-1"), b"# coding: utf-8\nA = 1\r\n", b"",
])
def test_filter_reads_the_text_extraction_read_as_from_disk(tmp_path: Path, data: bytes) -> None:
    """Suppressions are looked for in the bytes extraction read: the same text as reading the file."""
    from envlint.check_command import _reader, _unmarked
    from envlint.discover import SourceFile
    from envlint.extract.load import load

    (tmp_path / "app.py").write_bytes(data)
    loaded, _ = load(tmp_path, SourceFile("app.py", "python"))
    texts = {"app.py": loaded} if loaded is not None else {}
    reader = _reader(tmp_path, texts)
    assert reader("app.py") == _reader(tmp_path, {})("app.py")
    # A file is skipped as holding no suppression only when its text has none.
    unmarked = _unmarked(texts, frozenset(p for p, d in texts.items() if b"envlint:" in d))
    assert unmarked("app.py") == ("envlint:" not in (_reader(tmp_path, {})("app.py") or ""))
