"""Cross-module resolution of Python facts: each folder of tests/patterns/python_repos is a small
repository; every file is extracted on its own, then envlint.resolve.python completes the reads."""

from __future__ import annotations

from pathlib import Path

from envlint.extract.python.file import extract_python_file
from envlint.model import Default, FileFacts, Location
from envlint.resolve.python import resolve_python

REPOS = Path(__file__).parent / "patterns" / "python_repos"


def resolved(case: str) -> dict[str, FileFacts]:
    root = REPOS / case
    facts = [extract_python_file(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(root.rglob("*.py"))]
    return {f.path: f for f in resolve_python(facts)}


def rows(facts: FileFacts) -> list[tuple]:
    return [(r.name, r.location, r.default, r.required, r.form, r.condition) for r in facts.reads]


def test_constants_from_other_modules():
    facts = resolved("constants")
    main = facts["app/main.py"]
    loc = lambda line, col: Location("app/main.py", line, col)  # noqa: E731
    assert rows(main) == [
        (
            "OLLAMA_BASE_URL",
            loc(10, 11),
            Default(kind="literal", values=("http://localhost:11434",)),
            False,
            "os.getenv",
            None,
        ),
        ("API_TOKEN", loc(11, 13), Default(), True, "os.environ[]", None),  # `TOKEN_VAR as TOKEN`
        ("APP_MODE", loc(12, 17), Default(), False, "os.getenv", None),  # `c.MODE_VAR`, a concatenation
        ("OLLAMA_BASE_URL", loc(14, 17), Default(), False, "os.environ.get", 'mode == "local"'),  # re-export
        (None, loc(15, 15), Default(), False, "os.getenv", None),  # from a module not in the repository
    ]
    assert main.reads_dynamic is True
    assert all(f.reads == () for p, f in facts.items() if p != "app/main.py")


def test_settings_base_class_and_nested_model_in_other_modules():
    facts = resolved("settings_base")
    config = facts["src/svc/config.py"]
    base = Location("src/shared/base.py", 7, 5)
    own = lambda line: Location("src/svc/config.py", line, 5)  # noqa: E731
    assert [(r.name, r.location, r.default, r.required, r.function) for r in config.reads] == [
        ("API_LOG_LEVEL", base, Default(kind="literal", values=("INFO",)), False, "ApiSettings"),
        ("API_SENTRY_DSN", Location("src/shared/base.py", 8, 5), Default(), True, "ApiSettings"),
        ("API_PORT", own(10), Default(kind="literal", values=("8000",)), False, "ApiSettings"),
        # env_nested_delimiter is inherited from the base's model_config, env_prefix from the subclass
        ("API_DB__HOST", own(11), Default(kind="literal", values=("localhost",)), False, "ApiSettings"),
        ("API_DB__PASSWORD", own(11), Default(), True, "ApiSettings"),
    ]
    assert {r.form for r in config.reads} == {"pydantic-settings"}
    # The base is only a base: LOG_LEVEL without the prefix is no read; a model is no settings class.
    assert facts["src/shared/base.py"].reads == ()
    assert facts["src/shared/models.py"].reads == ()
    assert [d.path for d in facts["src/shared/base.py"].extra.dotenv] == [".env"]


def test_base_class_alone_keeps_its_reads_before_resolution():
    root = REPOS / "settings_base"
    base = extract_python_file("src/shared/base.py", (root / "src/shared/base.py").read_bytes())
    assert [r.name for r in base.reads] == ["LOG_LEVEL", "SENTRY_DSN"]
    config = extract_python_file("src/svc/config.py", (root / "src/svc/config.py").read_bytes())
    assert config.reads == () and config.extra.unresolved_classes == ("ApiSettings", "Unrelated")


def test_helpers_in_another_module():
    facts = resolved("helpers")
    loc = lambda line, col: Location("app/main.py", line, col)  # noqa: E731
    assert rows(facts["app/main.py"]) == [
        (
            "SERVICE_URL",
            loc(7, 11),
            Default(kind="literal", values=("http://localhost:8080",)),
            False,
            "helper env",
            None,
        ),
        ("SECRET", loc(8, 14), Default(), True, "helper need", None),
        ("FROM_CONSTANT", loc(9, 13), Default(), False, "helper env", None),
        ("BY_KEYWORD", loc(11, 19), Default(kind="literal", values=("3",)), False, "helper env", "flag"),
    ]
    assert [r.function for r in facts["app/main.py"].reads] == ["main"] * 4
    # the helpers' own reads are no facts: their name is whatever a caller passes, and the calls are the reads
    assert facts["app/util.py"].reads == ()
    assert facts["app/util.py"].reads_dynamic is False


def test_resolution_without_python_extra_is_identity():
    facts = [FileFacts(path="a.go", language="go"), extract_python_file("b.py", b"x = 1\n")]
    assert resolve_python(facts) == facts


def test_resolution_returns_new_facts_and_keeps_inputs():
    root = REPOS / "helpers"
    facts = [extract_python_file(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(root.rglob("*.py"))]
    before = [f.reads for f in facts]
    resolve_python(facts)
    assert [f.reads for f in facts] == before


def test_calls_of_names_a_star_import_brings_in():
    """`from m import *` then `env("X", "d")`: a helper of m (or of a module m star-imports) reads X; an
    unrecognised function of a module that reads the environment is taken to read X; a module outside
    the repository leaves the file's reads incomplete, and a function of it named for the environment
    (env, get_env) is taken to read X."""
    facts = resolved("star_helpers")
    loc = lambda line, col: Location("app/settings.py", line, col)  # noqa: E731
    assert rows(facts["app/settings.py"]) == [
        ("CHAINED_HOST", loc(5, 8), Default(kind="literal", values=("db",)), False, "helper env", None),
        ("LOOKUP_TIMEOUT", loc(6, 11), Default(kind="literal", values=("5",)), False, "call lookup", None),
    ]
    assert facts["app/settings.py"].reads_dynamic is False
    out = lambda line, col: Location("app/outside.py", line, col)  # noqa: E731
    how = ", from a star import outside the repository"
    assert rows(facts["app/outside.py"]) == [
        ("EVENT_RETENTION_DAYS", out(3, 17), Default(kind="literal", values=("90",)), False, "call env" + how, None),
        ("MAIL_HOST", out(4, 8), Default(kind="literal", values=("localhost",)), False, "call get_env" + how, None),
    ]
    assert facts["app/outside.py"].reads_dynamic is True


def test_env_named_functions_imported_from_outside_the_repository():
    """`from framework.conf.server import env` then `env("X", "d")` reads X; `set_env` and `make_env` do not."""
    facts = resolved("star_helpers")
    loc = lambda line, col: Location("app/imported.py", line, col)  # noqa: E731
    how = ", imported from outside the repository"
    assert rows(facts["app/imported.py"]) == [
        ("EXPLICIT_IMPORT", loc(6, 5), Default(kind="literal", values=("1",)), False, "call env" + how, None),
        ("ALIASED_IMPORT", loc(7, 5), Default(), False, "call get_env" + how, None),
        ("MODULE_ATTRIBUTE", loc(8, 5), Default(), False, "call env" + how, None),
    ]
    assert facts["app/imported.py"].reads_dynamic is False
