"""Go templates as Helm writes them, parsed into a small tree (no evaluation here).

The lexer follows text/template: `{{- ` trims the whitespace before the action, ` -}}` the
whitespace after it, `{{/* */}}` is a comment. Each piece keeps the line and column it starts at, so
rendered text can be traced back to the template. Control actions (`if`, `else`, `with`, `range`,
`define`, `block`, `end`) become nested nodes; any other action is an `Expr`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Text:
    text: str
    offset: int  # where the text starts in the template


@dataclass
class Expr:
    source: str  # the action's text, without delimiters and trim markers
    offset: int


@dataclass
class Block:
    keyword: str  # "if", "with" or "range"
    source: str  # the expression after the keyword (for range, with its `$k, $v :=`)
    offset: int
    body: list = field(default_factory=list)
    otherwise: list = field(default_factory=list)  # the `else` branch; `else if` nests a Block here


class TemplateError(ValueError):
    """The template's actions do not nest (an `end` too many or missing)."""


@dataclass
class Template:
    path: str
    text: str
    nodes: list
    defines: dict[str, list]
    _newlines: list[int] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if not self._newlines:
            self._newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1


def _close(text: str, start: int) -> int:
    """Offset of the `}}` that ends the action opened before ``start``; quoted strings may hold braces."""
    i, quote = start, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"`":
            quote = ch
        elif text.startswith("}}", i):
            return i
        i += 1
    raise TemplateError("an action is not closed with }}")


def lex(text: str) -> list[Text | Expr]:
    tokens: list[Text | Expr] = []
    pos = 0
    while True:
        start = text.find("{{", pos)
        if start < 0:
            tokens.append(Text(text[pos:], pos))
            return tokens
        literal = text[pos:start]
        inner_start = start + 2
        if text[inner_start:inner_start + 2] in ("- ", "-\t", "-\n", "-\r"):
            literal = literal.rstrip(" \t\r\n")
            inner_start += 1
        tokens.append(Text(literal, pos))
        end = _close(text, inner_start)
        inner = text[inner_start:end]
        pos = end + 2
        if inner.endswith((" -", "\t-", "\n-")):
            inner = inner[:-1]
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
        inner = inner.strip()
        if not (inner.startswith("/*") and inner.endswith("*/")):
            tokens.append(Expr(inner, start))


def _split_keyword(source: str) -> tuple[str, str]:
    keyword, _, rest = source.partition(" ")
    return keyword, rest.strip()


def parse(path: str, text: str) -> Template:
    root: list = []
    defines: dict[str, list] = {}
    # Each open scope: (kind, the Block or define name, the list new nodes go to).
    stack: list[tuple[str, object, list]] = [("root", None, root)]
    for token in lex(text):
        target = stack[-1][2]
        if isinstance(token, Text):
            if token.text:
                target.append(token)
            continue
        keyword, rest = _split_keyword(token.source)
        if keyword in ("if", "with", "range"):
            block = Block(keyword, rest, token.offset)
            target.append(block)
            stack.append((keyword, block, block.body))
        elif keyword in ("define", "block"):
            name = rest.split()[0].strip('"`') if rest.split() else ""
            if keyword == "block":  # `block` defines and calls at once
                target.append(Expr(f"template {rest}", token.offset))
            defines[name] = []
            stack.append(("define", name, defines[name]))
        elif keyword == "else":
            kind, block, _ = stack[-1]
            if not isinstance(block, Block):
                raise TemplateError("`else` outside if/with/range")
            nested_keyword, nested = _split_keyword(rest)
            if nested_keyword in ("if", "with"):
                # `else if`: a block nested in the else branch; it takes the place of the outer one on
                # the stack, so the chain's single `end` closes both.
                inner = Block(nested_keyword, nested, token.offset)
                block.otherwise.append(inner)
                stack[-1] = (nested_keyword, inner, inner.body)
            else:
                stack[-1] = (kind, block, block.otherwise)
        elif keyword == "end":
            if len(stack) == 1:
                raise TemplateError("`end` without an open block")
            stack.pop()
        else:
            target.append(token)
    if len(stack) > 1:
        raise TemplateError(f"`{stack[-1][0]}` is not closed with `end`")
    return Template(path, text, root, defines)
