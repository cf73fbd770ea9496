"""`junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

One testsuite "envlint"; one failing testcase per finding, named `CODE path:line:col` and classed by
service (or path, when no service), a file that could not be analysed included (ENV000). A clean run is a
single passing testcase, because an empty suite shows as "no tests" rather than as a pass.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .report import Report
from .text import summary_line

# XML 1.0 cannot hold most C0 controls even as character references, and ElementTree writes them
# as they are, producing a file no parser reads. A default like "\x1b[0m" can reach a message, so
# such characters are spelled out instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _element(parent: ET.Element, tag: str, attributes: dict[str, str], text: str | None = None) -> ET.Element:
    # ElementTree writes attributes in insertion order (Python >= 3.8): fixed order, stable output.
    element = ET.SubElement(parent, tag, {key: _xml_text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _testcase(suite: ET.Element, name: str, classname: str, file: str | None = None,
              line: int | None = None) -> ET.Element:
    attributes = {"name": name, "classname": classname, "time": "0"}
    if file is not None:
        attributes["file"] = file
    if line is not None:
        attributes["line"] = str(line)
    return _element(suite, "testcase", attributes)


def junit_tree(report: Report) -> ET.Element:
    # A file that could not be analysed is an ENV000 finding: a failure like the others, not an error.
    failures, errors = len(report.findings), 0
    tests = failures + errors or 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": "envlint", **counts, "time": "0"})
    suite = _element(root, "testsuite", {"name": "envlint", **counts, "skipped": "0", "time": "0"})
    for f in report.findings:
        case = _testcase(suite, f"{f.code} {f.location}", f.service or f.location.path, f.location.path,
                         f.location.line)
        # The body carries what the message attribute cannot: the related locations, one per line, and
        # the help (why and what to do).
        body = "\n".join([f"{f.location}: {f.code} {f.name} ({f.severity})",
                          *(f"{r.location}: {r.note}" for r in f.related),
                          *([f"help: {f.help}"] if f.help else [])])
        _element(case, "failure", {"type": f.code, "message": f.message}, body)
    if not report.findings:
        _testcase(suite, "envlint", "envlint")
    _element(suite, "system-out", {}, summary_line(report.summary))
    return root


def render_junit(report: Report) -> str:
    root = junit_tree(report)
    ET.indent(root)
    # encoding="unicode" gives a str without a declaration; add it by hand with the encoding the CLI
    # writes (UTF-8), so XML parsers need not guess.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
