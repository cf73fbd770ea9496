"""## What it does
Reports a file that envlint could not analyse, or could analyse only in part: a file that is not
UTF-8, a binary file with a source file's name, a syntax error that the language's own parser
confirms, YAML that does not parse, a broken symbolic link or one that leads outside the analysed
folder (never read), a file over the size limit. The message says what was wrong and whether the rest
of the file was still read.

## Why is this bad?
The contract graph is only as complete as the files it was built from: a launch site or a read in a
file that was skipped can neither be checked nor satisfy another check, so a clean run would claim
more than it saw. The finding makes the gap visible and counts like any other (exit 1), as ruff
reports a file it cannot parse.

## Example
```python
# services/api/settings.py, saved in Latin-1
DEFAULT_CITY = "Zürich"
```

## What it does not report
- A YAML file that does not parse but names no workload, kustomization, ConfigMap or Secret and holds
  no container list (an Argo Workflow, a CI workflow, a deliberately invalid test input): skipping it
  loses no launch site, so it is a note in `envlint facts`.
- A syntax error that only tree-sitter sees: a Python file is parsed again with CPython's `ast`, and a
  Go file whose only errors are known gaps of the Go grammar is analysed as the valid Go it is.
- Python syntax newer than the Python running envlint (PEP 695 type parameters, PEP 758 `except A,
  B:`), and a `.py` file whose `#!` line names another interpreter: notes in `envlint facts`.
- Files left out by `exclude`, `extend-exclude` or `.gitignore`, and files envlint does not read at all
  (no extractor claims their names).

## Fix
Fix the file when it is really broken. When it is meant to be that way (a deliberately invalid test
fixture, generated data), leave it out with `exclude` (or `extend-exclude`) in the configuration; the
rule itself can be turned off with `--ignore ENV000`, and `--exit-zero` covers it in CI.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding
from .context import Context

CODE = "ENV000"
NAME = "unanalysable-file"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def check(ctx: Context) -> Iterator[Finding]:
    for problem in ctx.graph.problems:
        # The message is this finding's identity in its fingerprint (it has no variable): kept as it was.
        yield Finding(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=f"{problem.kind}: {problem.message}",
            location=problem.location,
            variable=None,
            service=None,
            help=_HELP,
        )


_HELP = ("what envlint could not read is not checked, so findings may be missing; fix the file, or leave it out "
         "with `extend-exclude` if it is meant to be so")
