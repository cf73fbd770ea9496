"""Renderers: a `Report` in, the bytes of one output format out. Adding a format is adding a function."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import Callable

from .report import Report

# format -> (module of this package, function): a renderer's module is imported when its format is
# asked for, so a run does not load them all (the JUnit one imports xml.etree: 2 ms).
_WHERE = {
    "text": ("text", "render_text"),
    "concise": ("concise", "render_concise"),
    "json": ("json_format", "render_json"),
    "json-lines": ("json_lines", "render_json_lines"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "junit": ("junit", "render_junit"),
}


class _Renderers(Mapping[str, Callable[[Report], str]]):
    def __getitem__(self, fmt: str) -> Callable[[Report], str]:
        module, function = _WHERE[fmt]
        return getattr(import_module(f"{__name__}.{module}"), function)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


RENDERERS: Mapping[str, Callable[[Report], str]] = _Renderers()

__all__ = ["RENDERERS", "Report"]
