"""The content-hash cache of extraction (envlint/extract/cache.py) and its JSON codec (codec.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from envlint.discover import discover
from envlint.extract import cache as cache_module
from envlint.extract import packs as packs_module
from envlint.extract.cache import UnitCache, unit_key
from envlint.extract.codec import Invalid, decode_facts, encode_facts
from envlint.extract.run import extract_all
from envlint.model import FileFacts, Location, Read

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in (FIXTURES / "rules").glob("ENV*/*") if p.is_dir())
GO_CASE = FIXTURES / "rules" / "ENV001" / "positive-conditional-set"


def _facts(root: Path, cache: UnitCache | None = None) -> list[FileFacts]:
    found = discover(root, (root,), (), True)
    return extract_all(root, found.files, cache)[0]


def test_every_fixture_round_trips_and_is_read_back_whole(tmp_path: Path) -> None:
    """decode(encode(facts)) == facts for every fixture repository, and a second run reads every unit
    from the cache (no unit's facts name a file outside it) with the facts of the first."""
    for case in CASES:
        fresh = _facts(case)
        assert decode_facts(encode_facts(fresh)) == fresh, case
        folder = tmp_path / case.parent.name / case.name
        cold = UnitCache(folder, case, whole=True)
        assert _facts(case, cold) == fresh, case
        warm = UnitCache(folder, case, whole=True)
        assert _facts(case, warm) == fresh, case
        assert warm.parsed == set() and warm.hits > 0 and cold.hits == 0, case
        assert not warm.notes, (case, warm.notes)


def test_extras_of_both_languages_round_trip() -> None:
    kinds = {type(f.extra).__name__ for case in CASES for f in _facts(case) if f.extra is not None}
    assert kinds == {"GoExtra", "PythonExtra"}


@pytest.mark.parametrize("raw", [
    b"", b"\xff\xfe", b"not json", b"{}", b"[[]]", b"null", b"[" * 100_000 + b"]" * 100_000,
    b'[["a.py","python",' + b"9" * 5000 + b"]]",  # an integer too long for int()
    b'[["a.py","pythonX"]]',  # not one of the Literal's values
    b'[["a.py",7]]', b'[[1,"python"]]', b'[["a.py","python","",[],1]]',  # has_main is a bool
    b'[["\\ud800.py","python"]]',  # a lone surrogate
    b'[["a.py","python","",[],false,[],[],[],[],[],false,[],[],[],[],[],["os.system",[]]]]',  # tag not allowed
    b'[["a.py","python","",[],false,[["X",["a.py",NaN,1],"f"]]]]',
    b'[["a.py","python","",[],false,[],[],[],[],[],false,[],[],[],[],[],null,"one field too many"]]',
])
def test_a_crafted_entry_is_invalid_never_an_exception(raw: bytes) -> None:
    with pytest.raises(Invalid):
        decode_facts(raw)


def _one_file_repo(tmp_path: Path) -> tuple[Path, tuple]:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "app.py").write_text('import os\nA = os.getenv("A")\n', encoding="utf-8")
    return repo, ("python", [("app.py", (repo / "app.py").read_bytes())])


def _pack(folder: Path) -> Path:
    packs = list(folder.rglob("*" + packs_module.SUFFIX))
    assert len(packs) == 1, packs
    return packs[0]


def test_a_crafted_entry_in_the_folder_is_a_miss(tmp_path: Path) -> None:
    repo, unit = _one_file_repo(tmp_path)
    expected = _facts(repo, UnitCache(tmp_path / "c", repo))
    pack = _pack(tmp_path / "c")
    other = FileFacts(
        path="elsewhere.py",
        language="python",
        reads=(Read(name="B", location=Location("elsewhere.py", 1, 1), form="x"),),
    )
    for body in (b"garbage", encode_facts([other])):  # undecodable; facts of a file not in the unit
        for made in pack.parent.glob("*" + packs_module.SUFFIX):
            made.unlink()
        writer = packs_module.PackWriter(pack.parent)
        writer.add(unit_key(unit), unit_key(unit).encode() + b"\n" + body)
        writer.close()
        again = UnitCache(tmp_path / "c", repo)
        assert _facts(repo, again) == expected and again.parsed == {"app.py"}


