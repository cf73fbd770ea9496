"""Valid Go that the tree-sitter grammar misparses (envlint/extract/golang/gaps.py): no problem, and the
facts around each gap are still extracted. One test per known gap, then real errors stay reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from envlint.extract.golang import gaps
from envlint.extract.golang.package import extract_go_package
from envlint.extract.syntax import parse
from envlint.model import Location

from .conftest import run_cli


def _one(source: str):
    return extract_go_package([("p/a.go", source.encode())])[0]


def _reads_and_problems(source: str):
    facts = _one(source)
    return sorted(r.name for r in facts.reads), [(p.kind, p.location) for p in facts.problems]


def _is_gap(source: str) -> None:
    """The grammar errors on this valid source: otherwise the gap would not need handling."""
    assert parse("go", source.encode()).root_node.has_error


def test_new_expression_go_1_26() -> None:
    source = '''package main
import ("os"; "time")
var started = new(time.Now())
func main() {
	p := new(int64(3))
	_ = p
	s.Ok = new(bool(false))
	c := Config{Replicas: new(int64(1)), Name: new(string(os.Getenv("NAME")))}
	_ = os.Getenv("AFTER")
}
'''
    _is_gap(source)
    assert _reads_and_problems(source) == (["AFTER", "NAME"], [])


def test_new_of_a_type_is_left_alone() -> None:
    # The edit renames only a `new` whose call holds an error; new(T) parses and keeps its name.
    tree, error = gaps.parse(b'package p\nvar a, b = new(Config), new(int64(1))\n')
    assert error is None
    assert tree.root_node.text == b'package p\nvar a, b = new(Config), neW(int64(1))\n'


@pytest.mark.parametrize("group", ['const ( A = "CA" )', 'const (A = "CA")', 'const ( A = "CA"; B = "CB" )'])
def test_one_line_const_group(group: str) -> None:
    source = f'package p\nimport "os"\n{group}\nfunc f() {{ _ = os.Getenv(A) }}\n'
    _is_gap(source)
    assert _reads_and_problems(source) == (["CA"], [])


@pytest.mark.parametrize("group", ['var ( x = os.Getenv("X") )', 'var (x = os.Getenv("X"))',
                                   'var ( w = 1; x = os.Getenv("X") )'])
def test_one_line_var_group(group: str) -> None:
    source = f'package p\nimport "os"\n{group}\n'
    _is_gap(source)
    assert _reads_and_problems(source) == (["X"], [])


def test_omitted_semicolon_without_blank_is_accepted_in_place() -> None:
    # No same-length edit fits `(x = 1; y = 2)`; the grammar keeps the tree with an invisible MISSING
    # terminator (and misreads the last spec as a conversion: its read is lost, the file is no problem).
    source = 'package p\nimport "os"\nvar (x = os.Getenv("X"); y = os.Getenv("Y"))\n'
    _is_gap(source)
    assert _reads_and_problems(source) == (["X"], [])


@pytest.mark.parametrize("last", ["type T struct{}", "type T int", 'var ( v = os.Getenv("LAST") )'])
def test_no_final_newline(last: str) -> None:
    source = f'package p\nimport "os"\nvar x = os.Getenv("X")\n{last}'
    _is_gap(source)
    names, problems = _reads_and_problems(source)
    assert problems == [] and "X" in names


def test_empty_init_statement() -> None:
    source = 'package p\nimport "os"\nfunc f() {\n\tif ; true { _ = os.Getenv("I") }\n\tswitch ; os.Getenv("S") {}\n}\n'
    _is_gap(source)
    assert _reads_and_problems(source) == (["I", "S"], [])


def test_real_error_next_to_a_gap_is_reported_where_it_is() -> None:
    source = 'package p\nimport "os"\nfunc f() { p := new(int64(3)); _ = os.Getenv("R") }\nfunc broken( {\n'
    assert _reads_and_problems(source) == (["R"], [("syntax-error", Location("p/a.go", 4, 1))])


@pytest.mark.parametrize("source", ['package p\nvar x = new([]int\n', 'package p\nconst ( A = )\n',
                                    'package p\nfunc f() { if ; {} }\n'])
def test_look_alikes_that_are_real_errors_stay_reported(source: str) -> None:
    assert [p.kind for p in _one(source).problems] == ["syntax-error"]


def test_repro_go_new_expression_is_clean(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/p\n\ngo 1.26\n")
    (tmp_path / "cmd" / "app").mkdir(parents=True)
    (tmp_path / "cmd" / "app" / "main.go").write_text("package main\n\nfunc main() {\n\tp := new(int64(3))\n\t_ = p\n}\n")
    result = run_cli("check", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "All checks passed: 0 launch sites and 1 service.\n")
