"""Contracts and their mutations: recall measured on real layouts (see contracts/FORMAT.md).

A contract says: the launch site at `site` starts the program that reads `variable` at `read`, and the
site sets it at `set`. A mutation rewrites the name on the `set` line the way real regressions look;
envlint catches it when a finding it did not have before names the variable at that site.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .labels import finding_key

RENAMES = ("typo", "prefix", "separator", "plural", "abbreviation")
KINDS = RENAMES + ("delete",)
# Short and long spellings people swap; the same pairs a reader would call "the same name".
ABBREVIATIONS = {
    "DATABASE": "DB", "ADDRESS": "ADDR", "PASSWORD": "PASS", "CONFIG": "CONF", "DIRECTORY": "DIR",
    "ENVIRONMENT": "ENV", "MAXIMUM": "MAX", "MINIMUM": "MIN", "SECONDS": "SECS", "MILLISECONDS": "MS",
    "SERVICE": "SVC", "NUMBER": "NUM", "MESSAGE": "MSG", "TEMPORARY": "TMP",
    "APPLICATION": "APP", "AUTHENTICATION": "AUTH", "REPOSITORY": "REPO",
}
_SHORT_TO_LONG = {short: long for long, short in ABBREVIATIONS.items()}
# The name a `delete` puts in place of the set one: read by nobody, and never reported as a catch.
REMOVED = "ENVLINT_MUTANT_REMOVED"


class ContractError(Exception):
    """A contract file that does not follow the format, or whose `set` line lacks the name."""


@dataclass(frozen=True, kw_only=True)
class Place:
    path: str
    line: int

    @classmethod
    def parse(cls, text: str, where: str) -> "Place":
        path, _, line = text.rpartition(":")
        if not path or not line.isdigit() or int(line) < 1:
            raise ContractError(f"{where}: {text!r} is not PATH:LINE")
        return cls(path=path, line=int(line))


@dataclass(frozen=True, kw_only=True)
class Contract:
    id: str
    site: Place
    set: Place
    read: Place
    variable: str
    required: bool
    why: str
    mutations: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Mutation:
    contract: Contract
    kind: str
    mutant: str  # the name written in place of the variable

    @property
    def names(self) -> frozenset[str]:
        """Names a catching finding may carry: a removed set is caught by the original name only."""
        return frozenset({self.contract.variable} if self.kind == "delete" else {self.contract.variable, self.mutant})


def load_contracts(path: Path) -> tuple[Contract, ...]:
    if not path.is_file():
        return ()
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("contract", [])
    except tomllib.TOMLDecodeError as exc:
        raise ContractError(f"{path}: {exc}") from None
    contracts = []
    for index, entry in enumerate(entries):
        where = f"{path}: contract {entry.get('id', index + 1)}"
        try:
            kinds = tuple(entry.get("mutations", ()))
            unknown = sorted(set(kinds) - set(KINDS))
            if unknown:
                raise ContractError(f"{where}: unknown mutations {unknown} (kinds: {', '.join(KINDS)})")
            contract = Contract(id=entry["id"], site=Place.parse(entry["site"], where),
                                set=Place.parse(entry["set"], where), read=Place.parse(entry["read"], where),
                                variable=entry["variable"], required=bool(entry.get("required", False)),
                                why=entry.get("why", ""), mutations=kinds)
        except KeyError as exc:
            raise ContractError(f"{where}: missing key {exc.args[0]!r}") from None
        contracts.append(contract)
    ids = [c.id for c in contracts]
    if len(set(ids)) != len(ids):
        raise ContractError(f"{path}: contract ids repeat")
    return tuple(contracts)


def rename(name: str, kind: str) -> str | None:
    """The name as the regression `kind` spells it, or None when that kind does not apply."""
    tokens = name.split("_")
    if kind == "typo":
        token = max(range(len(tokens)), key=lambda i: (len(tokens[i]), -i))
        word = tokens[token]
        for i in range(max(len(word) // 2 - 1, 0), len(word) - 1):
            if word[i] != word[i + 1]:
                tokens[token] = word[:i] + word[i + 1] + word[i] + word[i + 2:]
                return "_".join(tokens)
        return None
    if kind == "prefix":
        return "_".join(tokens[1:]) if len(tokens) >= 2 and all(tokens[1:]) else "APP_" + name
    if kind == "separator":
        return tokens[0] + "_".join(tokens[1:]) if len(tokens) >= 2 else None
    if kind == "plural":
        last = tokens[-1]
        tokens[-1] = last[:-1] if last.endswith("S") and len(last) > 1 else last + "S"
        return "_".join(tokens)
    if kind == "abbreviation":
        for i, token in enumerate(tokens):
            swapped = ABBREVIATIONS.get(token) or _SHORT_TO_LONG.get(token)
            if swapped and swapped != token:
                tokens[i] = swapped
                return "_".join(tokens)
        return None
    raise ValueError(kind)


def mutations_of(contract: Contract, index: int) -> tuple[Mutation, ...]:
    """The contract's own list, else two renames that apply (rotated by the contract's position so a
    file exercises every kind) and, for a required read, the deletion of the set."""
    kinds = contract.mutations
    if not kinds:
        applicable = [k for k in RENAMES if rename(contract.variable, k) not in (None, contract.variable)]
        start = index % len(applicable) if applicable else 0
        kinds = tuple((applicable[start:] + applicable[:start])[:2]) + (("delete",) if contract.required else ())
    result = []
    for kind in kinds:
        mutant = REMOVED if kind == "delete" else rename(contract.variable, kind)
        if mutant and mutant != contract.variable:
            result.append(Mutation(contract=contract, kind=kind, mutant=mutant))
    return tuple(result)


def apply(mutation: Mutation, text: str) -> str:
    """`text` (the `set` file) with the name on the `set` line rewritten; the first whole-word match."""
    lines = text.splitlines(keepends=True)
    number = mutation.contract.set.line
    if number > len(lines):
        raise ContractError(f"contract {mutation.contract.id}: {mutation.contract.set.path} has no line {number}")
    pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(mutation.contract.variable)}(?![A-Za-z0-9_])")
    line, count = pattern.subn(mutation.mutant, lines[number - 1], count=1)
    if not count:
        raise ContractError(f"contract {mutation.contract.id}: {mutation.contract.variable} is not on "
                            f"{mutation.contract.set.path}:{number}")
    lines[number - 1] = line
    return "".join(lines)


def _at_site(finding: dict, files: set[str]) -> bool:
    return bool(({finding["location"]["path"]} | {r["path"] for r in finding.get("related", [])}) & files)


def caught(mutation: Mutation, before: list[dict], after: list[dict]) -> bool:
    """A finding the unmutated run did not have names the variable in the site's or the set's file.

    When the unmutated run already reports the contract's variable there (envlint does not see the
    read, so it calls the set unread), a finding on the renamed set is that same blindness, not a catch.
    """
    files = {mutation.contract.site.path, mutation.contract.set.path}
    if any(f.get("variable") == mutation.contract.variable and _at_site(f, files) for f in before):
        return False
    old = {finding_key(f) for f in before}
    return any(finding_key(f) not in old and f.get("variable") in mutation.names and _at_site(f, files)
               for f in after)
