"""Comments of every kind of file envlint reads, with their lines: what inline suppressions and
`--add-noqa` work on. Only real comments count (a string that reads like one does not), and the
spans of constructs that cannot hold a comment inside (a YAML block scalar, a Go raw string, a
multi-line Python string, a command continued with `\\`) are known, so a directive can cover them.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from .filenames import classify
from .kinds import FILE_KINDS, Style


@dataclass(frozen=True)
class Comment:
    line: int
    column: int  # 1-based, of the comment marker
    text: str  # the marker included
    own_line: bool  # nothing but blanks before and after it on its line(s)
    end_line: int  # differs from line for a block comment over several lines


@dataclass(frozen=True)
class Scan:
    comments: tuple[Comment, ...]
    # First and last line of each construct over several lines that cannot hold a comment inside.
    spans: tuple[tuple[int, int], ...]


def style_of(path: str) -> Style | None:
    """How comments are written in the file: its kind's (the registry in envlint/kinds.py), else by its
    name for files no extractor reads (`.pyi`, `.envrc`, any `.toml`), where a suppression may still stand."""
    kind = FILE_KINDS.get(classify(path.rsplit("/", 1)[-1]) or "")
    if kind is not None and kind.comment is not None:
        return kind.comment
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith(".go"):
        return "go"
    if name.endswith((".py", ".pyi")):
        return "python"
    if name.endswith((".yaml", ".yml", ".tpl")):  # Helm templates: `{{/* */}}` as well as `#`
        return "yaml"
    if name.startswith(("dockerfile", "containerfile")) or name.endswith(".dockerfile"):
        return "dockerfile"
    if name.endswith((".sh", ".bash")) or name == ".envrc":
        return "shell"
    if name in ("makefile", "gnumakefile") or name.endswith(".mk"):
        return "make"
    if name.startswith(".env") or name.endswith(".env"):
        return "envfile"
    if name.endswith(".toml"):
        return "toml"
    return None


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def _scan_python(text: str) -> Scan:
    lines = text.split("\n")  # as readline splits: not splitlines, which also splits at a form feed
    comments, spans = [], []
    prev = None
    joining = (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            (row, col), (end_row, _) = tok.start, tok.end
            if tok.type == tokenize.COMMENT:
                comments.append(Comment(row, col + 1, tok.string, not lines[row - 1][:col].strip(), row))
            elif end_row > row and tok.type not in (tokenize.NEWLINE, tokenize.NL):
                spans.append((row, end_row))  # a string over several lines
            if prev is not None and row > prev.end[0] and prev.type not in joining and tok.type != tokenize.DEDENT:
                spans.append((prev.end[0], row))  # lines joined by a `\`
            prev = tok
    except (tokenize.TokenError, SyntaxError):
        pass  # keep what was found before the error; extraction reports the file
    return Scan(tuple(comments), _merge(spans))


def _scan_go(text: str) -> Scan:
    comments, spans = [], []
    i, n, line, line_start = 0, len(text), 1, 0
    while i < n:
        c = text[i]
        if c == "\n":
            i, line, line_start = i + 1, line + 1, i + 1
        elif text.startswith(("//", "/*"), i):
            if text[i + 1] == "/":
                j = text.find("\n", i)
                j = n if j < 0 else j
            else:
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
            body = text[i:j]
            rest_end = text.find("\n", j)
            rest = text[j:n if rest_end < 0 else rest_end]
            own = not text[line_start:i].strip() and not rest.strip()
            comments.append(Comment(line, i - line_start + 1, body, own, line + body.count("\n")))
            if "\n" in body:
                line, line_start = line + body.count("\n"), text.rfind("\n", i, j) + 1
            i = j
        elif c in "\"'":  # interpreted string or rune: one line, backslash escapes
            j = i + 1
            while j < n and text[j] not in (c, "\n"):
                j += 2 if text[j] == "\\" else 1
            i = j + 1 if j < n and text[j] == c else j
        elif c == "`":  # raw string: may span lines, no escapes
            j = text.find("`", i + 1)
            j = n if j < 0 else j
            if "\n" in text[i:j]:
                spans.append((line, line + text.count("\n", i, j)))
                line, line_start = spans[-1][1], text.rfind("\n", i, j) + 1
            i = j + 1
        else:
            i += 1
    return Scan(tuple(comments), _merge(spans))


_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")


def _scan_shell(text: str) -> Scan:
    """Shell, Makefile and TOML: `#` at the start of a word, outside quotes; a command goes on after a
    `\\`, a newline inside quotes, and through its here-documents."""
    comments, spans, heredocs = [], [], []
    i, n, line, line_start, start, quote = 0, len(text), 1, 0, 1, ""
    while i < n:
        c = text[i]
        if c == "\\" and quote != "'":
            if text[i + 1:i + 2] == "\n":
                line, line_start = line + 1, i + 2
            i += 2
        elif quote:
            if c == quote:
                quote = ""
            elif c == "\n":
                line, line_start = line + 1, i + 1
            i += 1
        elif c == "\n":
            i, line, line_start = i + 1, line + 1, i + 1
            while heredocs and i < n:
                j = text.find("\n", i)
                j = n if j < 0 else j
                if text[i:j].strip() == heredocs[0]:
                    heredocs.pop(0)
                i, line, line_start = j + 1, line + 1, j + 1
            if line - 1 > start:
                spans.append((start, line - 1))
            start = line
        elif c in "'\"":
            quote, i = c, i + 1
        elif c == "#" and (i == line_start or text[i - 1] in " \t;|&("):
            j = text.find("\n", i)
            j = n if j < 0 else j
            comments.append(Comment(line, i - line_start + 1, text[i:j], not text[line_start:i].strip(), line))
            i = j
        elif (m := _HEREDOC.match(text, i)) and not text.startswith("<<<", i):
            heredocs.append(m.group(2))
            i = m.end()
        else:
            i += 1
    if line > start:
        spans.append((start, line))
    return Scan(tuple(comments), _merge(spans))


_BLOCK_HEADER = re.compile(r"(?:^|\s)[|>][-+0-9]*$")
_TEMPLATE_COMMENT = re.compile(r"\{\{-?\s*/\*.*?\*/\s*-?\}\}", re.DOTALL)


def _yaml_comment_at(raw: str) -> int:
    """Where the comment of one YAML line starts: `#` at the start or after a blank, outside quotes."""
    quote, escaped = "", False
    for i, c in enumerate(raw):
        if escaped:
            escaped = False
        elif quote:
            escaped = c == "\\" and quote == '"'
            quote = "" if c == quote else quote
        elif c in "'\"" and (i == 0 or raw[i - 1] in " \t[{,"):
            quote = c  # a quote opens a scalar only where a scalar starts (`it's` is plain)
        elif c == "#" and (i == 0 or raw[i - 1] in " \t"):
            return i
    return -1


def _scan_yaml(text: str) -> Scan:
    comments, spans = [], []
    header: tuple[int, int] | None = None  # (line, indentation) of the open block scalar's header
    last = 0
    for number, raw in enumerate(text.split("\n"), 1):
        indent = len(raw) - len(raw.lstrip(" "))
        if header is not None:
            if not raw.strip() or indent > header[1]:
                last = number if raw.strip() else last
                continue
            if last > header[0]:
                spans.append((header[0], last))
            header = None
        at = _yaml_comment_at(raw)
        if at >= 0:
            comments.append(Comment(number, at + 1, raw[at:], not raw[:at].strip(), number))
        if _BLOCK_HEADER.search((raw if at < 0 else raw[:at]).rstrip()):
            header, last = (number, indent), number
    if header is not None and last > header[0]:
        spans.append((header[0], last))
    for m in _TEMPLATE_COMMENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        own = not text[line_start:m.start()].strip() and not text[m.end():None if line_end < 0 else line_end].strip()
        comments.append(Comment(line, m.start() - line_start + 1, m.group(), own, line + m.group().count("\n")))
    return Scan(tuple(sorted(comments, key=lambda c: (c.line, c.column))), _merge(spans))


def _scan_full_lines(text: str, continued: bool) -> Scan:
    """Dockerfile and env files: only a line that starts with `#` is a comment (Docker passes a `#`
    anywhere else on as an argument or a value)."""
    comments, spans = [], []
    start = None
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if stripped.startswith("#"):
            comments.append(Comment(number, raw.index("#") + 1, stripped, True, number))
            continue
        if not stripped:
            continue
        start = number if start is None else start
        if continued and stripped.endswith("\\"):
            continue
        if number > start:
            spans.append((start, number))
        start = None
    return Scan(tuple(comments), tuple(spans))


def scan(path: str, text: str) -> Scan:
    style = style_of(path)
    if style == "python":
        return _scan_python(text)
    if style == "go":
        return _scan_go(text)
    if style == "yaml":
        return _scan_yaml(text)
    if style in ("shell", "make", "toml"):
        return _scan_shell(text)
    if style in ("dockerfile", "envfile"):
        return _scan_full_lines(text, continued=style == "dockerfile")
    return Scan((), ())


