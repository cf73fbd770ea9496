"""One mini-repository per configuration library (issue 4): a compose launch site that sets the
variable the library reads is clean; one that sets a misspelled name reports ENV007 probable-rename with both names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

VARIABLE = "SVC_QUEUE_URL"
MISSPELLED = "SVC_QUEUE_URI"

PYTHON = {
    "pydantic-settings": (
        "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n"
        "class Settings(BaseSettings):\n"
        '    model_config = SettingsConfigDict(env_prefix="SVC_")\n'
        '    queue_url: str = "amqp://rabbitmq"\n'
    ),
    "environs": 'from environs import Env\n\nenv = Env()\nQUEUE = env.str("SVC_QUEUE_URL", "amqp://rabbitmq")\n',
    "python-decouple": 'from decouple import config\n\nQUEUE = config("SVC_QUEUE_URL", default="amqp://rabbitmq")\n',
    "django-environ": 'import environ\n\nenv = environ.Env()\nQUEUE = env("SVC_QUEUE_URL", default="amqp://rabbitmq")\n',
    "helper-in-another-module": "from .util import env\n\nQUEUE = env(\"SVC_QUEUE_URL\", \"amqp://rabbitmq\")\n",
    "constant-in-another-module": "import os\n\nfrom .names import QUEUE_VAR\n\nQUEUE = os.getenv(QUEUE_VAR, \"amqp://rabbitmq\")\n",
}
PYTHON_SIDE_FILES = {
    "util.py": "import os\n\n\ndef env(name, default=None):\n    return os.environ.get(name, default)\n",
    "names.py": 'QUEUE_VAR = "SVC_QUEUE_URL"\n',
}

GO = {
    "envconfig": (
        'import "github.com/kelseyhightower/envconfig"\n\n'
        "type Config struct {\n\tQueueURL string `envconfig:\"QUEUE_URL\" default:\"amqp://rabbitmq\"`\n}\n\n"
        'func main() {\n\tvar c Config\n\t_ = envconfig.Process("svc", &c)\n}\n'
    ),
    "caarlos0-env": (
        'import "github.com/caarlos0/env/v11"\n\n'
        "type Config struct {\n\tQueueURL string `env:\"SVC_QUEUE_URL\" envDefault:\"amqp://rabbitmq\"`\n}\n\n"
        "func main() {\n\tvar c Config\n\t_ = env.Parse(&c)\n}\n"
    ),
    "viper": (
        'import (\n\t"strings"\n\n\t"github.com/spf13/viper"\n)\n\n'
        'func main() {\n\tviper.SetEnvPrefix("svc")\n\tviper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))\n'
        '\tviper.AutomaticEnv()\n\t_ = viper.GetString("queue.url")\n}\n'
    ),
    "urfave-cli": (
        'import "github.com/urfave/cli/v2"\n\n'
        'var flag = &cli.StringFlag{Name: "queue-url", Value: "amqp://rabbitmq", EnvVars: []string{"SVC_QUEUE_URL"}}\n\n'
        "func main() { _ = flag }\n"
    ),
    "kingpin": (
        'import "gopkg.in/alecthomas/kingpin.v2"\n\n'
        'var queue = kingpin.Flag("queue-url", "queue").Envar("SVC_QUEUE_URL").Default("amqp://rabbitmq").String()\n\n'
        "func main() { kingpin.Parse(); _ = queue }\n"
    ),
    "kong": (
        'import "github.com/alecthomas/kong"\n\n'
        "type Serve struct {\n\tQueueURL string `env:\"SVC_QUEUE_URL\" default:\"amqp://rabbitmq\"`\n}\n\n"
        "type CLI struct {\n\tServe Serve `cmd:\"\"`\n}\n\n"
        "func main() {\n\tvar cli CLI\n\t_ = kong.Parse(&cli)\n}\n"
    ),
    "os-expandenv": 'import "os"\n\nfunc main() { _ = os.ExpandEnv("amqp://${SVC_QUEUE_URL}/jobs") }\n',
    "outside-env-helper": (
        'import "github.com/other/envutil"\n\nfunc main() { _ = envutil.MustGet("SVC_QUEUE_URL") }\n'
    ),
}


def _repo(tmp_path: Path, language: str, source: str, name: str) -> Path:
    if language == "python":
        package = tmp_path / "svc" / "app"
        package.mkdir(parents=True)
        (tmp_path / "svc" / "pyproject.toml").write_text('[project]\nname = "svc"\nversion = "1"\n')
        (tmp_path / "svc" / "Dockerfile").write_text('FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n')
        (package / "__init__.py").write_text("")
        (package / "__main__.py").write_text(source)
        for file, text in PYTHON_SIDE_FILES.items():
            (package / file).write_text(text)
    else:
        (tmp_path / "go.mod").write_text("module example.com/svc\n\ngo 1.22\n")
        main = tmp_path / "svc"
        main.mkdir()
        (main / "main.go").write_text("package main\n\n" + source)
        (main / "Dockerfile").write_text('FROM golang:1.22\nCMD ["/svc"]\n')
    (tmp_path / "compose.yaml").write_text(
        f"services:\n  svc:\n    build: ./svc\n    environment:\n      {name}: amqp://queue.internal\n"
    )
    return tmp_path


CASES = [("python", k, v) for k, v in PYTHON.items()] + [("go", k, v) for k, v in GO.items()]


@pytest.mark.parametrize(("language", "library", "source"), CASES, ids=[c[1] for c in CASES])
def test_site_that_sets_what_the_library_reads_is_clean(tmp_path: Path, language, library, source) -> None:
    result = run_cli("check", "--output-format", "json", cwd=_repo(tmp_path, language, source, VARIABLE))
    assert json.loads(result.stdout)["findings"] == []
    assert result.exit_code == 0


@pytest.mark.parametrize(("language", "library", "source"), CASES, ids=[c[1] for c in CASES])
def test_misspelled_set_is_a_probable_rename(tmp_path: Path, language, library, source) -> None:
    result = run_cli("check", "--output-format", "json", cwd=_repo(tmp_path, language, source, MISSPELLED))
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["variable"], f["location"]["path"], f["location"]["line"]) for f in findings] == [
        ("ENV007", VARIABLE, "compose.yaml", 5)
    ]
    assert findings[0]["message"] == f"{MISSPELLED} is set here, but svc reads {VARIABLE}"
    assert findings[0]["help"] == (f"the same name but for an abbreviation, and this site does not set {VARIABLE}; "
                                   f"rename {MISSPELLED} to {VARIABLE}")
    assert result.exit_code == 1
