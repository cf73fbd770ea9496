"""Unit tests of the Python extractor: what the pattern fixtures cannot pin (fields beyond the
one-line descriptions, problems, imports, robustness)."""

from __future__ import annotations

import pytest

from envlint.extract.python.file import extract_python_file
from envlint.model import Default, ImportRef, Location


def facts(source: str):
    return extract_python_file("pkg/mod.py", source.encode("utf-8"))


def test_empty_file_has_no_facts_and_no_problem():
    result = extract_python_file("empty.py", b"")
    assert result.language == "python" and result.path == "empty.py"
    assert (result.reads, result.process_sets, result.launch_sites, result.problems) == ((), (), (), ())
    assert result.reads_dynamic is False


def test_syntax_error_reports_once_and_keeps_facts():
    result = facts('import os\nA = os.getenv("A")\ndef broken(:\n    pass\nB = os.getenv("B")\n')
    assert [p.kind for p in result.problems] == ["syntax-error"]
    assert result.problems[0].location == Location("pkg/mod.py", 3, 12)  # CPython's position and words
    assert result.problems[0].message == "syntax error (invalid syntax); the rest of the file was analysed"
    assert {r.name for r in result.reads} >= {"A", "B"}


def test_grammar_gap_that_cpython_accepts_is_no_problem():
    # `=` as the fill character of a format spec: tree-sitter reads `:=` as a walrus, CPython does not.
    result = facts('import os\nURL = os.getenv("APP_URL")\nprint(f"{URL:=^40}")\nB = os.getenv("B")\n')
    assert result.problems == ()
    assert [r.name for r in result.reads] == ["APP_URL", "B"]


def test_error_confirmed_by_cpython_is_reported_at_its_position():
    result = facts('import os\nA = os.getenv("A")\nif A\n    pass\n')
    assert [(p.kind, p.location, p.message) for p in result.problems] == [
        ("syntax-error", Location("pkg/mod.py", 3, 5), "syntax error (expected ':'); the rest of the file was analysed")]


def test_file_too_deep_for_cpython_keeps_the_tree_sitter_verdict():
    # CPython's parser gives up (RecursionError/MemoryError/nesting limit) before tree-sitter does;
    # the file is still reported, never crashes the run.
    source = "x = " + "[" * 5000 + "1" + "]" * 5000 + "\ndef f(:\n"
    result = facts(source)
    assert [p.kind for p in result.problems] == ["syntax-error"]


@pytest.mark.parametrize("failure", [RecursionError, MemoryError])
def test_cpython_parser_exhausted_keeps_the_tree_sitter_location(monkeypatch, failure):
    import envlint.extract.python.confirm as confirm

    def exhausted(*args, **kwargs):
        raise failure()

    monkeypatch.setattr(confirm.ast, "parse", exhausted)
    result = facts('import os\nA = os.getenv("A")\ndef broken(:\n    pass\n')
    assert [(p.kind, p.location, p.message) for p in result.problems] == [
        ("syntax-error", Location("pkg/mod.py", 3, 12), "syntax error; the rest of the file was analysed")]


def test_imports():
    result = facts("import os, a.b as c\nfrom . import y\nfrom .x import y, z\nfrom ..p.q import *\n")
    assert result.imports == (
        ImportRef(module="os"),
        ImportRef(module="a.b"),
        ImportRef(module="", level=1, names=("y",)),
        ImportRef(module="x", level=1, names=("y", "z")),
        ImportRef(module="p.q", level=2, names=("*",)),
    )


def test_read_fields_location_function_form():
    result = facts(
        "import os\n"
        "class Svc:\n"
        "    def start(self):\n"
        "        return os.environ.get('X', 'd')\n"
        "def outer():\n"
        "    def inner():\n"
        "        return 'Y' in os.environ\n"
        "Z = os.environ['Z']\n"
    )
    x, y, z = result.reads
    assert (x.name, x.form, x.function, x.location) == ("X", "os.environ.get", "Svc.start", Location("pkg/mod.py", 4, 16))
    assert x.default == Default(kind="literal", values=("d",))
    assert (y.form, y.function, y.location.column) == ("in os.environ", "outer.inner", 16)
    assert (z.form, z.function, z.required) == ("os.environ[]", None, True)


def test_fallback_chain_fields():
    a, b = facts('import os\nv = os.getenv("A") or os.getenv("B") or "d"\n').reads
    # `or` replaces an empty value too, so an empty A still falls back to B, and an empty B to "d".
    assert a.default == Default(kind="fallback", fallbacks=("B",), covers_empty=True) and a.fallback_of is None
    assert b.default == Default(kind="literal", values=("d",), covers_empty=True) and b.fallback_of == "A"