def test_a_pack_that_is_no_regular_file_is_a_miss(tmp_path: Path) -> None:
    """A restored cache may hold links: to /dev/zero (which never ends), to a FIFO, to a file elsewhere."""
    repo, _ = _one_file_repo(tmp_path)
    expected = _facts(repo, UnitCache(tmp_path / "c", repo))
    pack = _pack(tmp_path / "c")
    saved = tmp_path / "saved.pack"
    pack.rename(saved)
    for target in (Path("/dev/zero"), saved):
        pack.symlink_to(target)
        again = UnitCache(tmp_path / "c", repo)
        assert _facts(repo, again) == expected and again.parsed == {"app.py"}
        for made in pack.parent.glob("*" + packs_module.SUFFIX):
            made.unlink()
    os.mkfifo(pack)
    again = UnitCache(tmp_path / "c", repo)
    assert _facts(repo, again) == expected and again.parsed == {"app.py"}
    assert saved.stat().st_size > 0  # nothing is deleted or written through a link


def _sample_pack(folder: Path) -> bytes:
    writer = packs_module.PackWriter(folder)
    for n in range(3):
        writer.add(f"{n:064x}", b"entry %d\n" % n * (n + 1))
    return writer.close().read_bytes()


@given(st.lists(st.tuples(st.integers(0, 200), st.binary(max_size=4)), min_size=1, max_size=4))
def test_a_damaged_pack_is_read_whole_or_not_at_all(edits: list[tuple[int, bytes]]) -> None:
    """Any edit of a pack's bytes: reading it never raises, and an entry it gives is within its pack."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        raw = bytearray(_sample_pack(folder))
        for at, data in edits:
            raw[at % len(raw):at % len(raw) + len(data)] = data
        for made in folder.glob("*" + packs_module.SUFFIX):
            made.write_bytes(bytes(raw))
        packs = packs_module.Packs(folder)
        try:
            for n in range(3):
                found = packs.read(f"{n:064x}", 1000)
                assert found is None or (len(found) <= 1000 and found in bytes(raw))
        finally:
            packs.close()


def test_a_pack_whose_index_points_outside_it_is_not_read(tmp_path: Path) -> None:
    raw = _sample_pack(tmp_path)
    made = next(tmp_path.glob("*" + packs_module.SUFFIX))
    body_end = int(raw[-21:-1])
    index = raw[body_end:-36]
    first = index.split(b"\n")[0]
    key, offset, length = first.split(b" ")
    made.write_bytes(raw[:body_end] + index.replace(first, b"%s %s %d" % (key, offset, body_end + 1), 1) + raw[-36:])
    packs = packs_module.Packs(tmp_path)
    assert [packs.read(f"{n:064x}", 1000) for n in range(3)] == [None, None, None]
    packs.close()
    made.write_bytes(raw)  # the same pack, well formed, is read
    packs = packs_module.Packs(tmp_path)
    assert packs.read(f"{1:064x}", 1000) == b"entry 1\nentry 1\n"
    packs.close()


def test_the_cache_does_not_grow_with_edits(tmp_path: Path) -> None:
    """Each run writes one pack of what it extracted; a run over the whole root deletes the packs it
    used nothing of, and rewrites them into one when too many, or mostly unused, remain."""
    repo = _copy(GO_CASE, tmp_path)
    folder = tmp_path / "cache"
    launcher = repo / "cmd" / "launcher" / "main.go"
    text = launcher.read_text(encoding="utf-8")
    run_cli("check", "--cache-dir", str(folder), cwd=repo)
    first = sum(p.stat().st_size for p in folder.rglob("*" + packs_module.SUFFIX))
    for n in range(3 * packs_module.MAX_PACKS):
        launcher.write_text(text + f"\n// edit {n}\n", encoding="utf-8")
        edited = run_cli("check", "--cache-dir", str(folder), "--timings", cwd=repo)
        assert "files parsed 1," in edited.stderr
        packs = list(folder.rglob("*" + packs_module.SUFFIX))
        assert len(packs) <= packs_module.MAX_PACKS + 1
        assert sum(p.stat().st_size for p in packs) < 2 * first + 4096
    assert "files parsed 0," in run_cli("check", "--cache-dir", str(folder), "--timings", cwd=repo).stderr


def test_version_and_shard_folders_that_are_links_are_not_followed(tmp_path: Path) -> None:
    repo = _copy(GO_CASE, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / f"v1-{cache_module.code_hash()}").symlink_to(elsewhere)
    result = run_cli("check", "--cache-dir", str(folder), "--timings", cwd=repo)
    assert result.exit_code == 1 and not any(elsewhere.iterdir())


def _copy(case: Path, tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(case, repo, ignore=shutil.ignore_patterns("expected*"))
    return repo


def test_check_is_byte_identical_cold_warm_after_an_edit_and_an_upgrade(tmp_path: Path, monkeypatch) -> None:
    repo = _copy(GO_CASE, tmp_path)
    folder = str(tmp_path / "cache")
    uncached = run_cli("check", "--no-cache", cwd=repo)
    cold = run_cli("check", "--cache-dir", folder, "--timings", cwd=repo)
    warm = run_cli("check", "--cache-dir", folder, "--timings", cwd=repo)
    assert cold.stdout == warm.stdout == uncached.stdout and cold.exit_code == warm.exit_code == 1
    assert "files parsed 0, units from cache" in warm.stderr and "files parsed 0," not in cold.stderr
    # An edit is seen: the launcher no longer sets the mode under which the program requires a name.
    launcher = repo / "cmd" / "launcher" / "main.go"
    launcher.write_text(launcher.read_text(encoding="utf-8").replace("WORKER_MODE=batch", "WORKER_MODE=stream"),
                        encoding="utf-8")
    after = run_cli("check", "--cache-dir", folder, "--timings", cwd=repo)
    assert after.stdout == run_cli("check", "--no-cache", cwd=repo).stdout != warm.stdout
    assert "files parsed 1," in after.stderr
    # Another version of the extraction code: every unit is a miss, and the old version's folder goes.
    old = {p.name for p in Path(folder).glob("v*")}
    monkeypatch.setattr(cache_module, "code_hash", lambda: "0123456789abcdef")
    upgraded = run_cli("check", "--cache-dir", folder, "--timings", cwd=repo)
    assert upgraded.stdout == after.stdout and "units from cache 0" in upgraded.stderr
    assert {p.name for p in Path(folder).glob("v*")} == {f"v{cache_module.FORMAT}-0123456789abcdef"} != old


def test_default_folder_ignores_itself_and_is_never_analysed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ENVLINT_CACHE_DIR")
    repo = _copy(GO_CASE, tmp_path)
    first = run_cli("check", cwd=repo)
    folder = repo / ".envlint_cache"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    # A compose file or Python file in the folder (a stranger's) is no file of the repository.
    (folder / "compose.yaml").write_text("services:\n  x:\n    image: y\n    environment: {A: 1}\n", encoding="utf-8")
    assert all(".envlint_cache" not in f.path for f in discover(repo, (repo,), (), True).files)
    assert run_cli("check", cwd=repo).stdout == first.stdout


def test_a_custom_folder_inside_the_root_is_never_analysed(tmp_path: Path) -> None:
    repo = _copy(GO_CASE, tmp_path)
    run_cli("check", "--cache-dir", str(repo / "cachehere"), cwd=repo)
    assert any((repo / "cachehere").rglob("*" + packs_module.SUFFIX))
    assert all(not f.path.startswith("cachehere/") for f in discover(repo, (repo,), (), True).files)


def test_a_cache_that_cannot_be_written_is_a_run_without_it(tmp_path: Path) -> None:
    repo = _copy(GO_CASE, tmp_path)
    (tmp_path / "file").write_text("", encoding="utf-8")
    expected = run_cli("check", "--no-cache", cwd=repo)
    result = run_cli("check", "--cache-dir", str(tmp_path / "file" / "cache"), "--timings", cwd=repo)
    assert (result.stdout, result.exit_code) == (expected.stdout, expected.exit_code)
    assert "note: cache" in result.stderr and "cannot be written" in result.stderr


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(repo), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_the_default_folder_leaves_the_work_tree_clean(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ENVLINT_CACHE_DIR")
    repo = _copy(GO_CASE, tmp_path)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "x")
    run_cli("check", cwd=repo)
    assert (repo / ".envlint_cache").is_dir() and _git(repo, "status", "--porcelain") == ""
    assert "files parsed 0," in run_cli("check", "--timings", cwd=repo).stderr


def test_a_committed_cache_folder_is_not_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ENVLINT_CACHE_DIR")
    repo = _copy(GO_CASE, tmp_path)
    run_cli("check", cwd=repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A", "-f")  # the cache's `*` .gitignore forced past
    _git(repo, "commit", "-q", "-m", "x")
    result = run_cli("check", "--timings", cwd=repo)
    assert "holds files the repository commits; not used" in result.stderr
    assert "units from cache 0" in result.stderr


def test_entries_of_a_shared_folder_are_kept_per_root(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    first, second = _copy(GO_CASE, tmp_path / "a"), _copy(CASES[0], tmp_path / "b")
    run_cli("check", "--cache-dir", str(folder), cwd=first)
    run_cli("check", "--cache-dir", str(folder), cwd=second)
    warm = run_cli("check", "--cache-dir", str(folder), "--timings", cwd=first)
    assert "files parsed 0," in warm.stderr


def test_where_the_cache_is(tmp_path: Path, monkeypatch) -> None:
    repo = _copy(GO_CASE, tmp_path)
    (repo / "envlint.toml").write_text('cache-dir = "from-config"\n', encoding="utf-8")
    monkeypatch.delenv("ENVLINT_CACHE_DIR")
    run_cli("check", cwd=repo)
    assert (repo / "from-config" / "CACHEDIR.TAG").is_file()
    monkeypatch.setenv("ENVLINT_CACHE_DIR", str(tmp_path / "from-env"))
    run_cli("check", cwd=repo)
    assert (tmp_path / "from-env" / "CACHEDIR.TAG").is_file()
    run_cli("check", "--cache-dir", str(tmp_path / "from-cli"), cwd=repo)
    assert (tmp_path / "from-cli" / "CACHEDIR.TAG").is_file()
    assert not (repo / ".envlint_cache").exists()
    (repo / "envlint.toml").write_text('cache-dir = "../outside"\n', encoding="utf-8")
    refused = run_cli("check", cwd=repo)
    assert refused.exit_code == 2 and "cache-dir: '../outside' is outside" in refused.stderr


def test_two_runs_sharing_the_folder_agree(tmp_path: Path) -> None:
    repo = _copy(GO_CASE, tmp_path)
    expected = run_cli("check", "--no-cache", cwd=repo).stdout
    command = [sys.executable, "-m", "envlint", "check", "--cache-dir", str(tmp_path / "cache")]
    for _ in range(2):  # both cold, then both warm
        runs = [subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        assert [run.communicate()[0] for run in runs] == [expected, expected]
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_timings_go_to_stderr(tmp_path: Path) -> None:
    repo = _copy(GO_CASE, tmp_path)
    plain = run_cli("check", cwd=repo)
    timed = run_cli("check", "--timings", cwd=repo)
    assert timed.stdout == plain.stdout
    lines = timed.stderr.splitlines()
    assert lines[0].startswith("envlint timings: files seen ")
    assert [line.split()[0] for line in lines[1:8]] == \
        ["discover", "extract", "resolve/graph", "checks", "filter", "render", "total"]
    json.dumps(lines)  # printable text only


def _sample_entry() -> bytes:
    """The entry of a fixture with reads, launch sites and both languages' cross-file records."""
    facts = [f for case in (GO_CASE, FIXTURES / "rules" / "ENV003") for f in _facts_all(case)]
    return encode_facts(facts)


