"""Light files (envlint/extract/golang/light.py): the files of a whole Go package that the byte
prefilter does not want get no fact extraction of their own, unless they spell one of the package's
wrappers; a light file that spells another package's exported wrapper gets its package extracted again
in full (go_units.light_promoted). The findings never depend on it (tests/test_prefilter.py)."""

from __future__ import annotations

from pathlib import Path

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
