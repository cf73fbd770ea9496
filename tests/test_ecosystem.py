"""The ecosystem check's runner, on a tiny local git repository (no network, no mirrors).

The corpus itself is not run here (CI has no mirrors); these tests prove the instrument: materialising a
pinned commit, matching labels, mutating contracts, counting catches, and the finding-by-finding diff.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ecosystem.__main__ import main
from ecosystem.contracts import REMOVED, Contract, ContractError, Mutation, Place, apply, caught, mutations_of, rename
from ecosystem.corpus import Repo, find_git_dir, materialise
from ecosystem.labels import LabelError, load_labels
from ecosystem.report import diff_findings

COMPOSE = """services:
  worker:
    build: ./worker
    environment:
      QUEUE_NAME: jobs
      BROKER_URL: amqp://rabbit
      WORKER_COLOR: blue
"""
WORKER = """import os

QUEUE = os.environ["QUEUE_NAME"]
BROKER = os.getenv("BROKER_URL", "amqp://localhost")
"""
GIT = ("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main")


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _mirror(tmp_path: Path) -> tuple[Path, str]:
    """A bare git directory under mirrors/acme+tiny/repo, as `fetch` lays them out; returns its commit."""
    work = tmp_path / "work"
    (work / "worker").mkdir(parents=True)
    (work / "compose.yaml").write_text(COMPOSE)
    (work / "worker" / "pyproject.toml").write_text('[project]\nname = "worker"\nversion = "1"\n')
    (work / "worker" / "Dockerfile").write_text('FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n')
    (work / "worker" / "main.py").write_text(WORKER)
    (work / ".gitignore").write_text("*.log\n")
    _git("init", "-q", cwd=work)
    _git("add", "-f", ".", cwd=work)
    _git("commit", "-q", "-m", "tiny", cwd=work)
    commit = _git("rev-parse", "HEAD", cwd=work)
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()
    _git("clone", "-q", "--bare", str(work), str(mirrors / "acme+tiny" / "repo"), cwd=tmp_path)
    return mirrors, commit


def _corpus(tmp_path: Path, commit: str, labels: str, contracts: str) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "labels").mkdir(parents=True)
    (corpus / "contracts").mkdir()
    (corpus / "repos.toml").write_text(f'[[repo]]\nname = "tiny"\nslug = "acme/tiny"\ncommit = "{commit}"\n')
    (corpus / "labels" / "tiny.tsv").write_text(labels)
    (corpus / "contracts" / "tiny.toml").write_text(contracts)
    return corpus


HEADER = "code\tpath\tline\tvariable\tservice\tverdict\tcause\twhy\n"
LABELS = HEADER + "ENV002\tcompose.yaml\t7\tWORKER_COLOR\tworker\tTRUE\t\tnothing reads it\n"
CONTRACTS = """[[contract]]
id = "worker-queue"
site = "compose.yaml:2"
set = "compose.yaml:5"
variable = "QUEUE_NAME"
read = "worker/main.py:3"
required = true
mutations = ["typo", "delete"]