def _facts_all(folder: Path) -> list[FileFacts]:
    cases = [folder] if (folder / "expected.txt").exists() else sorted(p for p in folder.iterdir() if p.is_dir())
    return [f for case in cases[:6] for f in _facts(case)]


_ENTRY = _sample_entry()
_JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                            lambda inner: st.lists(inner, max_size=3), max_leaves=6)


@given(st.lists(st.tuples(st.integers(0, len(_ENTRY) - 1), st.binary(max_size=3)), min_size=1, max_size=4))
def test_a_damaged_entry_decodes_or_is_invalid(edits: list[tuple[int, bytes]]) -> None:
    raw = bytearray(_ENTRY)
    for at, data in edits:
        raw[at:at + len(data)] = data
    try:
        assert all(isinstance(f, FileFacts) for f in decode_facts(bytes(raw)))
    except Invalid:
        pass


@given(st.data())
def test_an_entry_with_any_value_replaced_decodes_or_is_invalid(data) -> None:
    """Well-formed JSON of the wrong shape anywhere in the tree: a value of the wrong type is refused."""
    tree = json.loads(_ENTRY)
    node = tree
    for _ in range(data.draw(st.integers(1, 8))):
        if not isinstance(node, list) or not node:
            break
        index = data.draw(st.integers(0, len(node) - 1))
        if not isinstance(node[index], list) or data.draw(st.booleans()):
            node[index] = data.draw(_JSON_VALUES)
            break
        node = node[index]
    try:
        assert all(isinstance(f, FileFacts) for f in decode_facts(json.dumps(tree).encode()))
    except Invalid:
        pass


def test_packs_are_read_where_the_platform_has_no_pread(tmp_path: Path, monkeypatch) -> None:
    _sample_pack(tmp_path)
    monkeypatch.delattr(packs_module.os, "pread")
    packs = packs_module.Packs(tmp_path)
    assert [packs.read(f"{n:064x}", 1000) for n in range(3)] == [b"entry %d\n" % n * (n + 1) for n in range(3)]
    packs.close()
