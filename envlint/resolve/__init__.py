"""Resolution after extraction: what one file's facts mean given the other files of the repository.

Extraction is per file (or Go package) so that it can be cached and run in parallel; names that come
from another module (a constant imported from a settings module, a wrapper in another package, a
settings base class) are completed here, once every file's facts are known. Each language's resolver
reads only the `FileFacts.extra` records its own extractor wrote, and returns the facts with those
reads added or completed.
"""

from __future__ import annotations

from ..model import FileFacts
from .go import resolve_go
from .python import resolve_python


def resolve(facts: list[FileFacts], go_modules: dict[str, str]) -> list[FileFacts]:
    """``go_modules`` maps a folder holding go.mod to its module path."""
    return resolve_go(resolve_python(facts), go_modules)
