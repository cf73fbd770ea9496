"""Renderers: a `Report` in, the bytes of one output format out. Adding a format is adding a function."""

from __future__ import annotations

from typing import Callable

from .concise import render_concise
from .github import render_github
from .json_format import render_json
from .json_lines import render_json_lines
from .junit import render_junit
from .report import Report
from .sarif import render_sarif
from .text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "json-lines": render_json_lines,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}

__all__ = ["RENDERERS", "Report"]
