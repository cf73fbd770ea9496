"""Light files (envlint/extract/golang/light.py): the files of a whole Go package that the byte
prefilter does not want get no fact extraction of their own, unless they spell one of the package's
wrappers; a light file that spells another package's exported wrapper gets its package extracted again
in full (go_units.light_promoted). The findings never depend on it (tests/test_prefilter.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from envlint.discover import discover
from envlint.extract.golang.package import extract_go_package
from envlint.extract.run import extract_all

FIXTURE = Path(__file__).parent / "fixtures" / "rules" / "ENV001" / "positive-go-wrapper-calls-in-files-without-env"


def _package() -> list[tuple[str, bytes]]:
    folder = FIXTURE / "cmd" / "api"
    return [(f"cmd/api/{p.name}", p.read_bytes()) for p in sorted(folder.glob("*.go"))]


def _summary(facts) -> dict[str, tuple[bool, list[tuple[str, str]], list[str | None]]]:
    return {f.path: (f.extra.light, [(c.package, c.name) for c in f.extra.calls], [r.name for r in f.reads])
            for f in facts}


def test_a_file_without_env_is_light_unless_it_spells_a_wrapper_of_its_package() -> None:
    assert _summary(extract_go_package(_package())) == {
        "cmd/api/main.go": (False, [], []),
        "cmd/api/queue.go": (True, [], []),  # settings.Required is not known inside the package
        "cmd/api/token.go": (False, [], ["API_TOKEN"]),  # spells `must`, the package's wrapper
    }


def test_every_file_in_full_records_the_calls_into_other_packages() -> None:
    facts = extract_go_package(_package(), everything=True)
    assert _summary(facts)["cmd/api/queue.go"] == (False, [("github.com/acme/shop/internal/settings", "Required")], [])


def test_a_light_file_that_spells_an_exported_wrapper_gets_its_package_extracted_in_full() -> None:
    found = discover(FIXTURE, (FIXTURE,), (), True)
    facts, problems, _ = extract_all(FIXTURE, found.files, None, 1)
    assert problems == []
    queue = next(f for f in facts if f.path == "cmd/api/queue.go")
    assert (queue.extra.light, [(c.package, c.name, c.location.line) for c in queue.extra.calls]) == (
        False, [("github.com/acme/shop/internal/settings", "Required", 8)])


# A light file's tree is dropped once summarised (golang/lazy.py); what the package takes from it
# later (a constant's value, a variable a launch runs, a guarded call of a function) is the same.
_MAIN = b'''package main

import (
	"os"
	"os/exec"
)

func runServe() {
	_ = os.Getenv(prefix + "PORT" + suffix)
	_ = exec.Command(workerPath).Run()
}
'''
_LIGHT = b'''package main

import "os"

const prefix = "APP_"

var workerPath = "/usr/local/bin/worker"

func main() {
	if os.Args[1] == "serve" {
		runServe()
	}
}
'''
_GAP = b'''package main

const ( suffix = "_X" )
'''


def test_a_light_file_is_summarised_and_its_tree_dropped_without_changing_a_fact(monkeypatch) -> None:
    from envlint.extract.golang import package as golang
    from envlint.extract.golang.index import GoFile

    files = [("cmd/app/main.go", _MAIN), ("cmd/app/light.go", _LIGHT), ("cmd/app/gap.go", _GAP)]
    dropped: list[str] = []
    drop = GoFile.drop_tree
    monkeypatch.setattr(GoFile, "drop_tree", lambda self: (dropped.append(self.path), drop(self))[-1])
    facts = extract_go_package(files)
    assert dropped == ["cmd/app/light.go"]  # gap.go's tree was repaired (golang/gaps.py): kept
    read = facts[0].reads[0]
    assert (read.name, [str(g) for g in read.guards]) == ("APP_PORT_X", ['the sub-command is "serve"'])
    assert [t.value for s in facts[0].launch_sites for t in s.targets] == ["/usr/local/bin/worker"]
    assert facts[1].has_main and facts[1].extra.light
    monkeypatch.setattr(golang, "summarise", lambda go_file: False)  # every tree kept, as before
    assert extract_go_package(files) == facts


def _go_packages(root: Path) -> list[list[tuple[str, bytes]]]:
    packages: dict[str, list[tuple[str, bytes]]] = {}
    for source in discover(root, (root,), (), True).files:
        if source.kind == "go":
            packages.setdefault(source.path.rpartition("/")[0], []).append((source.path, (root / source.path).read_bytes()))
    return [packages[folder] for folder in sorted(packages)]


_FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures" / "rules").glob("ENV*/*") if p.is_dir())
_CORPUS = Path(os.environ.get("ENVLINT_CORPUS", "/work/ecocache"))
_CHECKOUTS = sorted(p for p in _CORPUS.glob("*/") if p.is_dir()) if _CORPUS.is_dir() else []


def _same_with_every_tree_kept(root: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Extract each Go package of ``root`` with its light files summarised (their trees dropped, their
    calls and local names found only when asked) and with every tree kept (all of them taken at once,
    as before): the facts must be equal. Returns how many packages had a light file dropped."""
    from envlint.extract.golang import package as golang
    from envlint.extract.golang.light import summarise

    dropping = 0
    for files in _go_packages(root):
        summarised: list[str] = []
        monkeypatch.setattr(golang, "summarise", lambda go_file: (summarised.append(go_file.path), summarise(go_file))[1])
        lazy = extract_go_package(files)
        monkeypatch.setattr(golang, "summarise", lambda go_file: False)
        assert lazy == extract_go_package(files), files[0][0]
        dropping += bool(summarised)
    return dropping


