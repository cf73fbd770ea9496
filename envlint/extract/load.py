"""Reading one discovered file for extraction: its bytes when they are UTF-8 text of a sane size (a
Python file in the encoding it declares is recoded), else the Problem that says why it is skipped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from ..discover import SourceFile
from ..model import Location, Problem

MAX_FILE_BYTES = 2_000_000  # larger sources are generated code or data, not launchers or readers
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)


# The marks of a generated file (Go's `// Code generated ... DO NOT EDIT.`, and the usual spellings): a
# machine writes it, nobody edits a launch site or a read in it by hand.
_GENERATED = re.compile(rb"(?i)(code generated\b.*do not edit|\bdo not edit\b|auto-generated|@generated)")


def load(root: Path, source: SourceFile) -> tuple[bytes | None, Problem | None]:
    """The file's bytes when they are UTF-8 text of a sane size, else the reason they are not."""
    return _load(_base(root), source)


def loader(root: Path) -> Callable[[SourceFile], tuple[bytes | None, Problem | None]]:
    """load() for many files of one root."""
    base = _base(root)
    return lambda source: _load(base, source)


def _base(root: Path) -> str:
    return os.fspath(root).rstrip("/") + "/"  # + a discovered (normalised, relative) path: root / path


def _load(base: str, source: SourceFile) -> tuple[bytes | None, Problem | None]:
    try:
        size, data = _read(base + source.path)
    except OSError as exc:
        return None, Problem(location=Location(source.path, 1, 1), kind="unreadable",
                             message=f"cannot be read: {exc.strerror or exc}")
    if size > MAX_FILE_BYTES:
        kind = "generated" if _GENERATED.search(data) else "too-large"
        return None, Problem(location=Location(source.path, 1, 1), kind=kind,
                             message=f"{size} bytes, over the {MAX_FILE_BYTES}-byte limit; skipped")
    if data.find(b"\0", 0, 8192) >= 0:  # as `in data[:8192]`, without the copy
        return None, Problem(location=Location(source.path, 1, 1), kind="binary",
                             message="binary content (NUL bytes); skipped")
    if source.kind == "python":
        # The first two lines (PEP 263), without splitting off a copy of the rest of the file.
        first = data.find(b"\n")
        second = data.find(b"\n", first + 1) if first >= 0 else -1
        cookie = _CODING.search(data[:second] if second >= 0 else data)
        if cookie and cookie.group(1).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
            return _recode(source, data, cookie.group(1).decode("ascii"))
    if not data.isascii():  # ASCII is UTF-8: no decoding needed to know it
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            return None, Problem(location=Location(source.path, line, column), kind="not-utf8",
                                 message=f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); skipped")
    return data, None


def _read(path: str) -> tuple[int, bytes]:
    """The file's size and bytes; over MAX_FILE_BYTES, its first 4 KB only (a 4 GB file is never read
    whole). One open and one fstat on it, rather than a stat by name and then an open: the same
    answers (the size before reading, all bytes up to the end as read_bytes() gives them) and the
    same errors (the open's, or a read's for a folder: EISDIR)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            return size, os.read(fd, 4096)
        data = os.read(fd, size + 1)
        if len(data) != size:  # grown or shrunk since the fstat: read on to the end, as read_bytes would
            chunks = [data]
            while chunk := os.read(fd, 65536):
                chunks.append(chunk)
            data = b"".join(chunks)
        return size, data
    finally:
        os.close(fd)


def _recode(source: SourceFile, data: bytes, encoding: str) -> tuple[bytes | None, Problem | None]:
    """A Python file that declares its encoding (PEP 263) is read in it; tree-sitter gets UTF-8."""
    start = Location(source.path, 1, 1)
    try:
        return data.decode(encoding).encode("utf-8"), None
    except LookupError:
        return None, Problem(
            location=start, kind="unknown-encoding", message=f"declares the unknown encoding {encoding!r}; skipped"
        )
    except UnicodeDecodeError as exc:
        return None, Problem(
            location=start, kind="not-decodable", message=f"not valid {encoding} as it declares ({exc.reason}); skipped"
        )
