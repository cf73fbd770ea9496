"""Focused tests of the Go extractor's API and of what the pattern fixtures cannot show: locations of
targets, `via` texts, problems, hostile input, and that extraction never raises."""

from __future__ import annotations

import pytest

from envlint.extract.golang import package as golang
from envlint.extract.golang.package import extract_go_package
from envlint.model import ImportRef, Location

MAIN = b'''package main

import (
	_ "embed"
	xos "os"
	"os/exec"
)

const agentBin = "agentd"

type Server struct{}

func (s *Server) Start() {
	_ = xos.Getenv("IN_METHOD")
	go func() { _ = xos.Getenv("IN_CLOSURE") }()
	m, ok := xos.LookupEnv("MODE")
	if !ok {
		m = "fast"
	}
	u := xos.Getenv("URL")
	if u == "" {
		u = "http://localhost"
	}
	_ = exec.Command(agentBin).Run()
}

func main() {}
'''

LIB = b'''package main

import "os"

var x = os.Getenv("LIB")
'''


def _one(source: bytes, path: str = "a.go"):
    (facts,) = extract_go_package([(path, source)])
    return facts


def test_one_facts_per_file_in_input_order_with_package_imports_and_main() -> None:
    facts = extract_go_package([("cmd/x/main.go", MAIN), ("cmd/x/lib.go", LIB)])
    assert [f.path for f in facts] == ["cmd/x/main.go", "cmd/x/lib.go"]
    main, lib = facts
    assert (main.language, main.package, main.has_main) == ("go", "main", True)
    assert main.imports == (ImportRef(module="embed"), ImportRef(module="os"), ImportRef(module="os/exec"))
    assert lib.has_main is False  # package main, but func main is in another file
    assert lib.reads[0].function is None and lib.reads[0].location == Location("cmd/x/lib.go", 5, 9)


def test_read_functions_forms_and_empty_coverage() -> None:
    reads = {r.name: r for r in _one(MAIN).reads}
    assert reads["IN_METHOD"].function == "Server.Start"
    assert reads["IN_CLOSURE"].function == "Server.Start"
    assert reads["IN_METHOD"].form == "os.Getenv" and reads["MODE"].form == "os.LookupEnv"
    assert reads["IN_METHOD"].location == Location("a.go", 14, 6)
    # `if !ok` only covers an unset variable; `if u == ""` also an empty one.
    assert reads["MODE"].default.values == ("fast",) and not reads["MODE"].default.covers_empty
    assert reads["URL"].default.covers_empty


def test_program_target_stands_at_the_constant_literal() -> None:
    (site,) = _one(MAIN).launch_sites
    (target,) = site.targets
    assert (target.kind, target.value, target.via) == ("program", "agentd", "constant agentBin")
    assert target.location == Location("a.go", 9, 18)
    assert site.inherits and site.env_text.startswith("Env not assigned")


def test_wrapper_read_form_and_dynamic_flag() -> None:
    facts = _one(b'''package p
import "os"
func getEnv(k, d string) string { if v := os.Getenv(k); v != "" { return v }; return d }
func f(n string) { _ = getEnv("A", "x"); _ = os.Getenv(n + "_B") }
''')
    forms = sorted((r.name, r.form) for r in facts.reads if r.name)
    assert forms == [("A", "wrapper getEnv")]
    assert facts.reads_dynamic


def test_syntax_error_keeps_the_facts_that_parsed() -> None:
    facts = _one(b'''package p
import "os"
func ok() string { return os.Getenv("BEFORE") }
func broken( {
''')
    assert [r.name for r in facts.reads] == ["BEFORE"]
    assert [(p.kind, p.message) for p in facts.problems] == [
        ("syntax-error", "syntax error; the rest of the file was analysed")]
    assert facts.problems[0].location.line == 4


def test_long_concatenations_and_deep_nesting_do_not_exhaust_the_stack() -> None:
    name = b'"A"' + b' + "B"' * 5000
    source = b"package p\nimport \"os\"\nconst k = " + name + b"\nvar y = " + b"(" * 3000 + b"1" + b")" * 3000 + \
        b"\nfunc f() { _ = os.Getenv(k + \"_X\") }\n"
    facts = _one(source)
    assert [r.name for r in facts.reads] == ["A" + "B" * 5000 + "_X"]


def test_an_extractor_bug_costs_the_file_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args, **_kwargs):
        raise ValueError("bug")

    monkeypatch.setattr(golang, "find_launches", boom)
    facts = extract_go_package([("a.go", MAIN), ("b.go", LIB)])
    assert [f.path for f in facts] == ["a.go", "b.go"]
    assert all(f.problems[0].kind == "internal-error" for f in facts)


