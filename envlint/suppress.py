"""filter: inline suppressions (`envlint: ignore[ENV002]`, `envlint: ignore-file`) and ENV900.

A directive counts only inside a comment, found by the small per-language scanner `scan` below
(a string that reads "envlint: ignore" is not a comment). It covers:
- a trailing comment: its own line; where that line starts or ends a construct that cannot hold a
  comment inside (a YAML block scalar, a Go raw string, a multi-line Python string, a command
  continued with `\\`), every line of that construct;
- a comment alone on its line: the next line that is not a comment, and the construct it starts
  (this is where `--add-noqa` writes when a trailing comment would change the meaning);
- `ignore-file`: the whole file.
Blanket forms (`ignore`, `ignore-file` without codes) never silence ENV900, or an unused blanket
directive would silence its own report; naming ENV900 does.

Which files are scanned for unused directives: the files where findings are, plus the `paths` the
caller passes (the CLI should pass every analysed file so that a directive in a clean file is
reported too). Codes outside `selected` are never called unused: their rule did not run.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from .checks.table import CODES, RuleCode
from .comments import Comment, Scan, scan
from .model import Finding, Location

_ENV900: RuleCode = CODES["ENV900"]
ENV900, ENV900_NAME, ENV900_SEVERITY = _ENV900.code, _ENV900.name, _ENV900.severity

# Every directive spells this: a file whose bytes do not spell it holds none (UTF-8 and every encoding PEP 263
# allows map ASCII to the same bytes).
MARK = b"envlint:"
DIRECTIVE = re.compile(r"envlint:\s*ignore(?P<file>-file)?(?![\w-])(?:\[(?P<codes>[^\]\n]*)\])?")


@dataclass(frozen=True)
class Directive:
    path: str
    comment: Comment
    start: int  # offset of the directive in comment.text
    end: int
    file_level: bool
    codes: tuple[str, ...] | None  # None: every code
    lines: frozenset[int]  # lines covered; empty for file-level directives

    @property
    def location(self) -> Location:
        return Location(self.path, self.comment.line, self.comment.column + self.start)

    @property
    def text(self) -> str:
        return self.comment.text[self.start:self.end]

    def silences(self, finding: Finding) -> bool:
        if finding.code == ENV900 and finding.location.line == self.comment.line and ENV900 in (self.codes or ()):
            return True  # `ignore[ENV003, ENV900]`: the report about this very comment
        if not self.file_level and finding.location.line not in self.lines:
            return False
        if self.codes is None:
            return finding.code != ENV900
        return finding.code in self.codes


def parse_codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(c.strip() for c in text.split(",") if c.strip())


def covered_lines(comment: Comment, scanned: Scan, line_count: int) -> frozenset[int]:
    comment_only = {n for c in scanned.comments if c.own_line for n in range(c.line, c.end_line + 1)}
    if comment.own_line:
        line = comment.end_line + 1
        while line in comment_only:
            line += 1
        if line > line_count:
            return frozenset()
        span = next((s for s in scanned.spans if s[0] == line), (line, line))
    else:
        line = comment.line
        span = next((s for s in scanned.spans if line in (s[0], s[1])), (line, line))
    return frozenset(range(span[0], span[1] + 1))


def directives_in(path: str, text: str) -> list[Directive]:
    if not DIRECTIVE.search(text):
        return []  # most files hold none: skip the comment scanner (tokenize is the slow part)
    scanned = scan(path, text)
    line_count = text.count("\n") + 1
    found = []
    for comment in scanned.comments:
        for match in DIRECTIVE.finditer(comment.text):
            file_level = bool(match.group("file"))
            lines = frozenset() if file_level else covered_lines(comment, scanned, line_count)
            found.append(Directive(path, comment, match.start(), match.end(), file_level,
                                   parse_codes(match.group("codes")), lines))
    return found


def collect_suppressions(paths: Iterable[str], read_text: Callable[[str], str | None],
                         unmarked: Callable[[str], bool] | None = None) -> dict[str, list[Directive]]:
    """The directives of each readable file of ``paths`` (files the scanner does not know have none).
    ``unmarked``: which files surely hold none, not read (the CLI knows the bytes extraction read)."""
    out: dict[str, list[Directive]] = {}
    for path in sorted(set(paths)):
        if unmarked is not None and unmarked(path):
            out[path] = []
            continue
        text = read_text(path)
        out[path] = directives_in(path, text) if text is not None else []
    return out


def _unused_message(directive: Directive, unused: list[str], unknown: list[str]) -> tuple[str, str]:
    """(message, help): the message names the comment; the help says what it fails to silence and what to do."""
    message = f"unused suppression `{directive.text}`"
    where = "in this file" if directive.file_level else "on this line"
    if directive.codes is None:
        return message, f"no finding {where} to silence; remove the comment"
    parts, fixes = [], []
    if unused:
        parts.append(f"no {', '.join(unused)} finding {where}")
        fixes.append(f"remove {', '.join(unused)} (or the whole comment)")
    if unknown:
        codes = "s" if len(unknown) > 1 else ""
        parts.append(f"unknown rule code{codes} {', '.join(unknown)}")
        fixes.append(f"correct or remove the unknown code{codes}")
    if not parts:
        parts, fixes = ["it names no rule code"], ["remove the comment"]
    return message, f"{'; '.join(parts)}; {' and '.join(fixes)}"


def _env900(directive: Directive, text: tuple[str, str]) -> Finding:
    # Stable across line moves like every fingerprint: the file and the directive, not its line.
    key = "\0".join((ENV900, directive.path, directive.text))
    message, help = text
    return Finding(
        code=ENV900,
        name=ENV900_NAME,
        severity=ENV900_SEVERITY,
        message=message,
        location=directive.location,
        variable=None,
        service=None,
        fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        help=help,
    )


def unused_findings(directives: list[Directive], used: set[tuple[int, str]],
                    selected: frozenset[str] | None) -> list[Finding]:
    """ENV900 for each directive with a code that silenced nothing or that is no rule's code."""
    out = []
    for index, directive in enumerate(directives):
        if directive.codes is None:
            if not any(i == index for i, _ in used):
                out.append(_env900(directive, _unused_message(directive, [], [])))
            continue
        unknown = [c for c in directive.codes if c not in CODES]
        # ENV900 in a list is about the other codes; a code whose rule did not run cannot be judged.
        unused = [c for c in directive.codes if c in CODES and c != ENV900 and (index, c) not in used
                  and (selected is None or c in selected)]
        if unused or unknown or not directive.codes:
            out.append(_env900(directive, _unused_message(directive, unused, unknown)))
    return out


def apply_suppressions(findings: list[Finding], read_text: Callable[[str], str | None], report_unused: bool,
                       *, paths: Iterable[str] = (), selected: frozenset[str] | None = None,
                       unmarked: Callable[[str], bool] | None = None) -> tuple[list[Finding], list[Finding]]:
    """(findings no directive silences, ENV900 findings not silenced themselves)."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    scanned = collect_suppressions(list(by_path) + (list(paths) if report_unused else []), read_text, unmarked)
    kept: list[Finding] = []
    reports: list[Finding] = []
    for path, directives in scanned.items():
        used: set[tuple[int, str]] = set()
        for finding in by_path.get(path, []):
            hits = [i for i, d in enumerate(directives) if d.silences(finding)]
            used.update((i, finding.code) for i in hits)
            if not hits:
                kept.append(finding)
        if report_unused:
            reports += [f for f in unused_findings(directives, used, selected)
                        if not any(d.silences(f) for d in directives)]
    return kept, reports
