"""Placeholders of configuration files: `${X}`, `${X:-default}`, `${env:X}`, `${env:X:-default}` (the
OpenTelemetry collector's and Jaeger's syntax), `{{ env "X" }}`, ClickHouse's `<element from_env="X"/>`
(the element takes the variable's value). A launch site that hands such a file to its program (a bind
mount, a COPY into the image) makes the program read X. Only upper-case names count: lower-case
placeholders are the file's own template variables. Compose files are not read here: their
`${X}` is compose's interpolation from the host, not the program's read.
"""

from __future__ import annotations

import bisect
import re

from ..model import Default, FileFacts, Location, Read

_DOLLAR = re.compile(r"\$\{(?:env:)?([A-Z_][A-Z0-9_]*)(?:(:?[-=])([^}]*))?\}")
_GO_TEMPLATE = re.compile(r"\{\{-?\s*env\s+\"([A-Z_][A-Z0-9_]*)\"\s*-?\}\}")
# An XML attribute, so only inside a tag: `<max_server_memory_usage_to_ram_ratio from_env="RATIO"/>`.
# XML comments are blanked (keeping offsets) first: a commented-out element sets nothing.
_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FROM_ENV = re.compile(r"<[\w.:-]+\s[^<>]*?\bfrom_env\s*=\s*[\"']([A-Z_][A-Z0-9_]*)[\"']")


def extract_placeholders(path: str, data: bytes) -> list[FileFacts]:
    if b"${" not in data and b"env" not in data:
        return []
    text = data.decode("utf-8", errors="replace")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> Location:
        index = bisect.bisect_right(starts, offset) - 1
        return Location(path, index + 1, offset - starts[index] + 1)

    reads = []
    for match in _DOLLAR.finditer(text):
        default = Default()
        if match.group(2) is not None and "$" not in match.group(3):
            default = Default(kind="literal", values=(match.group(3),), covers_empty=match.group(2).startswith(":"))
        reads.append(
            Read(
                name=match.group(1),
                location=where(match.start()),
                form="config ${}",
                default=default,
                function=None,
                name_text=match.group(1),
            )
        )
    reads.extend(Read(name=m.group(1), location=where(m.start()), form='config {{ env "" }}', name_text=m.group(1))
                 for m in _GO_TEMPLATE.finditer(text))
    reads.extend(Read(name=m.group(1), location=where(m.start(1)), form='config from_env=""', name_text=m.group(1))
                 for m in _FROM_ENV.finditer(_XML_COMMENT.sub(lambda c: re.sub(r"[^\n]", " ", c.group()), text)))
    if not reads:
        return []
    return [FileFacts(path=path, language="config", reads=tuple(sorted(reads, key=lambda r: r.location)))]
