"""`--add-noqa` for Python: through libcst, so that every byte but the comment stays as it was.

The comment goes into the `TrailingWhitespace` that ends the finding's line: the end of a statement,
or a line break inside brackets. A line inside a string over several lines, or joined to the next by
`\\`, has none: the comment goes at the end of the last line of that construct, which
envlint/suppress.py counts for every line of it.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import PositionProvider

from .comments import scan
from .suppress import DIRECTIVE, parse_codes


def _with_codes(comment: str, codes: set[str]) -> str:
    """The comment with the codes added: into its `envlint: ignore[...]`, or as a new one at its end."""
    for match in DIRECTIVE.finditer(comment):
        existing = parse_codes(match.group("codes"))
        if not match.group("file") and existing is not None:
            merged = ", ".join(sorted(set(existing) | codes))
            return comment[:match.start()] + f"envlint: ignore[{merged}]" + comment[match.end():]
    return f"{comment}  # envlint: ignore[{', '.join(sorted(codes))}]"


class _AddComments(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, wanted: dict[int, set[str]]) -> None:
        super().__init__()
        self.wanted = wanted
        self.done: set[int] = set()

    def leave_TrailingWhitespace(self, original: cst.TrailingWhitespace,
                                 updated: cst.TrailingWhitespace) -> cst.TrailingWhitespace:
        line = self.get_metadata(PositionProvider, original).start.line
        codes = self.wanted.get(line)
        if not codes or line in self.done:
            return updated
        self.done.add(line)
        if updated.comment is not None:
            return updated.with_changes(comment=cst.Comment(_with_codes(updated.comment.value, codes)))
        # PEP 8: two spaces before an inline comment; blanks already there are kept as they are.
        whitespace = updated.whitespace if updated.whitespace.value else cst.SimpleWhitespace("  ")
        return updated.with_changes(whitespace=whitespace,
                                    comment=cst.Comment(f"# envlint: ignore[{', '.join(sorted(codes))}]"))


def add_noqa_python(text: str, wanted: dict[int, set[str]]) -> str:
    """``text`` with the codes of ``wanted`` (line -> codes) in comments; unchanged if it does not parse."""
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return text  # extraction already reports the file; a guess here could break it further
    spans = scan("x.py", text).spans
    targets: dict[int, set[str]] = {}
    for line, codes in wanted.items():
        end = next((e for s, e in spans if s <= line <= e), line)
        targets.setdefault(end, set()).update(codes)
    return cst.MetadataWrapper(module).visit(_AddComments(targets)).code