def test_empty_and_garbage_input_never_raise() -> None:
    for data in (b"", b"\xef\xbb\xbf", b"}}}{{{", b"package", "package p // é\n".encode()):
        (facts,) = extract_go_package([("x.go", data)])
        assert facts.path == "x.go"


CONFIG_TYPES = b'''package config

type Config struct {
	Port string `envconfig:"PORT"`
}
'''

CONFIG_LOAD = b'''package config

import "github.com/kelseyhightower/envconfig"

func Load() (c Config) {
	if true {
		envconfig.MustProcess("", &c)
	}
	return
}
'''


def test_struct_tag_reads_stand_at_the_field_in_its_own_file() -> None:
    types, load = extract_go_package([("config/types.go", CONFIG_TYPES), ("config/load.go", CONFIG_LOAD)])
    assert load.reads == ()
    (read,) = types.reads
    assert (read.name, read.form, read.function, read.condition) == ("PORT", "envconfig", "Load", "true")
    assert read.location == Location("config/types.go", 4, 2)


def test_library_forms() -> None:
    facts = _one(b'''package p
import (
	"os"
	"github.com/urfave/cli/v2"
	"github.com/spf13/viper"
)
var f = &cli.StringFlag{EnvVars: []string{"FLAG_VAR"}}
func g() { viper.AutomaticEnv(); _ = viper.GetString("k"); _ = os.ExpandEnv("$EXP") }
''')
    assert sorted((r.name, r.form) for r in facts.reads) == [
        ("EXP", "os.ExpandEnv"), ("FLAG_VAR", "urfave/cli"), ("K", "viper")]


def test_sdk_sites_without_a_create_call_and_with_env_from() -> None:
    facts = _one(b'''package p
import (
	"github.com/docker/docker/api/types/container"
	corev1 "k8s.io/api/core/v1"
)
func build() (container.Config, corev1.Container) {
	return container.Config{Image: "a", Env: []string{"A=1"}},
		corev1.Container{Name: "web", Image: "b", EnvFrom: []corev1.EnvFromSource{{}}}
}
''')
    docker, kube = facts.launch_sites
    assert (docker.kind, docker.inherits, docker.location, docker.function) == ("docker-run", False, Location("a.go", 7, 9), "build")
    assert (kube.kind, kube.language, kube.function, kube.sets) == ("kubernetes", "go", "web", ())
    assert kube.open_reason.startswith("EnvFrom")


def test_extra_offers_exported_constants_and_wrappers_and_pending_names() -> None:
    facts = _one(b'''package envutil
import (
	"os"
	"example.com/m/config"
)
const Exported, hidden = "E", "H"
func Get(key, d string) string { if v := os.Getenv(key); v != "" { return v }; return d }
func get(key string) string { return os.Getenv(key) }
func use() string { return os.Getenv(config.Name + "_URL") }
''')
    extra = facts.extra
    assert extra.constants == (("Exported", "E"),)
    assert [(w.name, w.key, w.fallback, w.default.covers_empty) for w in extra.wrappers] == [("Get", 0, 1, True)]
    (pending,) = extra.names
    assert (pending.kind, [p.package or p.text for p in pending.parts]) == ("read", ["example.com/m/config", "_URL"])


def test_facts_with_extra_survive_the_process_pool() -> None:
    import pickle

    facts = extract_go_package([("config/types.go", CONFIG_TYPES), ("config/load.go", CONFIG_LOAD)])
    assert pickle.loads(pickle.dumps(facts)) == facts


@pytest.mark.parametrize(("body", "prefixes"), [
    ('for _, kv := range os.Environ() {\n\t\t_ = kv\n\t}', ("",)),
    ('for _, kv := range os.Environ() {\n\t\tif strings.HasPrefix(kv, "APP_") {\n\t\t\t_ = kv\n\t\t}\n\t}',
     ("APP_",)),
    ('for _, kv := range os.Environ() {\n\t\tif strings.HasPrefix(kv, prefix) {\n\t\t\t_ = kv\n\t\t}\n\t}',
     ("SVC_",)),
    ("cfg := parse(os.Environ())\n\t_ = cfg", ("",)),
    ('cmd := exec.Command("x")\n\tcmd.Env = append(os.Environ(), "A=1")\n\t_ = cmd.Run()', ()),
    ('cmd := exec.Command("x")\n\tcmd.Env = os.Environ()\n\t_ = cmd.Run()', ()),
    ('_ = os.Getenv("A")', ()),
], ids=["range", "range-prefix", "range-constant-prefix", "argument", "append", "assigned-to-env", "single-read"])
def test_iterating_the_environment_reads_a_family_or_every_name(body: str, prefixes: tuple[str, ...]) -> None:
    source = (f'package main\n\nimport (\n\t"os"\n\t"os/exec"\n\t"strings"\n)\n\nconst prefix = "SVC_"\n\n'
              f'func main() {{\n\t{body}\n}}\n')
    (facts,) = extract_go_package([("main.go", source.encode())])
    assert facts.read_prefixes == prefixes