def test_dynamic_read_sets_reads_dynamic():
    result = facts("import os\ndef f(n):\n    return os.getenv(n.upper())\n")
    (read,) = result.reads
    assert read.name is None and read.name_text == "n.upper()"
    assert result.reads_dynamic is True


def test_expression_default_keeps_text():
    (read,) = facts("import os\nx = os.getenv('A', cfg.value)\n").reads
    assert read.default == Default(kind="expression", text="cfg.value")


def test_setdefault_is_read_and_set():
    result = facts("import os\nos.environ.setdefault('K', 'v')\n")
    assert [(r.name, r.default.values) for r in result.reads] == [("K", ("v",))]
    assert [(s.name, s.value) for s in result.process_sets] == [("K", "v")]


def test_launch_site_fields_and_target_via():
    result = facts(
        "import subprocess\n"
        "AGENT_BIN = 'agentd'\n"
        "def go():\n"
        "    subprocess.run([AGENT_BIN], env={'K': 'v'})\n"
    )
    (site,) = result.launch_sites
    assert (site.kind, site.language, site.function, site.inherits) == ("subprocess", "python", "go", False)
    (target,) = site.targets
    assert (target.kind, target.value, target.via, target.location.line) == ("program", "agentd", "variable AGENT_BIN", 2)
    assert [(s.name, s.value, s.function) for s in site.sets] == [("K", "v", "go")]
    assert site.env_text == "env={'K': 'v'}: closed"


def test_env_text_when_not_given():
    (site,) = facts("import subprocess\nsubprocess.run(['a'])\n").launch_sites
    assert site.env_text == "env= not given: inherits"


def test_docker_image_from_variable_keeps_via_and_literal_location():
    result = facts(
        "import subprocess\n"
        "IMAGE = 'acme/agent:1'\n"
        "subprocess.run(['docker', 'run', '--env-file', 'a.env', IMAGE])\n"
    )
    (site,) = result.launch_sites
    assert site.kind == "docker-run" and site.inherits is False
    (target,) = site.targets
    assert (target.kind, target.value, target.via, target.location.line) == ("image", "acme/agent:1", "variable IMAGE", 2)
    assert [e.path for e in site.env_files] == ["a.env"]


def test_docker_spread_and_prefix_tokens():
    (site,) = facts(
        "import subprocess\n"
        "def f(v, extra):\n"
        "    subprocess.run(['docker', 'run', *extra, '-e', f'K={v}', 'img'])\n"
    ).launch_sites
    assert [(s.name, s.value, s.passthrough) for s in site.sets] == [("K", None, False)]
    assert [t.value for t in site.targets] == ["img"]


def test_never_raises_on_odd_input():
    odd = [
        b"(" * 5000,
        b"x = " + b"[" * 3000 + b"]" * 3000,
        b"import os\nos.getenv(" + b'"A" + ' * 2000 + b'"B")\n',
        b"\x00\x01 def",
        "s = '\u00e9\u4e2d'\nimport os\nos.getenv('\u00e9')\n".encode("utf-8"),
        b"import subprocess\nsubprocess.run(\"docker run -e 'unbalanced\")\n",
    ]
    for data in odd:
        result = extract_python_file("odd.py", data)
        assert all(p.kind != "extract-error" for p in result.problems), result.problems


def test_column_counts_characters_not_bytes():
    (read,) = facts("import os\nx = '\u00e9\u00e9'; y = os.getenv('A')\n").reads
    assert read.location.column == 15


def test_library_and_settings_read_fields():
    result = facts(
        "from environs import Env\n"
        "from pydantic_settings import BaseSettings\n"
        "env = Env()\n"
        "def f():\n"
        "    return env.str('X', 'd')\n"
        "class S(BaseSettings):\n"
        "    port: int = 1\n"
    )
    x, port = result.reads
    assert (x.form, x.function, x.location, x.required) == ("environs env.str", "f", Location("pkg/mod.py", 5, 12), False)
    assert (port.name, port.form, port.function, port.location) == ("PORT", "pydantic-settings", "S", Location("pkg/mod.py", 7, 5))


def test_dotenv_loads_are_notes_not_reads():
    result = facts(
        "from dotenv import load_dotenv, dotenv_values\n"
        "import dotenv\n"
        "load_dotenv('config/.env')\n"
        "values = dotenv_values(path)\n"
        "dotenv.load_dotenv()\n"
    )
    assert result.reads == ()
    assert [(d.function, d.path, d.text, d.location.line) for d in result.extra.dotenv] == [
        ("load_dotenv", "config/.env", "'config/.env'", 3), ("dotenv_values", None, "path", 4),
        ("load_dotenv", None, "", 5)]


