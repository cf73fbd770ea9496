"""A byte-level prefilter: which Go and Python files can hold a fact by themselves.

Most files of a repository neither read the environment nor launch anything. A file is *wanted* when
its bytes hold one of the anchors below, strings without which no extractor can find a read, a set or
a launch site in it. The anchors are a superset, never a guess: `env` matched in any case covers
os.Getenv, LookupEnv, Setenv, Environ, ExpandEnv, struct tags (`env:"X"`, `envconfig:"X"`), viper's
AutomaticEnv/BindEnv, urfave/cli's EnvVars and every "env helper" (whose package, alias or function
name must say env, see golang/helpers.py).

A wanted file is not all that is parsed: Go names resolve across the files of a package, so a package
with one wanted file is extracted whole (its other files light: indexed for the others, with no fact
extraction of their own unless they may call a wrapper, golang/light.py); the packages whose constants or
exported wrappers a wanted package uses, and the files that call those wrappers, are extracted too
(extract/go_units.py). What a
Go file of no wanted package yields (package, imports, func main, references, embeds) comes from its
tree alone (golang.extract_go_headers). Python files are all extracted: the definitions of every module
(constants, re-exports, settings bases) are what other modules look up, and the files that no anchor
matches cost a fifth of Python's time (measured on the ecosystem corpus).
"""

from __future__ import annotations

import re

# Go: reads and sets (any `env` spelling), exec.Command / CommandContext, the Docker SDK's
# container.Config and client-go's core/v1 Container (recognised by their import paths).
_GO = (b"Command", b'/api/types/container"', b'"k8s.io/api/core/v1"')
# Python: os.environ / getenv / putenv and every env-named helper or library (environs, django-environ,
# pydantic-settings' env_prefix), subprocess / asyncio subprocesses / os.system & co., the Docker SDK
# and testcontainers, python-decouple, dotenv, settings classes, and star imports (whose callees may be
# another module's helpers).
_PYTHON = (b"subprocess", b"Popen", b"system", b"spawn", b"exec", b"docker", b"testcontainers", b"decouple",
           b"Settings")
_STAR_IMPORT = re.compile(rb"import\s*\*")


def _spells_env(data: bytes) -> bool:
    """`env` in any case: ASCII case, as a bytes pattern's IGNORECASE has it. A lowered copy searched
    for one string is five times faster than the case-insensitive regular expression (0.03 against
    0.17 s over ragflow's Go files, which extract_all's package split, go_units.py, tests in the main
    process)."""
    return b"env" in data.lower()


def go_wanted(data: bytes) -> bool:
    return _spells_env(data) or any(anchor in data for anchor in _GO)


def python_wanted(data: bytes) -> bool:
    return _spells_env(data) or any(anchor in data for anchor in _PYTHON) or \
        (b"*" in data and _STAR_IMPORT.search(data) is not None)


def wanted(path: str, data: bytes) -> bool:
    """Whether the file may hold a read, a set or a launch site by itself (Go and Python; any other
    file is always wanted). See the module's docstring for what else is extracted."""
    if path.endswith(".go"):
        return go_wanted(data)
    if path.endswith(".py"):
        return python_wanted(data)
    return True
