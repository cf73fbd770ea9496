"""`--add-noqa`: write an `envlint: ignore[CODE, ...]` comment where each finding is, in the file's own
comment syntax, so that a repository can adopt envlint and fix its findings later.

Where the comment goes (envlint/suppress.py reads it back with the same rules):
- at the end of the finding's line (Python: the trailing comment of the line, through libcst);
- on a new line above, with the same indentation, where a trailing comment would change the meaning
  or is not a comment at all: inside a YAML block scalar or a Go raw string (above the line that opens
  it), in a command continued with `\\` or a quoted string over several lines (above its first line),
  and always in Dockerfiles, env files and Makefiles (Docker passes a `#` after an instruction on as an
  argument, `docker run --env-file` keeps it in the value, and make keeps the blank before it in a
  variable's value);
- into an `envlint: ignore[...]` already there, codes merged and sorted.
ENV900 findings get nothing: the fix for an unused suppression is to delete it. Codes a directive
already silences are skipped, so a second run changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from .model import Finding
from .comments import Scan, scan, style_of
from .suppress import ENV900, Directive, directives_in


def directive_text(codes: set[str] | list[str] | tuple[str, ...]) -> str:
    return f"envlint: ignore[{', '.join(sorted(set(codes)))}]"


def _silenced(directives: list[Directive], line: int, code: str) -> bool:
    return any((d.file_level or line in d.lines) and (d.codes is None or code in d.codes) for d in directives)


def wanted_codes(findings: list[Finding], text: str, path: str) -> dict[int, set[str]]:
    """For each line, the codes of its findings that no directive silences yet."""
    directives = directives_in(path, text)
    wanted: dict[int, set[str]] = defaultdict(set)
    for finding in findings:
        line = finding.location.line
        if finding.code != ENV900 and not _silenced(directives, line, finding.code):
            wanted[line].add(finding.code)
    return dict(wanted)


def add_noqa(findings: list[Finding], read_text: Callable[[str], str | None]) -> dict[str, str]:
    """The new text of each file that needs a comment; files that need none are left out."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    edits: dict[str, str] = {}
    for path, in_file in sorted(by_path.items()):
        text = read_text(path)
        style = style_of(path)
        if text is None or style is None:
            continue
        wanted = wanted_codes(in_file, text, path)
        if not wanted:
            continue
        if style == "python":
            from .noqa_python import add_noqa_python  # libcst: imported only when a Python file is edited

            new = add_noqa_python(text, wanted)
        else:
            new = add_comments(path, text, wanted)
        if new != text:
            edits[path] = new
    return edits


def _markers(path: str) -> tuple[str, str, str]:
    """(opening, closing, blank before a trailing comment) for a new comment in this file."""
    if path.endswith(".go"):
        return "// ", "", " "
    if path.endswith(".tpl"):  # a Helm helper's `#` would be rendered into the manifest
        return "{{/* ", " */}}", " "
    return "# ", "", " "


def _span_of(scanned: Scan, line: int) -> tuple[int, int] | None:
    return next((s for s in scanned.spans if s[0] <= line <= s[1]), None)


def _anchor(style: str, scanned: Scan, line: int) -> tuple[str, int]:
    span = _span_of(scanned, line)
    if span is not None:
        return "above", span[0]
    if style in ("dockerfile", "envfile", "make"):
        return "above", line
    return "trail", line


def _existing(directives: list[Directive], kind: str, line: int, lines: list[str]) -> Directive | None:
    """A line directive with codes already where the new comment would go, to merge into."""
    candidates = [d for d in directives if not d.file_level and d.codes is not None]
    if kind == "trail":
        return next((d for d in candidates if d.comment.line == line and not d.comment.own_line), None)
    above = line - 1
    while above >= 1 and lines[above - 1].strip():
        found = next((d for d in candidates if d.comment.own_line and d.comment.end_line == above), None)
        if found is not None:
            return found
        if not any(d.comment.line <= above <= d.comment.end_line for d in directives):
            break  # only the block of comments right above the line
        above -= 1
    return None


def add_comments(path: str, text: str, wanted: dict[int, set[str]]) -> str:
    """Go, YAML, Helm, Dockerfile, shell, Makefile, env and TOML files: edit lines as text."""
    style = style_of(path) or ""
    scanned = scan(path, text)
    directives = directives_in(path, text)
    lines = text.split("\n")
    anchors: dict[tuple[str, int], set[str]] = defaultdict(set)
    for line, codes in wanted.items():
        anchors[_anchor(style, scanned, line)] |= codes
    opening, closing, blank = _markers(path)
    # From the bottom up, so that a line inserted above does not move the lines still to edit.
    for (kind, line), codes in sorted(anchors.items(), key=lambda item: item[0][1], reverse=True):
        existing = _existing(directives, kind, line, lines)
        if existing is not None:
            row = existing.comment.line - 1
            start = existing.comment.column - 1 + existing.start
            merged = directive_text(set(existing.codes or ()) | codes)
            lines[row] = lines[row][:start] + merged + lines[row][start + len(existing.text):]
            continue
        comment = f"{opening}{directive_text(codes)}{closing}"
        target = lines[line - 1]
        if kind == "trail":
            body = target[:-1] if target.endswith("\r") else target
            lines[line - 1] = body.rstrip(" \t") + blank + comment + target[len(body):]
        else:
            indent = "" if style in ("make", "envfile") else target[:len(target) - len(target.lstrip(" \t"))]
            lines.insert(line - 1, indent + comment + ("\r" if target.endswith("\r") else ""))
    return "\n".join(lines)
