"""Properties over generated inputs: no input ends in a traceback or exit 2, every fact's location is
inside its file, the names read are the names written, and a file's facts do not depend on its neighbours.

The profile (tests/conftest.py, `HYPOTHESIS_PROFILE`) bounds the examples: "ci" is small and
derandomized; "long" searches wider.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from envlint.discover import discover
from envlint.extract.run import extract_all
from envlint.model import FileFacts, Location

from .conftest import run_cli

RULES = Path(__file__).parent / "fixtures" / "rules"

# One name per kind of file envlint reads a program or a launch site from.
NAMES = ("main.py", "main.go", "docker-compose.yml", "Dockerfile", ".env", "run.sh",
         "charts/app/templates/deployment.yaml")

# Bytes that are mostly text in the syntax of the files above, so the generator reaches the parsers
# rather than the UTF-8 check, plus any byte at all.
_SYNTAX = st.sampled_from([b"\n", b" ", b"  ", b":", b"-", b"=", b"$", b"{", b"}", b"(", b")", b"[", b"]",
                           b'"', b"'", b"#", b"{{", b"}}", b"${", b"os.getenv(", b"os.Getenv(", b"environment:",
                           b"env:", b"ENV ", b"export ", b"import os\n", b"package main\n", b"services:\n",
                           b"FOO", b"\t", b"\\", b"\xc3\xa9", b"\xff", b"\r", b"\r\n", "\u2028".encode(),
                           b"def f(:", b"{{ .Values.x }}", b"${A:-b}", b"\n  - ", b"image: x\n", b"ENV A=1 B=2\n",
                           b"environment:\n      A: 1\n", b'os.getenv("A")\n', b"func main() {"])
_TEXTISH = st.lists(st.one_of(_SYNTAX, st.binary(max_size=4)), max_size=40).map(b"".join)
CONTENT = st.one_of(st.binary(max_size=200), _TEXTISH)


def _check_in(root: Path) -> tuple[int, str]:
    result = run_cli("check", "--output-format", "json", cwd=root)  # an exception fails the test
    return result.exit_code, result.stdout + result.stderr


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


@given(st.dictionaries(st.sampled_from(NAMES), CONTENT, min_size=1, max_size=4))
def test_any_bytes_in_any_kind_of_file_is_a_finding_never_a_crash(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, files)
        code, output = _check_in(root)
    assert code in (0, 1), output
    assert "Traceback" not in output


def _fixture_files() -> list[Path]:
    return sorted(p for p in RULES.rglob("*") if p.is_file() and not p.name.startswith("expected"))


FIXTURE_FILES = _fixture_files()
CONFIG_FILES = ("pyproject.toml", "envlint.toml")  # at the root: the run's configuration, not a program's


def _mutate(data: bytes, kind: str, where: int, byte: int) -> bytes:
    """One mutation of the kinds a half-edited or damaged file shows."""
    lines = data.splitlines(keepends=True)
    if kind == "flip" and data:
        at = where % len(data)
        return data[:at] + bytes([data[at] ^ byte]) + data[at + 1:]
    if kind == "truncate":
        return data[:where % (len(data) + 1)]
    if kind == "duplicate" and lines:
        at = where % len(lines)
        return b"".join(lines[:at + 1] + lines[at:])
    if kind == "delete" and lines:
        at = where % len(lines)
        return b"".join(lines[:at] + lines[at + 1:])
    return data


MUTATION = st.tuples(st.sampled_from(["flip", "truncate", "duplicate", "delete"]),
                     st.integers(0, 10_000), st.integers(1, 255))


@given(st.sampled_from(FIXTURE_FILES), st.lists(MUTATION, min_size=1, max_size=3))
# Found by the long profile: a Dockerfile left unread (not UTF-8) copies no script, so the script a
# compose command runs was read at that site only, and ENV007 looked its read up among the image's.
@example(RULES / "ENV007" / "positive-compose-command-runs-copied-script" / "app" / "Dockerfile", [("flip", 0, 128)])
def test_a_damaged_fixture_repository_is_still_analysed(target: Path, mutations: list[tuple[str, int, int]]) -> None:
    fixture = next(p for p in target.parents if p.parent.parent == RULES)  # tests/fixtures/rules/ENVxxx/case
    files = {str(p.relative_to(fixture)): p.read_bytes() for p in fixture.rglob("*")
             if p.is_file() and not p.name.startswith("expected")}
    name = str(target.relative_to(fixture))
    for kind, where, byte in mutations:
        files[name] = _mutate(files[name], kind, where, byte)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, files)
        code, output = _check_in(root)
    assert "Traceback" not in output
    if code == 2:
        # Only envlint's own configuration may stop the run, with one line saying why (documented exit 2).
        assert name in CONFIG_FILES and output.startswith("envlint: error: ") and output.count("\n") <= 2, output
    else:
        assert code in (0, 1), output


Access = tuple[str, str, str, str, str]  # name, default or value, shape, a line before it, text before it
# Names: upper-case identifiers, the shape environment variables have.
VAR = st.from_regex(r"[A-Z][A-Z0-9_]{0,10}", fullmatch=True)
DEFAULT = st.text(st.sampled_from("abc:/._-019 "), max_size=8)
PAD = st.sampled_from(["", " ", "    ", "# é comment", "x = 1", "\t"])
# Text before the access on its line: columns count characters, not UTF-8 bytes.
PREFIX = st.sampled_from(["", 's = "é€😀"; ', "y = 2; "])


def _python(reads: list[Access]) -> str:
    lines = ["import os", ""]
    for index, (name, default, shape, pad, prefix) in enumerate(reads):
        lines.append(pad)
        if shape == "getenv":
            lines.append(f'{prefix}v{index} = os.getenv("{name}", "{default}")')
        elif shape == "subscript":
            lines.append(f'{prefix}v{index} = os.environ["{name}"]')
        else:
            lines.append(f'{prefix}os.environ["{name}"] = "{default}"')
    return "\n".join(lines) + "\n"


def _go(reads: list[Access]) -> str:
    lines = ["package main", "", 'import "os"', "", "func main() {"]
    for name, default, shape, pad, prefix in reads:
        lines.append("\t// " + pad)
        go_prefix = prefix.replace("=", ":=").replace("s :=", "_ =").replace("y :=", "_ =")
        if shape == "set":
            lines.append(f'\t{go_prefix}os.Setenv("{name}", "{default}")')
        else:
            lines.append(f'\t{go_prefix}_ = os.Getenv("{name}")')
    return "\n".join(lines + ["}"]) + "\n"


def _compose(sets: list[Access]) -> str:
    """The map form, the list form or the flow form, chosen by the first access."""
    lines = ["services:", "  app:", "    image: acme/app", "    environment:"]
    form = sets[0][2]
    if form == "getenv":
        lines += [f'      {name}: "{default}"' for name, default, _, _, _ in sets]
    elif form == "subscript":
        lines += [f'      - "{name}={default}"' for name, default, _, _, _ in sets]
    else:
        lines[-1] += " {" + ", ".join(f'{name}: "{default}"' for name, default, _, _, _ in sets) + "}"
    return "\n".join(lines) + "\n"


ACCESS = st.tuples(VAR, DEFAULT, st.sampled_from(["getenv", "subscript", "set"]), PAD, PREFIX)
ACCESSES = st.lists(ACCESS, min_size=1, max_size=6, unique_by=lambda a: a[0])


def _extract(root: Path) -> dict[str, FileFacts]:
    found = discover(root, (root,), ())
    return {f.path: f for f in extract_all(root, found.files)[0]}


# What counts as a line break differs: "\n" for tree-sitter's Go, also a lone "\r" for Python and
# editors, also NEL and U+2028 for YAML. A location is inside its file when some convention has it.
_BREAKS = (re.compile("\n"), re.compile("\r\n|\r|\n"), re.compile("\r\n|[\r\n\x85\u2028\u2029]"))


def _inside(location: Location, texts: dict[str, str]) -> bool:
    for breaks in _BREAKS:
        lines = breaks.split(texts[location.path])
        if 1 <= location.line <= len(lines) and 1 <= location.column <= len(lines[location.line - 1]) + 1:
            return True
    return False


@given(ACCESSES, ACCESSES, ACCESSES)
def test_every_location_is_inside_its_file_and_the_names_read_are_the_names_written(
        python: list[Access], go: list[Access],
        compose: list[Access]) -> None:
    texts = {"app/main.py": _python(python), "cmd/main.go": _go(go), "docker-compose.yml": _compose(compose)}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, {name: text.encode() for name, text in texts.items()})
        facts = _extract(root)
    assert not [p for f in facts.values() for p in f.problems]
    locations = [r.location for f in facts.values() for r in f.reads]
    locations += [s.location for f in facts.values() for s in f.process_sets]
    locations += [x for f in facts.values() for site in f.launch_sites for x in
                  (site.location, *(s.location for s in site.sets))]
    assert [x for x in locations if not _inside(x, texts)] == []
    assert sorted(r.name for r in facts["app/main.py"].reads) == sorted(n for n, _, s, _, _ in python if s != "set")
    assert sorted(r.name for r in facts["cmd/main.go"].reads) == sorted(n for n, _, s, _, _ in go if s != "set")
    sets = [s.name for site in facts["docker-compose.yml"].launch_sites for s in site.sets]
    assert sorted(sets) == sorted(n for n, _, _, _, _ in compose)


def _reads(facts: FileFacts) -> list[tuple[str | None, Location, str]]:
    return sorted((r.name, r.location, r.form) for r in facts.reads)


@given(ACCESSES, ACCESSES, st.dictionaries(st.sampled_from(["lib/util.py", "cmd/other.go", "cmd/main_b.go",
                                                            "docker-compose.yml", "run.sh"]),
                                          ACCESSES, max_size=3))
def test_a_files_reads_do_not_depend_on_the_other_files(
        python: list[Access], go: list[Access],
        others: dict[str, list[Access]]) -> None:
    render = {".py": _python, ".go": _go, ".yml": _compose,
              ".sh": lambda a: "".join(f'echo "${n}"\nexport {n}=1\n' for n, _, _, _, _ in a)}
    alone = {"app/main.py": _python(python), "cmd/main.go": _go(go)}
    together = dict(alone, **{name: render[Path(name).suffix](a) for name, a in others.items()})
    results = []
    for files in (alone, together):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            _write(root, {name: text.encode() for name, text in files.items()})
            results.append(_extract(root))
    for path in alone:
        assert _reads(results[0][path]) == _reads(results[1][path]), path


@given(st.dictionaries(st.sampled_from(NAMES), _TEXTISH, min_size=1, max_size=4))
def test_every_location_in_any_text_is_inside_its_file(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, files)
        facts = _extract(root)
    texts = {}
    for name, data in files.items():
        try:
            texts[name] = data.decode("utf-8")
        except UnicodeDecodeError:  # located by byte, in a file that is not text
            continue
    locations = [x for f in facts.values() if f.path in texts for x in (
        *(r.location for r in f.reads), *(s.location for s in f.process_sets), *(p.location for p in f.problems),
        *(site.location for site in f.launch_sites), *(s.location for site in f.launch_sites for s in site.sets))]
    assert [x for x in locations if not _inside(x, texts)] == []
