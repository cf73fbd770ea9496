"""The functions holding a Go read that each file refers to (graph/goreach.py): the words a
worker records for the file (golang/references.py) narrowed to those functions, which is all that
graph/goreach.py asks of a file, for the union over a program's files."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from envlint.graph.goreach import mark_references
from envlint.extract.golang.package import extract_go_package
from envlint.extract.golang.references import referenced_words

HELPERS = b'package db\n\nimport "os"\n\nfunc PrepareTest() string { return os.Getenv("DB_TEST") }\n' \
          b'func Open() string { return os.Getenv("DB_URL") }\nfunc init() { _ = os.Getenv("DB_INIT") }\n' \
          b'type Store struct{}\nfunc (Store) Get() string { return os.Getenv("DB_GET") }\n'
CALLER = b'package db\n\n// PrepareTest is for tests only\nfunc Connect() { Open(); s := "PrepareTest"; init() }\n'
OTHER = b"package db\n\nfunc Unrelated() { Get() }\n"


def test_each_file_keeps_the_read_functions_it_refers_to() -> None:
    facts = extract_go_package([("db/db.go", HELPERS), ("db/conn.go", CALLER), ("db/other.go", OTHER)])
    assert [f.referenced_words == referenced_words(t) for f, t in
            zip(facts, (HELPERS, CALLER, OTHER))] == [True, True, True]
    marked = {f.path: (f.references, f.referenced_words) for f in mark_references(facts)}
    # A comment or a string does not refer, nor does the declaration; init and methods are never asked
    # about; the words are dropped once narrowed.
    assert marked == {"db/db.go": (frozenset(), ""), "db/conn.go": (frozenset({"Open"}), ""),
                      "db/other.go": (frozenset(), "")}


# The words as golang/references.py first found them: a regular expression for every run of word
# characters, each name decoded. referenced_words tokenises with bytes.translate and split instead.
def _by_regex(data: bytes) -> str:
    import re
    from collections import Counter

    from envlint.extract.golang.references import _DECLARATION, _NOISE

    code = _NOISE.sub(b" ", data)
    words = re.findall(rb"\w+", code)
    names = {w.lstrip(b"0123456789") for w in set(words)} - {b""}
    mentions = Counter(words)
    for declared in set(_DECLARATION.findall(code)):
        if mentions[declared] <= len(re.findall(rb"func " + re.escape(declared) + rb"\w*", code)):
            names.discard(declared)
    return " ".join(sorted(n.decode("ascii") for n in names))


# Digits lead some runs (`0x1F`, `1e9`), bytes outside ASCII and every kind of separator end them.
GO_ALPHABET = st.sampled_from([b"a", b"Z", b"_", b"0", b"9", b"x", b"func ", b"func", b"\n", b" ", b"\t", b"(",
                               b"[", b".", b":", b'"', b"`", b"'", b"//", b"/*", b"*/", b"\xc3\xa9", b"\xff", b"\x7f"])


@given(st.lists(GO_ALPHABET, max_size=40).map(b"".join))
@example(b"func f() {}\nfunc g() { f(); 0xf }\n")
@example(b"0f f func f(")
@example(b"9x 0 a9 9")
def test_words_are_those_of_the_regular_expression(data: bytes) -> None:
    assert referenced_words(data) == _by_regex(data)
