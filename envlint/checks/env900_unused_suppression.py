"""## What it does
Reports an `envlint: ignore[...]` or `envlint: ignore-file[...]` comment that silences no finding, and
a code in such a comment that is no rule's code ("unknown rule code"). Like ruff's RUF100.

This rule is applied by the filter stage after every other rule has run (envlint/suppress.py), since
only then is it known which comments silenced something: `check` yields nothing. A code whose rule did
not run is not reported as unused. A blanket `envlint: ignore` never silences this rule; naming it
does: `envlint: ignore[ENV002, ENV900]`.

## Why is this bad?
A suppression left behind after the problem was fixed hides the next problem on that line, and a
misspelled code silences nothing while looking as if it did.

## Example
```go
cmd.Env = append(cmd.Env, "WORKER_QUEUE=jobs") // envlint: ignore[ENV002]
```
where the worker now reads `WORKER_QUEUE`, so ENV002 no longer reports that line.

## What it does not report
- A code whose rule did not run (not selected, or ignored): whether it would silence something is not
  known.
- `ENV900` itself in a list: it is there to silence the report about the other codes.
- Anything unless ENV900 runs, and comments in files envlint does not analyse.

## Fix
Remove the comment, or the codes it lists that silence nothing; correct a misspelled code.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding
from .context import Context

CODE = "ENV900"
NAME = "unused-suppression"
SEVERITY = "warning"
ENABLED_BY_DEFAULT = True


def check(ctx: Context) -> Iterator[Finding]:
    """Nothing here: the filter stage reports unused suppressions (see the module's documentation)."""
    return iter(())
