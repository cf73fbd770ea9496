"""Cross-package Go resolution: each folder under tests/patterns/go_repos is a small module. Every
package is extracted on its own (as the pipeline does), then `resolve_go` completes the names that hold
another package's constants and the calls of another package's wrappers."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from envlint.describe import facts_by_location
from envlint.extract.golang.package import extract_go_package
from envlint.model import Default, FileFacts, Location
from envlint.resolve.go import resolve_go

ROOT = Path(__file__).parent / "patterns" / "go_repos"


def _module(case: str) -> tuple[list[FileFacts], dict[str, str]]:
    folder = ROOT / case
    module = (folder / "go.mod").read_text().splitlines()[0].split()[1]
    packages: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for path in sorted(folder.rglob("*.go")):
        rel = path.relative_to(folder).as_posix()
        packages[rel.rpartition("/")[0] or "."].append((rel, path.read_bytes()))
    facts = [f for files in packages.values() for f in extract_go_package(files)]
    assert [p for f in facts for p in f.problems] == []
    return facts, {".": module}


def _file(facts: list[FileFacts], path: str) -> FileFacts:
    return next(f for f in facts if f.path == path)


def _reads(facts: FileFacts) -> list[tuple]:
    return [(r.name, r.location.line, r.location.column, r.default, r.required, r.form, r.condition)
            for r in facts.reads]


def test_constants_of_another_package_complete_reads_and_launch_entries() -> None:
    extracted, modules = _module("constants")
    before = _file(extracted, "cmd/x/main.go")
    assert [r.name for r in before.reads] == [None, None, None] and before.reads_dynamic
    after = _file(resolve_go(extracted, modules), "cmd/x/main.go")
    assert _reads(after) == [
        (
            "OLLAMA_BASE_URL",
            13,
            9,
            Default(kind="literal", values=("http://localhost:11434",), covers_empty=True),
            False,
            "os.Getenv",
            None,
        ),
        ("AGENT_TOKEN_FILE", 17, 15, Default(), True, "os.LookupEnv", None),
        (None, 21, 6, Default(), False, "os.Getenv", None),  # config.Unknown: no such constant
    ]
    assert after.reads_dynamic
    docker, worker, kube = after.launch_sites
    assert [(s.name, s.value, s.passthrough, s.location) for s in docker.sets] == [
        ("OLLAMA_BASE_URL", None, False, Location("cmd/x/main.go", 22, 40)),
        ("AGENT_TOKEN", None, True, Location("cmd/x/main.go", 22, 83)),
    ]
    # An exec Env entry without "=" is ignored by Go: the resolved `config.EnvMode` entry is dropped.
    assert [(s.name, s.value, s.location.column) for s in worker.sets] == [
        ("MODE", "fast", 21), ("AGENT_TOKEN", None, 47)]
    assert [(s.name, s.value) for s in kube.sets] == [("MODE", "k8s")]


def test_unexported_constants_are_not_offered_to_other_packages() -> None:
    extracted, _ = _module("constants")
    extra = _file(extracted, "internal/config/config.go").extra
    assert dict(extra.constants) == {"EnvMode": "MODE", "EnvOllamaBaseURL": "OLLAMA_BASE_URL",
                                     "EnvToken": "AGENT_TOKEN", "Image": "ghcr.io/acme/agent:1"}


def test_wrappers_of_another_package_are_reads_with_their_defaults() -> None:
    extracted, modules = _module("wrappers")
    before = _file(extracted, "cmd/api/main.go")
    # Before resolution, calls of a package named like env with an upper-case name are guesses.
    assert [(r.name, r.form) for r in before.reads] == [
        ("PORT", "env helper envutil.Get"), ("HOST", "env helper envutil.Get"),
        ("NOT_A_READ", "env helper envutil.Lookup"), ("OUTSIDE_KEY", "env helper outside.MustGet"),
        ("LOCAL_ONLY", "env helper envutil.Get")]
    after = _file(resolve_go(extracted, modules), "cmd/api/main.go")
    assert _reads(after) == [
        (
            "PORT",
            16,
            6,
            Default(kind="expression", text="defaultPort", covers_empty=True),
            False,
            "wrapper envutil.Get",
            None,
        ),
        (
            "HOST",
            17,
            6,
            Default(kind="literal", values=("0.0.0.0",), covers_empty=True),
            False,
            "wrapper envutil.Get",
            None,
        ),
        ("SHOP_SECRET", 18, 6, Default(), True, "wrapper envutil.MustGet", None),
        ("OUTSIDE_KEY", 20, 6, Default(), True, "env helper outside.MustGet", None),
        (
            "LOCAL_ONLY",
            23,
            7,
            Default(kind="literal", values=("",), covers_empty=True),
            False,
            "wrapper envutil.Get",
            'mode == "local"',
        ),
        # A wrapper whose name is not its first parameter (a context comes first).
        ("GC_PERIOD", 25, 6, Default(), False, "wrapper envutil.DurationOr", None),
    ]
    assert not after.reads_dynamic


def test_resolution_returns_new_facts_and_leaves_other_files_alone() -> None:
    extracted, modules = _module("wrappers")
    resolved = resolve_go(extracted, modules)
    assert [f.path for f in resolved] == [f.path for f in extracted]
    library = _file(resolved, "pkg/envutil/envutil.go")
    assert library is _file(extracted, "pkg/envutil/envutil.go")
    assert [r.name for r in library.reads] == ["FIXED_NAME"]
    # Without the module (another repository's import path), nothing is completed.
    assert resolve_go(extracted, {".": "example.com/other"}) == extracted


def test_descriptions_after_resolution() -> None:
    extracted, modules = _module("constants")
    rows = [text for _, text in facts_by_location(_file(resolve_go(extracted, modules), "cmd/x/main.go"))]
    assert 'read OLLAMA_BASE_URL default="http://localhost:11434"' in rows
    assert "set AGENT_TOKEN passthrough" in rows


def test_calls_into_the_standard_library_are_not_recorded_for_the_resolver() -> None:
    """A call into a standard-library package can never be one of the repository's wrappers (no module
    can be imported under `fmt` or `net/...`), so only calls into other packages wait for the resolver,
    a module path without a dot (`module app`) included."""
    source = b'''package main

import (
	"fmt"
	"net/url"
	"app/config"
	cfg "github.com/acme/app/settings"
)

func main() {
	fmt.Println("HOME")
	url.Parse("http://x")
	config.Get("DB_URL")
	cfg.Lookup(nil, "TOKEN")
}
'''
    [facts] = extract_go_package([("main.go", source)], everything=True)  # no prefilter anchor: in full
    calls = [(c.package, c.name, c.location.line) for c in facts.extra.calls]
    assert calls == [("app/config", "Get", 13), ("github.com/acme/app/settings", "Lookup", 14)]
