"""Every rule is documented the way `envlint rules` and the README need; every query compiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from envlint.checks import RULES
from envlint.extract.syntax import compile_all, rules_dir

# ruff's sections, and what the rule deliberately leaves out (issue 10): a reader judging a silence
# needs it as much as one judging a finding.
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## What it does not report", "## Fix")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_documentation(rule) -> None:
    assert re.fullmatch(r"ENV\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.severity in ("error", "warning", "note")
    positions = [rule.doc.find(section) for section in SECTIONS]
    assert -1 not in positions and positions == sorted(positions)
    assert rule.module.endswith(f"{rule.code.lower()}_{rule.name.replace('-', '_')}")


def test_the_rule_table_matches_the_rules_modules() -> None:
    # What the filter, the suppressions and the statistics read without importing the rules.
    from envlint.checks.table import TABLE

    assert [tuple(r) for r in TABLE] == [(r.code, r.name, r.severity, r.enabled_by_default) for r in RULES]


def test_a_cached_run_imports_no_rule(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "app.py").write_text('import os\nos.getenv("A")\n', encoding="utf-8")
    probe = ("import sys; from click.testing import CliRunner; from envlint.cli import main; "
             f"r = CliRunner().invoke(main, ['check', {str(tmp_path)!r}]); "
             "print(r.exit_code, sorted(m for m in sys.modules if m.startswith('envlint.checks')))")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    # The first run checks (every rule); the second is answered by the whole-run cache.
    assert "envlint.checks.env001_read_never_set" in runs[0]
    assert runs[1] == "0 ['envlint.checks', 'envlint.checks.table']\n"



def test_a_run_imports_the_extractors_it_uses(tmp_path: Path) -> None:
    """Extractors are imported by the units that need them (extract/run.py): a Python repository
    does not pay for loading the Go extractor, nor a Go one for the Python extractor."""
    import subprocess
    import sys

    (tmp_path / "py").mkdir()
    (tmp_path / "py" / "app.py").write_text('import os\nos.getenv("A")\n', encoding="utf-8")
    (tmp_path / "go").mkdir()
    (tmp_path / "go" / "main.go").write_text('package main\n\nimport "os"\n\nfunc main() { os.Getenv("A") }\n',
                                             encoding="utf-8")
    # Nor does a small repository's run load a worker pool, a grammar or a renderer it does not use.
    probe = ("import sys; from click.testing import CliRunner; from envlint.cli import main; "
             "r = CliRunner().invoke(main, ['check', '--no-cache', sys.argv[1]]); "
             "print(r.exit_code, [m for m in ('envlint.extract.golang.package', 'envlint.extract.python.file', "
             "'tree_sitter_go', 'tree_sitter_python', 'multiprocessing', 'envlint.render.junit', "
             "'envlint.render.text') if m in sys.modules])")
    found = [subprocess.run([sys.executable, "-c", probe, str(tmp_path / tree)], capture_output=True, text=True,
                            check=True).stdout for tree in ("py", "go")]
    assert found == ["0 ['envlint.extract.python.file', 'tree_sitter_python', 'envlint.render.text']\n",
                     "0 ['envlint.extract.golang.package', 'tree_sitter_go', 'envlint.render.text']\n"]

def test_every_query_compiles() -> None:
    assert sorted(p.parent.name for p in rules_dir().glob("*/*.scm")) != []
    assert compile_all() == []


def test_query_folders_are_one_per_language() -> None:
    assert sorted(p.name for p in rules_dir().iterdir() if p.is_dir()) == ["go", "python"]


def test_readme_rule_table_is_generated_from_the_rule_docs() -> None:
    from envlint.docs import END, START, with_table

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme
    assert readme == with_table(readme), "README rule table is stale: run `python -m envlint.docs`"


def test_pre_commit_hook_runs_on_exactly_the_files_envlint_reads() -> None:
    import yaml

    from envlint.discover import classify

    (hook,) = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("envlint", "envlint check", "python")
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    files = re.compile(hook["files"])
    names = ["main.go", "app.py", "compose.yaml", "docker-compose.prod.yml", "deploy.yml", "run.sh", "_helpers.tpl",
             ".env", ".env.example", "prod.env", "Dockerfile", "Dockerfile.dev", "api.Dockerfile", "Makefile",
             "rules.mk", "go.mod", "pyproject.toml", "setup.py", "setup.cfg", "Kustomization",
             "README.md", "notes.txt", "package.json", "main.rs", ".envrc", "docker-compose-dev.yml", "Dockerfile_worker",
             "Dockerfile-api", "Containerfile", "Containerfile.dev", "api.dockerfile", "makefile", "GNUmakefile",
             "compose-notes.txt", "mydockerfile.txt"]
    for name in names:
        assert bool(files.search(f"some/dir/{name}")) == (classify(name) is not None), name


def test_every_file_kind_and_site_kind_has_its_registry_entry() -> None:
    """A new launcher is one extractor, one registry entry (envlint/kinds.py) and fixtures: every kind
    that discovery can name and every launch-site kind has its entry."""
    import re
    import typing

    from envlint import filenames
    from envlint.kinds import FILE_KINDS, SITE_KINDS
    from envlint.model import LaunchSite

    named = set(re.findall(r'"([a-z-]+)"', filenames.classify.__doc__ or ""))
    assert named and named <= set(FILE_KINDS), named - set(FILE_KINDS)
    site_kinds = set(typing.get_args(typing.get_type_hints(LaunchSite)["kind"]))
    assert site_kinds == set(SITE_KINDS)


def test_a_suppression_stands_in_every_kind_of_file_that_has_comments() -> None:
    """Comment styles come from the registry, so a systemd unit or a Procfile (not known to the old
    name-based table) takes an `envlint: ignore` comment."""
    from envlint.comments import scan

    assert [c.text for c in scan("deploy/app.service", "[Service]\n# envlint: ignore[ENV001]\n").comments] == [
        "# envlint: ignore[ENV001]"]
    assert [c.text for c in scan("Procfile", "web: ./run  # envlint: ignore[ENV002]\n").comments] == [
        "# envlint: ignore[ENV002]"]
    assert scan("conf/app.xml.template", "<a># not a comment</a>\n").comments == ()


def test_records_between_stages_are_built_by_keyword() -> None:
    """Every record of envlint/model.py and envlint/builds.py but Location (a coordinate triple) is
    kw_only: a record whose fields grow cannot be built with arguments in the wrong places."""
    import dataclasses

    import envlint.builds
    import envlint.model

    records = [obj for module in (envlint.model, envlint.builds) for obj in vars(module).values()
               if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__]
    positional = sorted(r.__name__ for r in records
                        if any(f.init and not f.kw_only for f in dataclasses.fields(r)))
    assert len(records) > 20 and positional == ["Location"]


def test_installed_versions_are_importlib_metadata_s() -> None:
    # The cache keys' versions come from pip's `.dist-info` folder names (extract/versions.py).
    from importlib import metadata

    from envlint.extract.cache import _DISTRIBUTIONS
    from envlint.extract.versions import installed_version

    for distribution, module in _DISTRIBUTIONS + (("click", "click"), ("pytest", "pytest")):
        assert installed_version(distribution, module) == metadata.version(distribution)
    assert installed_version("no-such-distribution", "no_such_module") == "-"
