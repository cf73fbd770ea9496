"""Renderers: a `Report` in, the bytes of one output format out. Adding a format is adding a function."""

from __future__ import annotations

from typing import Callable

from .json_format import render_json
from .report import Report
from .text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
}

__all__ = ["RENDERERS", "Report"]