def test_go_embed_directives_name_repository_paths() -> None:
    source = (b'package main\n\nimport _ "embed"\n\n//go:embed defaults.yaml "conf/a b.yaml" static\nvar d string\n'
              b'//go:embed *.tmpl ../up.yaml\nvar t string\n')
    (facts,) = extract_go_package([("cmd/app/main.go", source)])
    assert facts.embeds == ("cmd/app/defaults.yaml", "cmd/app/conf/a b.yaml", "cmd/app/static")


def test_kingpin_envar_reads_with_the_chain_default() -> None:
    """`kingpin.Flag(...).Envar("X").Default("d")`: a read at the name with its default (an empty value
    also gets it); `.Required()` is met by the command line too, so never a required read."""
    from envlint.extract.golang.package import extract_go_package

    source = (b'package main\n\nimport "gopkg.in/alecthomas/kingpin.v2"\n\nvar (\n'
              b'\tport = kingpin.Flag("port", "p").Envar("APP_PORT").Default("8080").Int()\n'
              b'\thost = kingpin.Flag("host", "h").Required().Envar("APP_HOST").String()\n)\n\n'
              b'func main() { kingpin.Parse() }\n')
    (facts,) = extract_go_package([("cmd/a/main.go", source)])
    assert [(r.name, str(r.location), r.form, r.default.values, r.default.covers_empty, r.required)
            for r in facts.reads] == [("APP_PORT", "cmd/a/main.go:6:41", "kingpin", ("8080",), True, False),
                                      ("APP_HOST", "cmd/a/main.go:7:52", "kingpin", (), False, False)]


def test_kong_env_tags_of_commands_and_their_fallbacks() -> None:
    from envlint.extract.golang.package import extract_go_package

    source = (b'package main\n\nimport "github.com/alecthomas/kong"\n\n'
              b'type Serve struct {\n\tAddr string `env:"SERVE_ADDR,ADDR" default:":80"`\n\tDebug bool\n}\n\n'
              b'type CLI struct {\n\tServe Serve `cmd:"" envprefix:"APP_"`\n}\n\n'
              b'func main() {\n\tvar cli CLI\n\t_ = kong.Parse(&cli)\n}\n')
    (facts,) = extract_go_package([("cmd/a/main.go", source)])
    assert [(r.name, str(r.location), r.default.values, r.fallback_of, r.required) for r in facts.reads] == [
        ("APP_SERVE_ADDR", "cmd/a/main.go:6:2", (":80",), None, False),
        ("APP_ADDR", "cmd/a/main.go:6:2", (":80",), "APP_SERVE_ADDR", False)]


def test_a_helper_that_returns_an_error_when_the_value_is_empty_is_a_required_read() -> None:
    """`if len(v) > 0 { return v, nil }; return "", fmt.Errorf(...)`: the code after the `if` is the
    empty branch, and that branch is the failing return itself."""
    from envlint.extract.golang.package import extract_go_package

    source = (b'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\n'
              b'func requireEnv(key string) (string, error) {\n\tv := os.Getenv(key)\n\tif len(v) > 0 {\n'
              b'\t\treturn v, nil\n\t}\n\treturn "", fmt.Errorf("%s is required", key)\n}\n\n'
              b'func main() {\n\taddr, err := requireEnv("APP_ADDR")\n\t_, _ = addr, err\n}\n')
    (facts,) = extract_go_package([("cmd/a/main.go", source)])
    assert [(r.name, str(r.location), r.form, r.required) for r in facts.reads] == [
        ("APP_ADDR", "cmd/a/main.go:17:15", "wrapper requireEnv", True)]


def test_the_remembered_climb_to_a_function_gives_what_the_plain_climb_gives() -> None:
    """Scopes remembers the function of every node a climb passes; for every identifier of a file with
    methods, closures inside functions and closures at package level, the answer is the plain climb's."""
    import tree_sitter
    import tree_sitter_go

    from envlint.extract import syntax
    from envlint.extract.golang.scope import Scopes, _outermost_function

    source = (b'package main\n\nimport "os"\n\nvar handler = func() { f := func() { _ = os.Getenv("A") }; f() }\n\n'
              b'type T struct{}\n\nfunc (t T) m() { x := 1; go func() { _ = x }() }\n\n'
              b'func main() { defer func() { y := os.Getenv("B"); _ = y }() }\n')
    tree = tree_sitter.Parser(tree_sitter.Language(tree_sitter_go.language())).parse(source)
    scopes = Scopes()
    identifiers = [n for n in syntax.walk(tree.root_node) if n.type == "identifier"]
    assert len(identifiers) > 10
    assert [scopes.outermost_function(n) for n in identifiers] == [_outermost_function(n) for n in identifiers]
