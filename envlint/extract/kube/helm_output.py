"""Rendered text that remembers, for every piece, where in the chart it was written and under which
`if` conditions, so a node parsed from the rendered YAML can be located in the template, helper or
values file it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Condition = tuple[int, str]  # (unique id of the `if` instance, its text)


@dataclass(frozen=True)
class Origin:
    path: str
    line: int  # 1-based
    column: int  # 1-based
    conditions: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Segment:
    text: str  # never holds a newline
    origin: Origin
    note: str = ""  # an action that could not be rendered here


Line = list[Segment]


@dataclass
class Piece:
    """Rendered lines as a value (`include`, `toYaml`), before they are placed."""

    lines: list[Line]

    def text(self) -> str:
        return "\n".join("".join(s.text for s in line) for line in self.lines)


@dataclass
class Output:
    lines: list[Line] = field(default_factory=lambda: [[]])

    def write(self, text: str, origin: Origin, advance: bool = True) -> None:
        """Template text: after each newline the origin moves to the next line (unless ``advance`` is
        False: a value's own newlines all stem from the one action)."""
        for number, part in enumerate(text.split("\n")):
            if number:
                self.lines.append([])
                if advance:
                    origin = Origin(origin.path, origin.line + 1, 1, origin.conditions)
            if part:
                self.lines[-1].append(Segment(part, origin))

    def place(self, piece: Piece) -> None:
        for number, line in enumerate(piece.lines):
            if number:
                self.lines.append([])
            self.lines[-1].extend(line)

    def mark(self, note: str, origin: Origin) -> None:
        self.lines[-1].append(Segment("", origin, note))

    def piece(self) -> Piece:
        return Piece(self.lines)


def indent(piece: Piece, width: int, leading_newline: bool, origin: Origin) -> Piece:
    """Helm's `indent` (every line) and `nindent` (a newline first, then `indent`)."""
    pad = Segment(" " * width, origin) if width > 0 else None
    lines = [([pad] if pad else []) + line for line in piece.lines]
    return Piece(([[]] if leading_newline else []) + lines)


def text_piece(text: str, origin: Origin) -> Piece:
    out = Output()
    out.write(text, origin, advance=False)
    return out.piece()


@dataclass(frozen=True)
class Rendered:
    """A template after rendering: its text and, per rendered line, where each column came from."""

    text: str
    lines: tuple[tuple[Segment, ...], ...]

    def origin(self, line: int, column: int) -> tuple[Origin, int]:
        """The origin of the 0-based position, and the 1-based column there in the origin file."""
        segments = self.lines[line] if 0 <= line < len(self.lines) else ()
        start = 0
        for segment in segments:
            if segment.text and start <= column < start + len(segment.text):
                return segment.origin, segment.origin.column + column - start
            start += len(segment.text)
        written = [s for s in segments if s.text.strip()] or [s for s in segments if s.text] or list(segments)
        if written:
            return written[0].origin, written[0].origin.column
        return Origin("", 1, 1), 1

    def notes(self, first: int, last: int) -> list[str]:
        return [s.note for line in self.lines[first:last + 1] for s in line if s.note]


def finish(output: Output) -> Rendered:
    lines = tuple(tuple(line) for line in output.lines)
    return Rendered("\n".join("".join(s.text for s in line) for line in lines), lines)
