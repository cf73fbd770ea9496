"""Structured guards of reads (envlint/extract/golang/guards.py, envlint/extract/python/guards.py): the
tests of another variable's value around a read (in Go also around every call of its function)."""

from __future__ import annotations

from envlint.extract.golang.package import extract_go_package
from envlint.model import Guard

SOURCE = b'''package main

import (
	"os"
	"strings"
)

const on = "true"

func mustEnv(key string) string {
	v := os.Getenv(key)
	if v == "" {
		panic(key)
	}
	return v
}

func initTracing() { _ = mustEnv("COLLECTOR_ADDR"); exporter() }

func exporter() { _ = mustEnv("EXPORTER_TOKEN") }

func initProfiler() { _ = mustEnv("PROFILER_KEY") }

func twice() { _ = mustEnv("TWICE") }

func passed() { _ = mustEnv("PASSED_AS_VALUE") }

func main() {
	if os.Getenv("ENABLE_TRACING") == "1" {
		initTracing()
	}
	mode := os.Getenv("MODE")
	if mode != "" && strings.HasPrefix(mode, "x") {
		_ = os.Getenv("WITH_MODE")
	} else {
		_ = os.Getenv("NOT_BOTH")
	}
	if on == os.Getenv("PROFILE") {
		initProfiler()
	} else {
		_ = os.Getenv("PROFILE_OFF")
	}
	if os.Getenv("A") == "1" {
		twice()
	}
	twice()
	switch os.Getenv("STAGE") {
	case "prod":
		_ = os.Getenv("PROD_ONLY")
	}
	register(passed)
}

func register(f func()) { f() }
'''


def _guards() -> dict[str, tuple[tuple[Guard, ...], str | None]]:
    facts = extract_go_package([("main.go", SOURCE)])[0]
    return {r.name: (r.guards, r.condition) for r in facts.reads if r.name}


def test_guards_of_reads_and_of_calls() -> None:
    tracing = Guard(variable="ENABLE_TRACING", operator="==", value="1")
    assert _guards() == {
        "COLLECTOR_ADDR": ((tracing,), 'ENABLE_TRACING == "1"'),
        "EXPORTER_TOKEN": ((tracing,), 'ENABLE_TRACING == "1"'),  # through two calls
        "PROFILER_KEY": (
            (Guard(variable="PROFILE", operator="==", value="true"),),
            'PROFILE == "true"',
        ),  # constant, either side
        "TWICE": ((), None),  # also called without a guard
        "PASSED_AS_VALUE": ((), None),  # passed as a value: its calls are not all in sight
        "ENABLE_TRACING": ((), None),
        "MODE": ((), None),
        # a local holding the variable; the other operand of && is no guard, so the else learns nothing
        "WITH_MODE": ((Guard(variable="MODE", operator="!=", value=""),), 'mode != "" && strings.HasPrefix(mode, "x")'),
        "NOT_BOTH": ((), '!(mode != "" && strings.HasPrefix(mode, "x"))'),
        "PROFILE": ((), None),
        "PROFILE_OFF": ((Guard(variable="PROFILE", operator="!=", value="true"),), '!(on == os.Getenv("PROFILE"))'),
        "A": ((), None),
        "STAGE": ((), None),
        "PROD_ONLY": ((Guard(variable="STAGE", operator="==", value="prod"),), 'os.Getenv("STAGE") == "prod"'),
    }


def test_an_exported_function_of_a_library_package_inherits_nothing() -> None:
    source = SOURCE.replace(b"package main", b"package tracing").replace(b"initTracing", b"InitTracing")
    assert _guards()["COLLECTOR_ADDR"][0] != () and \
        {r.name: r.guards for r in extract_go_package([("t.go", source)])[0].reads}["COLLECTOR_ADDR"] == ()


PYTHON = b'''import os

if os.environ["ENABLE_TRACING"] == "1":
    ENDPOINT = os.getenv("COLLECTOR_ADDR", "localhost:4317")
if "on" != os.environ.get("FEATURE") and os.getenv("OTHER"):
    os.getenv("FEATURE_OFF")
else:
    os.getenv("FEATURE_ON")
if os.getenv("WITH_DEFAULT", "1") == "1":
    os.getenv("NO_GUARD")


def f():
    if os.getenv("MODE") == "debug":
        return os.environ["DEBUG_TOKEN"]
'''


