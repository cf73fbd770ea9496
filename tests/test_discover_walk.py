"""Discovery's walk (walk.py) and its per-folder ignore files (gitignore.py) against what they replace:
os.walk, and a `.gitignore` test per prefix of each path. A faster walk that found other files, in
another order or with other problems would change every result."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pathspec
import pytest

from envlint.discover import discover
from envlint.extract.load import load
from envlint.discover import SourceFile
from envlint.gitignore import GitIgnores, ignored
from envlint.walk import walk


def _tree(root: Path) -> None:
    """Folders, files, links to files and folders inside and out, broken and looping links, a pipe,
    a folder named like a source file."""
    for rel in ("a/b/c/main.py", "a/b/x.go", "a/y.sh", "b/Dockerfile", "b/skip.txt", "c.py/inner.py",
                "d/e/f/g/deep.yaml", "top.py", ".hidden/h.py"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x\n")
    (root / "link-dir").symlink_to("a")
    (root / "a" / "b" / "up").symlink_to("../..")
    (root / "file-link.py").symlink_to("top.py")
    (root / "broken.py").symlink_to("nowhere.py")
    (root / "loop.py").symlink_to("loop.py")
    (root / "out.env").symlink_to("/etc/hostname")
    (root / "dir-link.py").symlink_to("d")
    os.mkfifo(root / "b" / "pipe.py")


def _os_walk(root: Path, start: Path) -> list[tuple[str, list[str]]]:
    folders = []
    for folder, dirnames, filenames in os.walk(start):
        base = Path(folder)
        rel = base.relative_to(root).as_posix() if base != root else ""
        dirnames.sort()
        folders.append((rel, sorted(filenames)))
    return folders


@pytest.mark.parametrize("start", ["", "a", "a/b", "d"])
def test_the_walk_reaches_the_folders_and_files_os_walk_does_in_its_order(tmp_path: Path, start: str) -> None:
    _tree(tmp_path)
    begin = tmp_path / start if start else tmp_path
    walked = [(rel, [name for name, _, _ in kept])
              for _, rel, kept in walk(tmp_path, begin, lambda rel: False, None, lambda name: "any", print)]
    assert walked == _os_walk(tmp_path, begin)


def test_an_unlisted_folder_is_reported_as_os_walk_reports_it(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path)
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: (_ for _ in ()).throw(PermissionError(13, "denied", str(path)))
                        if str(path).endswith("/b") else real(path))
    errors: list[str] = []
    walked = [rel for _, rel, _ in walk(tmp_path, tmp_path, lambda rel: False, None, lambda name: "any",
                                        lambda error: errors.append(error.filename))]
    assert "a/b" not in walked and "a/b/c" not in walked and "b" not in walked and "a" in walked
    assert sorted(errors) == [str(tmp_path / "a" / "b"), str(tmp_path / "b")]


def _oracle(root: Path, rel: str, is_dir: bool) -> bool:
    """The former test: each folder on the path's way, its .gitignore against the rest of the path."""
    parts = rel.split("/")
    for depth in range(len(parts)):
        ignore = root.joinpath(*parts[:depth], ".gitignore")
        if ignore.is_file():
            spec = pathspec.GitIgnoreSpec.from_lines(ignore.read_text().splitlines())
            if spec.match_file("/".join(parts[depth:]) + ("/" if is_dir else "")):
                return True
    return False


