"""The functions holding a Go read that each file refers to (graph/goreach.py): the words a
worker records for the file (golang/references.py) narrowed to those functions, which is all that
graph/goreach.py asks of a file, for the union over a program's files."""

from __future__ import annotations

from envlint.graph.goreach import mark_references
from envlint.extract.golang.package import extract_go_package
from envlint.extract.golang.references import referenced_names

HELPERS = b'package db\n\nimport "os"\n\nfunc PrepareTest() string { return os.Getenv("DB_TEST") }\n' \
          b'func Open() string { return os.Getenv("DB_URL") }\nfunc init() { _ = os.Getenv("DB_INIT") }\n' \
          b'type Store struct{}\nfunc (Store) Get() string { return os.Getenv("DB_GET") }\n'
CALLER = b'package db\n\n// PrepareTest is for tests only\nfunc Connect() { Open(); s := "PrepareTest"; init() }\n'
OTHER = b"package db\n\nfunc Unrelated() { Get() }\n"


def test_each_file_keeps_the_read_functions_it_refers_to() -> None:
    facts = extract_go_package([("db/db.go", HELPERS), ("db/conn.go", CALLER), ("db/other.go", OTHER)])
    assert [f.referenced_words.split() == sorted(referenced_names(t)) for f, t in
            zip(facts, (HELPERS, CALLER, OTHER))] == [True, True, True]
    marked = {f.path: (f.references, f.referenced_words) for f in mark_references(facts)}
    # A comment or a string does not refer, nor does the declaration; init and methods are never asked
    # about; the words are dropped once narrowed.
    assert marked == {"db/db.go": (frozenset(), ""), "db/conn.go": (frozenset({"Open"}), ""),
                      "db/other.go": (frozenset(), "")}
