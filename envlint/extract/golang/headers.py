"""What a Go file says about itself without any query: its package, imports, `func main`, syntax
error, the names it refers to, env-named field literals, embeds and environment iteration.

The full extraction (extract_go_package) starts every file's facts from these; a file of a package
the prefilter lets through nowhere (envlint/extract/prefilter.py) gets only these, from the same code.
"""

from __future__ import annotations

from ...model import FileFacts, ImportRef, Location, Problem
from .. import syntax
from .embeds import embeds
from .envfields import env_field_literals
from .index import HEADER_QUERIES, GoFile, read_file
from .references import referenced_words
from .whole_env import read_prefixes


def header_facts(go_file: GoFile) -> FileFacts:
    problems = []
    if go_file.error is not None:
        problems.append(Problem(location=go_file.source.location(go_file.error), kind="syntax-error",
                                message="syntax error; the rest of the file was analysed"))
    has_main = go_file.package == "main" and any(
        c.type == "function_declaration" and syntax.text(c.child_by_field_name("name")) == "main"
        for c in go_file.root.named_children)
    return FileFacts(
        path=go_file.path, language="go", package=go_file.package,
        imports=tuple(ImportRef(module=p) for p in go_file.import_paths),
        has_main=has_main, problems=tuple(problems),
        read_prefixes=read_prefixes(go_file),
        referenced_words=referenced_words(go_file.source.data),
        env_fields=env_field_literals(go_file.path, go_file.source.data),
        embeds=embeds(go_file),
    )


def failed(path: str, exc: Exception) -> FileFacts:
    kind, message = ("too-deep", "nested too deeply to analyse; skipped") if isinstance(exc, RecursionError) else \
        ("internal-error", f"envlint failed on this file ({type(exc).__name__}: {exc}); skipped")
    return FileFacts(
        path=path, language="go", problems=(Problem(location=Location(path, 1, 1), kind=kind, message=message),)
    )


def extract_go_headers(files: list[tuple[str, bytes]]) -> list[FileFacts]:
    """The header facts of each file, in input order (a package no wanted file needs)."""
    out = []
    for path, data in files:
        try:
            out.append(header_facts(read_file(path, data, HEADER_QUERIES)))
        except Exception as exc:  # noqa: BLE001 - reported as a problem of this file
            out.append(failed(path, exc))
        finally:
            syntax.release()
    return out
