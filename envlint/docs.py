"""The README's rule table, generated from the rules' own docstrings (`python -m envlint.docs`)."""

from __future__ import annotations

import sys
from pathlib import Path

from .checks import RULES

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rule_table() -> str:
    rows = ["| Code | Name | Severity | Default | What it does |", "| --- | --- | --- | --- | --- |"]
    for rule in RULES:
        default = "on" if rule.enabled_by_default else "off"
        rows.append(f"| {rule.code} | {rule.name} | {rule.severity} | {default} | {rule.summary} |")
    return "\n".join(rows)


def with_table(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{rule_table()}\n{END}{tail}"


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