def test_python_guards() -> None:
    from envlint.extract.python.file import extract_python_file

    facts = extract_python_file("app.py", PYTHON)
    guards = {r.name: r.guards for r in facts.reads if r.guards}
    assert guards == {
        "COLLECTOR_ADDR": (Guard(variable="ENABLE_TRACING", operator="==", value="1"),),
        "FEATURE_OFF": (Guard(variable="FEATURE", operator="!=", value="on"),),
        "DEBUG_TOKEN": (Guard(variable="MODE", operator="==", value="debug"),),
    }


SUBCOMMANDS = b'''package main

import (
	"flag"
	"os"
)

func serve() { _ = os.Getenv("SERVE_PORT") }

func work() { _ = os.Getenv("WORK_QUEUE") }

func main() {
	switch os.Args[1] {
	case "serve":
		serve()
	}
	flag.Parse()
	if flag.Arg(0) == "work" {
		work()
	}
	if os.Args[2] == "x" {
		_ = os.Getenv("NOT_A_SUBCOMMAND")
	}
}
'''


def test_the_first_argument_is_a_guard_that_makes_a_read_one_sub_commands() -> None:
    """`switch os.Args[1]` and `flag.Arg(0)` name the sub-command: its reads are guarded by the
    pseudo-variable $1, evaluated against the command a launch site runs; another index is no guard."""
    from envlint.model import FIRST_ARGUMENT

    (facts,) = extract_go_package([("cmd/app/main.go", SUBCOMMANDS)])
    guards = {r.name: r.guards for r in facts.reads}
    assert guards == {"SERVE_PORT": (Guard(variable=FIRST_ARGUMENT, operator="==", value="serve"),),
                      "WORK_QUEUE": (Guard(variable=FIRST_ARGUMENT, operator="==", value="work"),),
                      "NOT_A_SUBCOMMAND": ()}
    assert str(guards["SERVE_PORT"][0]) == 'the sub-command is "serve"'


def test_sys_argv_1_is_the_sub_command_guard_in_python() -> None:
    from envlint.extract.python.file import extract_python_file
    from envlint.model import FIRST_ARGUMENT

    source = (b'import os\nimport sys\n\nif sys.argv[1] == "serve":\n    PORT = os.environ["SERVE_PORT"]\n'
              b'elif sys.argv[2] == "x":\n    OTHER = os.environ["OTHER"]\n')
    facts = extract_python_file("app/main.py", source)
    assert {r.name: r.guards for r in facts.reads} == {
        "SERVE_PORT": (Guard(variable=FIRST_ARGUMENT, operator="==", value="serve"),),
        "OTHER": (),
    }


def test_commands_of_a_root_click_group_or_typer_app_are_sub_command_guards() -> None:
    """A command of the root group guards the reads in its function with its name (given, or the
    function's with `-` for `_`); a nested group's commands, a sub-Typer and plain functions carry none."""
    from envlint.extract.python.file import extract_python_file
    from envlint.model import FIRST_ARGUMENT

    click_source = (b'import os\n\nimport click\n\n\n@click.group()\ndef cli():\n    pass\n\n\n'
                    b'@cli.command()\ndef serve_api():\n    os.environ["SERVE_PORT"]\n\n\n'
                    b'@cli.command(name="work")\ndef worker():\n    os.environ["WORK_QUEUE"]\n\n\n'
                    b'@cli.group()\ndef db():\n    pass\n\n\n@db.command()\ndef migrate():\n    os.environ["DB_URL"]\n\n\n'
                    b'def helper():\n    return os.getenv("HELPER")\n')
    typer_source = (b'import os\n\nimport typer\n\napp = typer.Typer()\nsub = typer.Typer()\napp.add_typer(sub, name="x")\n\n\n'
                    b'@app.command()\ndef serve():\n    os.environ["SERVE_PORT"]\n\n\n'
                    b'@sub.command()\ndef inner():\n    os.environ["INNER"]\n')
    guards = {r.name: r.guards for r in extract_python_file("app/cli.py", click_source).reads}
    assert guards == {
        "SERVE_PORT": (Guard(variable=FIRST_ARGUMENT, operator="==", value="serve-api"),),
        "WORK_QUEUE": (Guard(variable=FIRST_ARGUMENT, operator="==", value="work"),),
        "DB_URL": (),
        "HELPER": (),
    }
    guards = {r.name: r.guards for r in extract_python_file("app/cli.py", typer_source).reads}
    assert guards == {"SERVE_PORT": (Guard(variable=FIRST_ARGUMENT, operator="==", value="serve"),), "INNER": ()}


def _reads_with_guards(source: bytes) -> dict[str, list[str]]:
    (facts,) = extract_go_package([("cmd/app/main.go", source)])
    return {r.name: [str(g) for g in r.guards] for r in facts.reads}