@pytest.mark.parametrize("seed", range(6))
def test_the_ignore_files_gathered_per_folder_ignore_what_the_test_per_path_did(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    patterns = ["*.py", "!keep.py", "gen/", "/b", "bld*/", "deep/**/x.py", "a/y.sh", "!gen/", "*.sh", "/x.py",
                "a", "!a/", "**/gen/x.py"]
    folders = [tmp_path]
    for depth in range(2):
        folders += [folder / name for folder in folders if len(folder.parts) - len(tmp_path.parts) == depth
                    for name in ("a", "gen", "bld", "deep")]
    for folder in folders:
        folder.mkdir(exist_ok=True)
        for name in ("x.py", "y.sh", "keep.py", "b"):
            (folder / name).write_text("x\n")
        if rng.random() < 0.5:
            (folder / ".gitignore").write_text("\n".join(rng.sample(patterns, rng.randint(1, 4))) + "\n")
    gitignores = GitIgnores(tmp_path)
    checked = 0
    for start in folders:
        rel_start = start.relative_to(tmp_path).as_posix() if start != tmp_path else ""
        for _, rel, kept in walk(tmp_path, start, lambda rel: False, None, lambda name: "any", print):
            ignores = gitignores.of_start(rel)
            for name in (n for n, _, _ in kept):
                path = f"{rel}/{name}" if rel else name
                assert ignored(ignores, name, False) == _oracle(tmp_path, path, False), (rel_start, path)
                checked += 1
            for child in (p for p in (tmp_path / rel).iterdir() if p.is_dir()):
                path = f"{rel}/{child.name}" if rel else child.name
                assert ignored(ignores, child.name, True) == _oracle(tmp_path, path, True), (rel_start, path)
    assert checked > 200
    # And the walks that prune with them (from the root and from folders below it) keep what git's
    # rule, path by path, keeps.
    for start in (tmp_path, tmp_path / "a", tmp_path / "deep" / "gen"):
        found = discover(tmp_path, (start,), (), respect_gitignore=True)
        expected = []
        for path in sorted(p.relative_to(tmp_path).as_posix() for p in start.rglob("*") if p.is_file()):
            parts = path.split("/")
            below = len(start.relative_to(tmp_path).parts)  # the start itself is never pruned
            if path.endswith((".py", ".sh")) and not any(
                    _oracle(tmp_path, "/".join(parts[:depth]), depth < len(parts))
                    for depth in range(below + 1, len(parts) + 1)):
                expected.append(path)
        assert [f.path for f in found.files] == expected, start


def test_links_pipes_and_folders_named_as_sources_are_judged_as_before(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover(tmp_path, (tmp_path,), (), respect_gitignore=False)
    assert [(f.path, f.kind) for f in found.files] == [
        (".hidden/h.py", "python"), ("a/b/c/main.py", "python"), ("a/b/x.go", "go"), ("a/y.sh", "shell"),
        ("b/Dockerfile", "dockerfile"), ("c.py/inner.py", "python"), ("d/e/f/g/deep.yaml", "yaml"), ("file-link.py", "python"),
        ("top.py", "python")]
    assert [(str(p.location), p.kind) for p in found.problems] == [
        ("broken.py:1:1", "broken-symlink"), ("loop.py:1:1", "broken-symlink"), ("out.env:1:1", "outside-root")]


@pytest.mark.parametrize(("content", "kind", "problem"), [
    (b"x = 1\n", "python", None),
    (b"# a\n# coding: latin-1\nx = '\xe9'\n", "python", None),  # the second line's cookie is honoured
    (b"# a\n\n# coding: latin-1\nx = '\xe9'\n", "python", "not-utf8"),  # the third line's is not
    (b"# coding: latin-1", "python", None),  # no newline at all
    (b"ok\n\xff\n", "shell", "not-utf8"),
    (b"a\0b", "shell", "binary"),
    (b"", "shell", None),
])
def test_load_reads_each_file_once_with_the_answers_it_gave(tmp_path: Path, content: bytes, kind: str,
                                                            problem: str | None) -> None:
    (tmp_path / "f").write_bytes(content)
    data, found = load(tmp_path, SourceFile("f", kind))
    assert (found.kind if found else None) == problem
    if problem is None:
        assert data == (content.decode("latin-1").encode() if b"latin-1" in content else content)


def test_load_of_a_folder_or_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "d.py").mkdir()
    for name in ("d.py", "missing.py"):
        data, problem = load(tmp_path, SourceFile(name, "python"))
        assert data is None and problem is not None and problem.kind == "unreadable"


def test_patterns_without_wildcards_exclude_what_their_regex_did() -> None:
    from envlint.discover import DEFAULT_EXCLUDE
    from envlint.excludes import _regex, relative

    rng = random.Random(7)
    patterns = (*DEFAULT_EXCLUDE, "tests/fixtures", "docs/", "a/b/", "*.gen.py", "gen*", "x?", "[ab]c", "deep/**/z",
                "", "/", "./x", "c.d", "sp ace", "a.b/c")
    parts = ["a", "b", "c", "tests", "fixtures", "docs", "vendor", "build", "x1", "ac", "gen", "z", "c.d", "cxd",
             "sp ace", "a.b", "node_modules", "v.gen.py", ".git", "deep", "testdata", "."]
    rels = {"/".join(rng.choice(parts) for _ in range(rng.randint(1, 5))) for _ in range(5000)}
    for chosen in [patterns, DEFAULT_EXCLUDE, ("tests/fixtures",), ("*.py",), patterns[-8:]]:
        fast, slow = relative(chosen), _regex(chosen).match
        assert [rel for rel in sorted(rels) if fast(rel)] == [rel for rel in sorted(rels) if slow(rel)], chosen


def _unexcluded_per_file(listed, starts, excluded):
    """The former _unexcluded: the folders between each file and its deepest start, tested one by one."""
    starts = sorted(starts, key=len, reverse=True)
    for rel in listed:
        parts = rel.split("/")
        start = next((s for s in starts if not s or rel.startswith(s + "/")), None)
        if start is None:
            continue
        between = ["/".join(parts[:depth]) for depth in range(start.count("/") + 2 if start else 1, len(parts))]
        if not any(excluded(f) for f in between) and not excluded(rel):
            yield rel


def test_git_listed_files_are_pruned_per_folder_as_they_were_per_file(tmp_path: Path) -> None:
    from envlint.excludes import exclusion, unexcluded

    rng = random.Random(3)
    names = ["a", "b", "docs", "build", "x", "vendor", "sub"]
    listed = sorted({"/".join(rng.choice(names) for _ in range(rng.randint(0, 5))) + "/f.py" for _ in range(3000)})
    listed = [rel.lstrip("/") for rel in listed]
    for starts in [("",), ("a",), ("a", "a/b"), ("docs", "x/y"), ("b", "")]:
        for patterns in [(), ("docs", "a/b/x"), ("x*", "/abs")]:
            excluded = exclusion(patterns, tmp_path)
            folders = tuple(tmp_path / s if s else tmp_path for s in starts)
            assert list(unexcluded(listed, tmp_path, folders, excluded)) == list(
                _unexcluded_per_file(listed, [s for s in starts], excluded)), (starts, patterns)
