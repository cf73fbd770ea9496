"""Which launchers have no caller in the repository (envlint/extract/callers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from envlint.extract.callers import _references, _used, mark_no_caller
from envlint.model import FileFacts, LaunchSite, Location


def _facts(path: str, language: str, function: str, package: str = "") -> FileFacts:
    site = LaunchSite(
        location=Location(path, 3, 5),
        kind="exec",
        language=language,
        function=function,
        targets=(),
        sets=(),
        inherits=True,
    )  # type: ignore[arg-type]
    return FileFacts(path=path, language=language, package=package, launch_sites=(site,))  # type: ignore[arg-type]


def _no_caller(facts: FileFacts, texts: dict[str, str]) -> bool:
    [marked] = mark_no_caller([facts], {p: t.encode() for p, t in texts.items()})
    return marked.launch_sites[0].no_caller


@pytest.mark.parametrize(("function", "source", "others", "expected"), [
    ("start", "def start():\n    run()\n", {}, True),
    ("start", "def start():\n    run()\n", {"b.py": "from a import start\nstart()\n"}, False),
    # a reference that is not a call still hands the function to a caller (a router, a command table)
    ("start", "def start():\n    run()\n", {"c.yaml": "handler: start\n"}, False),
    ("start", "@app.route('/')\ndef start():\n    run()\n", {}, False),  # registered by its decorator
    ("start", "@click.command()\n@click.option('--x')\nasync def start(x):\n    run()\n", {}, False),
    ("main", "def main():\n    run()\n", {}, False),
    ("Runner.__call__", "class Runner:\n    def __call__(self):\n        run()\n\nRunner()\n", {}, False),
    # a method is uncalled when its name is used nowhere, or when its class is
    ("Runner.go", "class Runner:\n    def go(self):\n        run()\n\nRunner().go()\n", {}, False),
    ("Runner.go", "class Runner:\n    def go(self):\n        run()\n\ngo = 1\n", {}, True),
    ("outer.inner", "def outer():\n    def inner():\n        run()\n    inner()\n", {}, True),
    ("outer.inner", "def outer():\n    def inner():\n        run()\n    inner()\n\nouter()\n", {}, False),
])
def test_python_functions(function: str, source: str, others: dict[str, str], expected: bool) -> None:
    assert _no_caller(_facts("a.py", "python", function), {"a.py": source, **others}) is expected


@pytest.mark.parametrize(("function", "package", "source", "expected"), [
    ("startWorker", "main", "package main\nfunc startWorker() {}\n", True),
    ("startWorker", "main", "package main\nfunc main() { startWorker() }\nfunc startWorker() {}\n", False),
    # an exported function of a library package has its callers in other modules
    ("StartWorker", "launcher", "package launcher\nfunc StartWorker() {}\n", False),
    ("StartWorker", "main", "package main\nfunc StartWorker() {}\n", True),
    # a method: only its own name says whether it is called
    ("Pool.spawn", "main", "package main\nfunc (p *Pool) spawn() {}\nvar _ = Pool{}\n", True),
    ("Pool.spawn", "main", "package main\nfunc (p *Pool) spawn() {}\nfunc main() { p.spawn() }\n", False),
    ("init", "main", "package main\nfunc init() {}\n", False),
])
def test_go_functions(function: str, package: str, source: str, expected: bool) -> None:
    assert _no_caller(_facts("a.go", "go", function, package), {"a.go": source}) is expected


def test_module_level_and_configuration_sites_are_never_marked() -> None:
    facts = [_facts("a.py", "python", None), _facts("c.yml", "compose", "web")]  # type: ignore[arg-type]
    assert [f.launch_sites[0].no_caller for f in mark_no_caller(facts, {"a.py": b"run()\n"})] == [False, False]


_PIECES = ["start", "run", "start_x", "é", "Serve", "def ", "class ", "func ", "func (s *T) ", "(def ", ")",
           " ", "\t", "\n", "x", "_", ".", "@decorator\n"]


@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=5),
       st.lists(st.sampled_from(["start", "run", "start_x", "Serve", "é", "x_é"]), min_size=1, max_size=4, unique=True),
       st.permutations(range(5)))
def test_the_early_stopping_search_finds_what_counting_every_file_finds(texts, names, order) -> None:
    """_used stops looking for a name once a file uses it, and looks at the launchers' files first:
    the same names as counting every file (_references), whatever the files and their order."""
    files = {f"f{i}.py": text.encode() for i, text in enumerate(texts)}
    first = tuple(f"f{i}.py" for i in order if i < len(texts))[:2]
    names = sorted(names)
    counts = _references(names, files)  # a non-ASCII name defined where \\b finds no word counts below 0
    assert _used(names, files, first) == {n for n in names if counts.get(n, 0) != 0}


def test_a_non_ascii_function_defined_where_no_word_boundary_is_seen_is_no_crash() -> None:
    """`def éstart` beside `start`: the word search sees no `éstart` (bytes `\\b` is ASCII), the
    definition search does; the function counts as called (the search errs towards "called")."""
    facts = [_facts("a.py", "python", "éstart")]
    assert [s.no_caller for f in mark_no_caller(facts, {"a.py": "def éstart():\n    run()\n".encode()})
            for s in f.launch_sites] == [False]