@pytest.mark.parametrize("case", [p for p in _FIXTURES if any(p.rglob("*.go"))], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_facts_do_not_depend_on_dropping_light_trees(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_with_every_tree_kept(case, monkeypatch)


def test_some_fixture_drops_a_light_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    # The comparison above is not vacuous: light files are summarised in the fixtures.
    assert sum(_same_with_every_tree_kept(case, monkeypatch) for case in _FIXTURES if any(case.rglob("*.go"))) >= 5


@pytest.mark.skipif(not _CHECKOUTS, reason=f"no ecosystem corpus checkouts under {_CORPUS} (set ENVLINT_CORPUS)")
@pytest.mark.parametrize("checkout", _CHECKOUTS, ids=lambda p: p.name)
def test_corpus_facts_do_not_depend_on_dropping_light_trees(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_with_every_tree_kept(checkout, monkeypatch)


def _declarations_by_query(root) -> list[tuple[str, str, int]]:
    from envlint.extract import syntax

    out = []
    for captures in syntax.matches("go", "declarations", root):
        if "function" in captures:
            out.append(("function", syntax.text(captures["name"][0]), captures["function"][0].id))
            continue
        values = captures["value"][0].named_children
        spec = (captures.get("const") or captures["var"])[0]
        out.extend(("const" if "const" in captures else "var", syntax.text(n), values[i].id)
                   for i, n in enumerate(syntax.field_nodes(spec, "name")) if i < len(values))
    return list(dict.fromkeys(out))  # a spec of two names is one match per name


@pytest.mark.parametrize("root", [p for p in _FIXTURES if any(p.rglob("*.go"))] + _CHECKOUTS[:4], ids=lambda p: p.name)
def test_top_level_declarations_are_the_query_s(root: Path) -> None:
    from envlint.extract import syntax
    from envlint.extract.golang.toplevel import top_level_declarations

    for files in _go_packages(root):
        for path, data in files:
            tree = syntax.parse("go", data)
            if tree.root_node.has_error:
                continue
            found = [(kind, name, node.id) for kind, name, node in top_level_declarations(tree.root_node)]
            assert found == _declarations_by_query(tree.root_node), path


def test_top_level_declarations_of_every_shape() -> None:
    from envlint.extract import syntax
    from envlint.extract.golang.toplevel import top_level_declarations

    source = (b'package p\n\nconst A, B = "a", "b"\nconst (\n\tC = iota\n\tD\n\tE, F = 1\n)\nvar G = "g"\n'
              b'var (\n\tH, I = f()\n\tJ int\n)\nvar _ = 1\ntype T struct{}\nfunc (T) M() {}\n'
              b'func K[X any]() { const L = "l"; var m = 1; _ = m }\n')
    root = syntax.parse("go", source).root_node
    assert [(k, n, node.id) for k, n, node in top_level_declarations(root)] == _declarations_by_query(root)
    # Each name of a spec takes the value at its position (a const spec's commas are no names).
    assert [(kind, name, syntax.text(node)) for kind, name, node in top_level_declarations(root)] == [
        ("const", "A", '"a"'), ("const", "B", '"b"'), ("const", "C", "iota"), ("const", "E", "1"),
        ("var", "G", '"g"'), ("var", "H", "f()"), ("var", "_", "1"),
        ("function", "K", syntax.text(root.named_children[-1])),
    ]


def test_a_dropped_tree_parsed_again_resolves_its_own_local_names(monkeypatch: pytest.MonkeyPatch) -> None:
    # workerPath's `bin` is its local constant, not the package's: the names a dropped tree's functions
    # declare join the package's when it is parsed again (index.build_index).
    main = b'package main\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\nfunc main() {\n\t_ = os.Getenv("A")\n' \
           b'\t_ = exec.Command(workerPath()).Run()\n}\n'
    light = b'package main\n\nconst bin = "/usr/bin/a"\n\nfunc workerPath() string {\n\tconst bin = "/opt/b"\n' \
            b'\treturn bin\n}\n'
    files = [("cmd/app/main.go", main), ("cmd/app/light.go", light)]
    facts = extract_go_package(files)
    assert facts[1].extra.light
    assert [t.value for s in facts[0].launch_sites for t in s.targets] == ["/opt/b"]
    from envlint.extract.golang import package as golang

    monkeypatch.setattr(golang, "summarise", lambda go_file: False)
    assert extract_go_package(files) == facts