[[contract]]
id = "worker-broker"
site = "compose.yaml:2"
set = "compose.yaml:6"
variable = "BROKER_URL"
read = "worker/main.py:4"
mutations = ["plural"]
"""


def test_the_runner_measures_precision_and_recall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mirrors, commit = _mirror(tmp_path)
    corpus = _corpus(tmp_path, commit, LABELS, CONTRACTS)
    code = main(["--git-dir-root", str(mirrors), "--corpus", str(corpus), "--cache", str(tmp_path / "trees"),
                 "--unlabelled", str(tmp_path / "todo"), "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 0
    header, _, row, total = out.splitlines()[:4]
    cells = row.split()
    # repository exit findings TRUE PLAUS FALSE unlab precision caught recall seconds peak problems by-code
    assert cells[:10] == ["tiny", "1", "1", "1", "0", "0", "0", "100.0%", "3/3", "100.0%"]
    assert cells[-2:] == ["0", "ENV002:1"]
    assert total.split()[:9] == ["total", "1", "1", "0", "0", "0", "100.0%", "3/3", "100.0%"]
    assert not (tmp_path / "todo").exists()  # every finding was labelled
    # the cached tree is a git work tree whose index is the commit's tree
    tree = tmp_path / "trees" / f"tiny-{commit[:12]}"
    assert _git("write-tree", cwd=tree) == _git("rev-parse", f"{commit}^{{tree}}", cwd=tree)
    assert (tree / "compose.yaml").read_text() == COMPOSE  # mutations never touch the cache


def test_unlabelled_findings_and_missed_mutations_are_listed(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    mirrors, commit = _mirror(tmp_path)
    # A contract whose read envlint does not see: the unmutated run already calls WORKER_COLOR unread,
    # so the finding on the renamed set is no catch.
    contracts = CONTRACTS + ('\n[[contract]]\nid = "unread"\nsite = "compose.yaml:2"\nset = "compose.yaml:7"\n'
                             'variable = "WORKER_COLOR"\nread = "worker/main.py:1"\nmutations = ["plural"]\n')
    corpus = _corpus(tmp_path, commit, HEADER, contracts)
    assert main(["--git-dir-root", str(mirrors), "--corpus", str(corpus), "--cache", str(tmp_path / "trees"),
                 "--unlabelled", str(tmp_path / "todo"), "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].split()[:10] == ["tiny", "1", "1", "0", "0", "0", "1", "-", "3/4", "75.0%"]
    assert "  missed unread (plural: WORKER_COLOR -> WORKER_COLORS at compose.yaml:7)\n" in out
    assert "  1 unlabelled findings (--unlabelled DIR writes them as TSV)\n" in out
    todo = (tmp_path / "todo" / "tiny.tsv").read_text()
    assert todo.startswith("ENV002\tcompose.yaml\t7\tWORKER_COLOR\tworker\t?\t\tWORKER_COLOR is set here")


def test_a_missing_mirror_or_commit_fails_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mirrors, _ = _mirror(tmp_path)
    corpus = _corpus(tmp_path, "0" * 40, HEADER, "")
    assert main(["--git-dir-root", str(mirrors), "--corpus", str(corpus), "--cache", str(tmp_path / "t")]) == 1
    assert f"acme/tiny: commit {'0' * 40} is not in" in capsys.readouterr().err
    assert main(["--git-dir-root", str(tmp_path), "--corpus", str(corpus), "--repo", "nope"]) == 2


def test_labels_must_follow_the_format(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text(HEADER + "ENV002\ta.yaml\t7\tX\tsvc\tMAYBE\t\twhy\n")
    with pytest.raises(LabelError, match="verdict 'MAYBE'"):
        load_labels(path)
    path.write_text("code\tpath\n")
    with pytest.raises(LabelError, match="header"):
        load_labels(path)


@pytest.mark.parametrize(("name", "kind", "mutant"), [
    ("LOG_LEVEL", "typo", "LOG_LVEEL"),
    ("DATABASE_URL", "typo", "DATBAASE_URL"),
    ("APP_DB_HOST", "prefix", "DB_HOST"),
    ("PORT", "prefix", "APP_PORT"),
    ("LOG_LEVEL", "separator", "LOGLEVEL"),
    ("PORT", "separator", None),
    ("KAFKA_BROKER", "plural", "KAFKA_BROKERS"),
    ("ALLOWED_HOSTS", "plural", "ALLOWED_HOST"),
    ("DATABASE_URL", "abbreviation", "DB_URL"),
    ("REDIS_ADDR", "abbreviation", "REDIS_ADDRESS"),
    ("REDIS_HOST", "abbreviation", None),
])
def test_renames_look_like_real_regressions(name: str, kind: str, mutant: str | None) -> None:
    assert rename(name, kind) == mutant


def _contract(**overrides) -> Contract:
    values = dict(id="c", site=Place(path="compose.yaml", line=2), set=Place(path="compose.yaml", line=5),
                  read=Place(path="w/main.py", line=3), variable="QUEUE_NAME", required=False, why="",
                  mutations=())
    values.update(overrides)
    return Contract(**values)


def test_default_mutations_rotate_and_delete_only_required_reads() -> None:
    assert [m.kind for m in mutations_of(_contract(), 0)] == ["typo", "prefix"]
    assert [m.kind for m in mutations_of(_contract(), 1)] == ["prefix", "separator"]
    assert [m.kind for m in mutations_of(_contract(required=True), 0)] == ["typo", "prefix", "delete"]


def test_a_mutation_rewrites_one_whole_word_on_its_line() -> None:
    text = "a:\n  QUEUE_NAME_OLD: 1\n\r\n  - QUEUE_NAME=QUEUE_NAME\r\n  QUEUE_NAME: x\n"
    contract = _contract(set=Place(path="compose.yaml", line=4))
    assert apply(Mutation(contract=contract, kind="plural", mutant="QUEUE_NAMES"), text) == (
        "a:\n  QUEUE_NAME_OLD: 1\n\r\n  - QUEUE_NAMES=QUEUE_NAME\r\n  QUEUE_NAME: x\n")
    with pytest.raises(ContractError, match="QUEUE_NAME is not on compose.yaml:2"):
        apply(Mutation(contract=_contract(set=Place(path="compose.yaml", line=2)), kind="typo", mutant="Q"), text)


def _finding(code: str, variable: str, path: str, line: int = 5, related: tuple[str, ...] = ()) -> dict:
    return {"code": code, "variable": variable, "service": "w", "message": "m",
            "location": {"path": path, "line": line, "column": 1},
            "related": [{"path": p, "line": 1, "column": 1, "note": ""} for p in related]}


def test_a_catch_is_a_new_finding_naming_the_variable_at_the_site() -> None:
    rename_mutation = Mutation(contract=_contract(), kind="plural", mutant="QUEUE_NAMES")
    old = [_finding("ENV001", "QUEUE_NAME", "compose.yaml")]
    assert caught(rename_mutation, [], [_finding("ENV002", "QUEUE_NAMES", "compose.yaml")])
    assert caught(rename_mutation, [], [_finding("ENV001", "QUEUE_NAME", "ops/run.sh", related=("compose.yaml",))])
    assert not caught(rename_mutation, old, old)  # there before the mutation
    # envlint already called the set unread: a finding on the renamed set is that blindness again
    assert not caught(rename_mutation, [_finding("ENV002", "QUEUE_NAME", "compose.yaml")],
                      [_finding("ENV002", "QUEUE_NAMES", "compose.yaml")])
    assert not caught(rename_mutation, [], [_finding("ENV002", "QUEUE_NAMES", "other.yaml")])
    deletion = Mutation(contract=_contract(), kind="delete", mutant=REMOVED)
    assert not caught(deletion, [], [_finding("ENV002", REMOVED, "compose.yaml")])
    assert caught(deletion, [], [_finding("ENV001", "QUEUE_NAME", "compose.yaml")])


def test_diff_lists_removed_and_added_findings_with_their_labels(tmp_path: Path) -> None:
    labels_path = tmp_path / "l.tsv"
    labels_path.write_text(HEADER + "ENV002\ta.yaml\t3\tX\tw\tFALSE\twrong-link\tnot this program\n")
    labels = load_labels(labels_path)
    base = [_finding("ENV002", "X", "a.yaml", 3), _finding("ENV001", "Y", "b.yaml", 4)]
    head = [_finding("ENV001", "Y", "b.yaml", 4), _finding("ENV004", "Z", "c.yaml", 9)]
    assert diff_findings("tiny", base, head, labels) == [
        "- tiny a.yaml:3 ENV002 X (w) [FALSE]: m",
        "+ tiny c.yaml:9 ENV004 Z (w) [unlabelled]: m",
    ]


def test_git_directories_are_found_in_the_usual_layouts(tmp_path: Path) -> None:
    for layout in ("acme+tiny/repo", "acme/tiny.git", "tiny.git"):
        root = tmp_path / layout.replace("/", "_")
        (root / layout / "objects").mkdir(parents=True)
        assert find_git_dir(root, "acme/tiny") == root / layout
    assert find_git_dir(tmp_path / "empty", "acme/tiny") is None


def test_materialise_leaves_out_blobs_the_mirror_lacks(tmp_path: Path) -> None:
    mirrors, commit = _mirror(tmp_path)
    git_dir = mirrors / "acme+tiny" / "repo"
    blob = _git("rev-parse", f"{commit}:worker/main.py", cwd=git_dir)
    _git("repack", "-a", "-d", "-q", cwd=git_dir)  # loose objects into a pack, then unpack all but one
    for pack in (git_dir / "objects" / "pack").glob("*.pack"):
        data = pack.read_bytes()
        for extra in pack.parent.glob(pack.stem + ".*"):
            extra.unlink()
        subprocess.run(["git", "unpack-objects", "-q"], input=data, cwd=git_dir, check=True)
    (git_dir / "objects" / blob[:2] / blob[2:]).unlink()
    tree = materialise(Repo(name="tiny", slug="acme/tiny", commit=commit), git_dir, tmp_path / "trees")
    assert tree.missing_blobs == 1
    assert not (tree.path / "worker" / "main.py").exists()
    assert (tree.path / "compose.yaml").is_file()
    assert "worker/main.py" not in _git("ls-files", cwd=tree.path)
