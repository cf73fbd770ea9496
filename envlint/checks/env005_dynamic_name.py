"""## What it does
Reports a read or a set whose variable name envlint could not resolve statically, such as
`os.Getenv(prefix + key)` or `fmt.Sprintf("%s=%s", k, v)` over a map that is not a literal. Off unless
selected (`--select ENV005` or `extend-select = ["ENV005"]`).

## Why is this bad?
A name that cannot be resolved cannot be checked: envlint keeps such sets at their launch site and
such reads in their service, and says so here, so that a reviewer can see where the contract is
only known at run time.

## Example
```go
for k, v := range secrets {
    args = append(args, "-e", fmt.Sprintf("%s=%s", k, v))
}
```

## What it does not report
- Names envlint resolves: a literal, a constant, a map literal in the same package, a helper called
  with a literal name, a settings field whose name is spelled out.
- A loop over the whole environment or over a prefix (`for k, v in os.environ.items()`,
  `strings.HasPrefix(k, "APP_")`): envlint records it as names read by prefix (or as a read set it
  cannot list), not as one unknown name.
- A set outside a launch site: only what a launch site gives its program is a contract.

## Fix
Where the names are known, write them as literals or constants (a map literal in the same package is
followed), or accept the finding as a note.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Finding, Related
from .context import Context

CODE = "ENV005"
NAME = "dynamic-name"
SEVERITY = "note"
ENABLED_BY_DEFAULT = False


def check(ctx: Context) -> Iterator[Finding]:
    owners: dict[str, str] = {}
    for service in ctx.graph.services:
        for path in service.files:
            owners.setdefault(path, service.name)
    for facts in ctx.graph.files:
        for read in facts.reads:
            if read.name is None:
                yield Finding(code=CODE, name=NAME, severity=SEVERITY,
                              message=f"the name read here cannot be resolved statically: {read.name_text}",
                              location=read.location, variable=None, service=owners.get(facts.path), help=_HELP)
    for site in ctx.graph.sites:
        links = ctx.links_by_site.get(site.id, [])
        for item in site.sets:
            if item.name is None:
                yield Finding(
                    code=CODE,
                    name=NAME,
                    severity=SEVERITY,
                    message=f"the name set here cannot be resolved statically: {item.name_text}",
                    location=item.location,
                    variable=None,
                    service=links[0].service if links else None,
                    related=(Related(location=site.location, note=f"launch site: {site.label}"),),
                    site=site.id,
                    help=_HELP,
                )


# The messages stay as they were: a finding without a variable is identified by its message in its
# fingerprint (envlint/fingerprint.py), so rewording them would make baselined findings new.
_HELP = ("envlint cannot check a name it cannot resolve; where the name is known, write it as a literal or a "
         "constant")
