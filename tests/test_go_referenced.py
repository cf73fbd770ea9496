"""The functions holding a Go read that each file refers to (extract/go_referenced.py): the same
answer as the union of every file's referenced names (golang/references.py) that graph/goreach.py
asks, computed only for those functions and only on files whose bytes spell one."""

from __future__ import annotations

from envlint.extract.go_referenced import mark_references
from envlint.extract.golang.references import referenced_names
from envlint.model import FileFacts, Location, Read

HELPERS = b'package db\n\nimport "os"\n\nfunc PrepareTest() string { return os.Getenv("DB_TEST") }\n' \
          b'func Open() string { return os.Getenv("DB_URL") }\nfunc init() { _ = os.Getenv("DB_INIT") }\n'
CALLER = b'package main\n\n// PrepareTest is for tests only\nfunc main() { db.Open(); s := "PrepareTest" }\n'
OTHER = b"package other\n\nfunc Unrelated() {}\n"


def _facts(path: str, functions: tuple[str, ...] = ()) -> FileFacts:
    reads = tuple(Read(name=f"N{i}", location=Location(path, i + 1, 1), form="os.Getenv", function=f)
                  for i, f in enumerate(functions))
    return FileFacts(path=path, language="go", reads=reads)


def test_only_the_read_functions_a_file_refers_to() -> None:
    facts = [_facts("db/db.go", ("PrepareTest", "Open", "init", "Store.Get")), _facts("main.go"), _facts("other.go")]
    texts = {"db/db.go": HELPERS, "main.go": CALLER, "other.go": OTHER}
    marked = {f.path: f.references for f in mark_references(facts, texts)}
    # A comment or a string does not refer; init and methods are never asked about.
    assert marked == {"db/db.go": frozenset(), "main.go": frozenset({"Open"}), "other.go": frozenset()}
    # The union that goreach tests agrees with the union of the whole sets on every function asked about.
    whole = set().union(*(referenced_names(t) for t in texts.values()))
    asked = {"PrepareTest", "Open"}
    assert {n for n in asked if n in whole} == set().union(*marked.values())


def test_no_read_functions_leaves_the_facts_as_they_are() -> None:
    facts = [_facts("main.go", ("main",))]
    assert mark_references(facts, {"main.go": CALLER}) is facts
