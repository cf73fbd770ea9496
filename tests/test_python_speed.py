"""The shortcuts of Python extraction (envlint/extract/python) answer as the long way did."""

from __future__ import annotations

import re

from envlint.extract.python.file import _names_word, extract_python_file


def test_names_word_is_a_word_search() -> None:
    for data in (b"os", b"xos", b"os_", b"(os)", b"_os.", b"\xc3\xa9os ", b"hosts os2 os", b"", b"o s",
                 b"import os.path", b"from os import getenv", b"pos\nos"):
        assert _names_word(data, "os") == bool(re.search(rb"\bos\b", data)), data


def _calls(data: bytes) -> list[tuple[str, str]]:
    facts = extract_python_file("app/main.py", data)
    return [(c.callee.module, c.callee.name) for c in (facts.extra.calls if facts.extra else ())]


def test_a_shadowed_import_is_no_call_and_the_standard_library_is_never_one() -> None:
    assert _calls(b'from app.util import env\n\ndef f(env):\n    env("X")\n\nenv("Y")\n') == [("app.util", "env")]
    assert _calls(b'import json\nimport app.util as u\n\ndef f(json):\n    json.dumps("X")\n    u.env("Z")\n') \
        == [("app.util", "env")]


def test_answers_remembered_per_node_do_not_outlive_their_file() -> None:
    first = b'import os\n\ndef env(name, default=None):\n    return os.environ.get(name, default)\n\nA = env("A")\n'
    second = b'import os\n\ndef get(key):\n    x = 1\n    return os.getenv(key)\n\nB = get("B")\n'
    alone = [extract_python_file("a.py", first), extract_python_file("b.py", second)]
    again = [extract_python_file("a.py", first), extract_python_file("b.py", second)]
    assert alone == again
    assert [r.name for r in alone[0].reads] == ["A"] and [r.name for r in alone[1].reads] == ["B"]


def _climbed(node):
    current = node.parent
    while current is not None and current.type not in ("function_definition", "class_definition"):
        current = current.parent
    return current


def test_a_scope_found_by_position_is_the_one_found_by_climbing() -> None:
    from envlint.extract import syntax
    from envlint.extract.python import scope

    data = (b"class A:\n    def f(self, x=lambda: 1):\n        def g():\n            pass\n"
            b"    async def h(self):\n        return [y for y in z]\n\n\n@dec(1)\ndef k():\n    class B:\n"
            b"        pass\n\nX = 1\n# end\n")
    tree = syntax.parse("python", data)
    syntax.prefetch("python", tree.root_node, data, ("scopes",))
    scope.remember_scopes(tree.root_node, [m["scope"][0] for m in syntax.matches("python", "scopes", tree.root_node)])
    assert scope._TABLE  # indexed: the tree has no error
    for node in syntax.walk(tree.root_node):
        assert scope.scope_of(node) == _climbed(node), (node.type, node.start_point)


def test_reads_and_sets_are_found_whatever_the_aliases() -> None:
    # The reads/sets queries are anchored on environ/getenv/putenv: an alias still spells them once.
    cases = {
        b'from os import environ as E\nA = E["A"]\n': ["A"],
        b'import os as o\nA = o.getenv("A")\n': ["A"],
        b'from os import getenv as g\nA = g("A")\n': ["A"],
        b'# os\nenviron = {}\nA = environ.get("A")\n': [],  # names os without importing it
    }
    for data, names in cases.items():
        assert [r.name for r in extract_python_file("app.py", data).reads] == names, data
    sets = extract_python_file("app.py", b'from os import putenv as p\np("B", "1")\n').process_sets
    assert [s.name for s in sets] == ["B"]


def test_launches_are_found_with_the_subprocess_anchor() -> None:
    data = b'from asyncio import create_subprocess_exec as run\n\nasync def f():\n    await run("worker")\n'
    assert len(extract_python_file("app.py", data).launch_sites) == 1
    assert extract_python_file("app.py", b'import asyncio\nasyncio.run(main())\n').launch_sites == ()