def test_top_level_cobra_and_urfave_commands_guard_their_handlers_and_callees() -> None:
    """A handler of a command added to the root (by name or as a function literal) and what it calls
    run only under that command; a nested command's and the root's reads carry no guard."""
    cobra = b'''package main

import (
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{Use: "app"}

var serveCmd = &cobra.Command{
	Use:  "serve [flags]",
	RunE: runServe,
}

func runServe(cmd *cobra.Command, args []string) error {
	_ = os.Getenv("SERVE_PORT")
	listen()
	return nil
}

func listen() { _ = os.Getenv("LISTEN_ADDR") }

func main() {
	workCmd := &cobra.Command{Use: "work", Run: func(cmd *cobra.Command, args []string) { _ = os.Getenv("WORK_QUEUE") }}
	dbCmd := &cobra.Command{Use: "db"}
	migrateCmd := &cobra.Command{Use: "migrate", Run: func(cmd *cobra.Command, args []string) { _ = os.Getenv("DB_URL") }}
	dbCmd.AddCommand(migrateCmd)
	rootCmd.AddCommand(serveCmd, workCmd, dbCmd)
	_ = os.Getenv("GLOBAL")
	_ = rootCmd.Execute()
}
'''
    assert _reads_with_guards(cobra) == {
        "SERVE_PORT": ['the sub-command is "serve"'], "LISTEN_ADDR": ['the sub-command is "serve"'],
        "WORK_QUEUE": ['the sub-command is "work"'], "DB_URL": [], "GLOBAL": []}
    urfave = b'''package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

func serve(c *cli.Context) error {
	_ = os.Getenv("SERVE_PORT")
	return nil
}

func main() {
	app := &cli.App{
		Name: "app",
		Commands: []*cli.Command{
			{Name: "serve", Action: serve},
			{Name: "db", Subcommands: []*cli.Command{{Name: "migrate", Action: func(c *cli.Context) error { _ = os.Getenv("DB_URL"); return nil }}}},
		},
	}
	_ = app.Run(os.Args)
}
'''
    assert _reads_with_guards(urfave) == {"SERVE_PORT": ['the sub-command is "serve"'], "DB_URL": []}


def test_argparse_sub_parsers_guard_the_functions_their_defaults_name() -> None:
    from envlint.extract.python.file import extract_python_file

    source = (b'import argparse\nimport os\n\n\ndef serve(args):\n    return os.environ["SERVE_PORT"]\n\n\n'
              b'def work(args):\n    return os.environ["WORK_QUEUE"]\n\n\n'
              b'def main():\n    parser = argparse.ArgumentParser()\n    sub = parser.add_subparsers()\n'
              b'    serve_parser = sub.add_parser("serve")\n    serve_parser.set_defaults(func=serve)\n'
              b'    work_parser = sub.add_parser("work", help="worker")\n    work_parser.set_defaults(handler=work)\n'
              b'    parser.parse_args().func()\n    os.getenv("GLOBAL")\n')
    reads = extract_python_file("app/cli.py", source).reads
    assert {r.name: [str(g) for g in r.guards] for r in reads} == {
        "SERVE_PORT": ['the sub-command is "serve"'], "WORK_QUEUE": ['the sub-command is "work"'], "GLOBAL": []}


def test_a_name_or_a_settings_attribute_assigned_a_read_is_that_variable_in_a_guard() -> None:
    """`MODE = os.getenv("MODE")` then `if MODE == "local":`, and `settings.mode` where the class's
    constructor assigns `self.mode = os.getenv("APP_MODE")`: both guards are structured."""
    from envlint.extract.python.file import extract_python_file

    source = (b'import os\n\nMODE = os.getenv("MODE")\n\n\nclass Settings:\n    def __init__(self):\n'
              b'        self.mode = os.getenv("APP_MODE")\n\n\nsettings = Settings()\n\n'
              b'if MODE == "local":\n    A = os.environ["LOCAL_A"]\n\nif settings.mode != "local":\n'
              b'    B = os.environ["CLOUD_B"]\n\nOTHER = os.getenv("X", "d")\nif OTHER == "y":\n    C = os.environ["C"]\n')
    guards = {r.name: [str(g) for g in r.guards] for r in extract_python_file("app/g.py", source).reads}
    assert guards == {"MODE": [], "APP_MODE": [], "LOCAL_A": ['MODE == "local"'],
                      "CLOUD_B": ['APP_MODE != "local"'], "X": [], "C": []}