def test_extra_records_constants_helpers_and_imported_names():
    result = facts(
        "import os\n"
        "from .names import KEY\n"
        "A = 'VALUE_A'\n"
        "B = A + '_B'\n"
        "def env(name, default='d'):\n"
        "    return os.getenv(name, default)\n"
        "v = os.getenv(KEY)\n"
    )
    extra = result.extra
    assert extra.constants == (("A", "VALUE_A"), ("B", "VALUE_A_B"))
    (helper,) = extra.helpers
    assert (helper.name, helper.params, helper.key, helper.fallback) == ("env", ("name", "default"), 0, 1)
    assert helper.fallback_default == Default(kind="literal", values=("d",))
    (pending,) = extra.pending
    assert (pending.location.line, pending.ref.module, pending.ref.level, pending.ref.name) == (7, "names", 1, "KEY")


def test_file_without_cross_file_facts_has_no_extra():
    assert facts("import os\nx = os.getenv('X')\n").extra is None


@pytest.mark.parametrize(("source", "prefixes"), [
    ('import os\nsettings = {k: v for k, v in os.environ.items() if k.startswith("APP_")}\n', ("APP_",)),
    ('import os\nPREFIX = "SVC_"\nfor k, v in os.environ.items():\n    if k.startswith(PREFIX):\n        print(v)\n',
     ("SVC_",)),
    ("from os import environ\nfor k in environ:\n    print(k)\n", ("",)),
    ("import os\ncfg = load_config(os.environ)\n", ("",)),
    ("import os\nSettings(_environ=os.environ)\n", ("",)),
    ('import os, subprocess\nenv = os.environ.copy()\nenv["A"] = "1"\nsubprocess.run(["x"], env=env)\n', ()),
    ('import os, subprocess\nsubprocess.run(["x"], env={**os.environ, "A": "1"})\n', ()),
    ('import os, subprocess\nsubprocess.run(["x"], env=dict(os.environ, A="1"))\n', ()),
    ('import os\nos.environ.get("A")\nx = "A" in os.environ\n', ()),
    ("environ = {}\nfor k in environ:\n    pass\n", ()),
], ids=["items-prefix", "constant-prefix", "for", "argument", "keyword", "copy", "splat", "dict", "single-reads",
        "local-name"])
def test_iterating_the_environment_reads_a_family_or_every_name(source: str, prefixes: tuple[str, ...]) -> None:
    # "" is every name: the program may read any name a site sets
    assert facts(source).read_prefixes == prefixes


def test_a_shell_script_with_a_python_name_is_not_python() -> None:
    from envlint.extract.python.file import extract_python_file

    shell = extract_python_file("manage.py", b'#!/bin/sh\nexec docker compose exec zulip manage.py "$@"\n')
    assert (shell.problems, [(n.kind, n.message) for n in shell.notes]) == (
        (), [("not-python", "a sh script with a .py name; not read")])
    python = extract_python_file("tool.py", b'#!/usr/bin/env -S python3 -u\nimport os\nos.getenv("A")\n')
    assert [r.name for r in python.reads] == ["A"] and python.notes == ()


@pytest.mark.parametrize("source", [
    "def f(rest):\n    return 1, *rest\n",  # a starred item in a return tuple (3.8)
    "def f():\n    if True:\n        x = [1,\n2,\n  3]\n        return x\n",  # inside brackets, indentation is free
])
def test_valid_python_is_never_a_syntax_error(source: str) -> None:
    facts = extract_python_file("ok.py", f'import os\n{source}X = os.getenv("AFTER")\n'.encode())
    assert (facts.problems, facts.notes) == ((), ())
    assert [(r.name, r.location.line) for r in facts.reads] == [("AFTER", source.count("\n") + 2)]


@pytest.mark.parametrize(("line", "notes"), [
    # PEP 696 defaults (3.13): neither the grammar nor CPython 3.11 parses them
    ("class Box[T = int]:\n    pass\n", [("newer-python", "syntax of Python 3.12 or newer")]),
    # PEP 695 (3.12) and PEP 758 (3.14): the grammar parses them, nothing needs confirming
    ("type Pair[T] = tuple[T, T]\n", []),
    ("def first[T](items: list[T]) -> T:\n    return items[0]\n", []),
    ("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n", []),
])
def test_syntax_of_a_newer_python_is_never_a_problem(line: str, notes: list) -> None:
    facts = extract_python_file("new.py", f'import os\n{line}X = os.getenv("AFTER")\n'.encode())
    assert facts.problems == ()
    assert [(n.kind, n.message.split(",")[0]) for n in facts.notes] == notes
    assert [r.name for r in facts.reads] == ["AFTER"]


def test_a_real_syntax_error_is_still_a_problem() -> None:
    facts = extract_python_file("bad.py", b"import os\ndef f(:\n    pass\nclass C[T = ]:\n    pass\n")
    assert [p.kind for p in facts.problems] == ["syntax-error"] and facts.notes == ()