_SAMPLES = (
    b'import os\nfrom os import environ\nfrom app.util import env as e\nimport app.conf as c\n\n'
    b'def f(x):\n    for k in environ:\n        pass\n    g(os.environ)\n    c.env("A", x)\n    e("B")\n'
    b'    environment = 1\n    s = "environ"  # environ\n    return x.environ, environ.get("C")\n',
    b'\xef\xbb\xbfimport app.h as h\r\nh.read("A")\r\n\r\nx = "\xc3\xa9t\xc3\xa9"; h.read("\xc3\xa9", b=x)\n',
    b'from app import a\nfrom . import b\n\xc3\xa9a = 1\na("X")\nb.c.d("Y")\n(a)("Z")\n"a".join(a("W"))\n',
    b'import app.x as x\nx.f("A"\n',  # a syntax error: no shortcut
    b'import os as o\nfrom os import environ as E, getenv\nimport os.path as p\nE["A"]\no.environ.get("B")\n'
    b'getenv("C")\nif "D" in E: pass\no.putenv("E", "1")\nE["F"] = "2"\np.getenv("G")\nos.getenv("H")\n'
    b'(o).environ["I"]\nx = o\nx.environ["J"]\n',
)


def test_environ_uses_found_by_bytes_are_the_query_s() -> None:
    import tree_sitter
    from envlint.extract import syntax
    from envlint.extract.python.whole_env import _environ_uses

    query = tree_sitter.Query(syntax.language("python"), '((identifier) @e (#eq? @e "environ"))')
    for data in _SAMPLES:
        tree = syntax.parse("python", data)
        index = type("Index", (), {"source": syntax.Source("a.py", data), "root": tree.root_node})
        expected = [m["e"][0] for _, m in tree_sitter.QueryCursor(query).matches(tree.root_node)]
        assert sorted(n.start_byte for n in _environ_uses(index)) == [n.start_byte for n in expected], data


def test_locations_without_line_table_are_the_table_s() -> None:
    from envlint.extract import syntax
    from envlint.extract.python.file import _Source

    for data in _SAMPLES + (b"a = 1\rb = '\xc3\xa9'\r\nc = 3\n\n\n  d\n",):
        tree = syntax.parse("python", data)
        slow, fast = syntax.Source("a.py", data), _Source("a.py", data)
        for node in syntax.walk(tree.root_node):
            assert fast.location(node) == slow.location(node), (data, node)


def test_facts_found_without_the_byte_shortcuts_are_the_same(monkeypatch) -> None:
    from envlint.extract.python import helpers, names

    fast = [extract_python_file("app/m.py", data) for data in _SAMPLES]
    monkeypatch.setattr(helpers, "_callee_names", lambda index, local: None)
    monkeypatch.setattr(names.FileIndex, "spellings", lambda self, module: None)
    assert [extract_python_file("app/m.py", data) for data in _SAMPLES] == fast
    assert any(f.extra and f.extra.calls for f in fast)
    assert [r.name for r in fast[-1].reads] == ["A", "B", "C", "D"]  # `(o).environ` is not followed
    assert [s.name for s in fast[-1].process_sets] == ["E", "F"]


def test_combined_queries_know_the_owner_of_each_pattern() -> None:
    from envlint.extract import syntax

    for lang in ("python", "go"):
        names = tuple(sorted(p.stem for p in (syntax.rules_dir() / lang).glob("*.scm")))
        _, owners = syntax._combined(lang, names)
        assert list(owners) == [n for n in names for _ in range(syntax.query(lang, n).pattern_count)]


def test_a_file_run_with_all_queries_keeps_only_what_it_wants() -> None:
    from envlint.extract import syntax
    from envlint.extract.python.file import _ALL, _queries

    data = _SAMPLES[0] + b'import subprocess\nsubprocess.run(["a"])\nos.putenv("K", "v")\n'
    names, empty, _ = _queries(data)
    assert "subprocess_calls" in names and "docker_sdk_calls" in empty
    answers = []
    for run in (None, _ALL):
        tree = syntax.parse("python", data)
        syntax.prefetch("python", tree.root_node, data, names, empty, run)
        answers.append({n: [{k: [(x.type, x.start_byte) for x in v] for k, v in m.items()}
                            for m in syntax.matches("python", n, tree.root_node)] for n in names + empty})
        syntax.release()
    assert answers[0] == answers[1] and answers[0]["env_sets"] and not answers[0]["docker_sdk_calls"]
