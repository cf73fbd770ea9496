"""The floors, each run in a process of its own (measure.py starts it) so that its peak memory is its own.

    python -m bench.floor read|parse|query PROCESSES LISTING.json

prints one JSON object: the seconds of the work itself (after imports and the listing are loaded,
since every linter pays those once and envlint's own start-up is inside its measured time), and
counts that show the work was done (files parsed, query matches).
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from pathlib import Path

import tree_sitter

from envlint.extract import syntax

from .prefilter import chosen

_STATE: dict = {}


def compile_queries(lang: str) -> list[tree_sitter.Query]:
    """envlint's `.scm` files of a language, compiled with envlint's grammar: all in one query when
    they compile together (one cursor per file, the fewest passes possible), else one per file."""
    paths = sorted((syntax.rules_dir() / lang).glob("*.scm"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    try:
        return [tree_sitter.Query(syntax.language(lang), "\n".join(texts))]
    except tree_sitter.QueryError:
        return [tree_sitter.Query(syntax.language(lang), text) for text in texts]


def _setup(root: str, mode: str) -> None:
    # Each process builds its own parsers and queries: tree-sitter objects are not shared across forks.
    _STATE["root"] = Path(root)
    _STATE["parsers"] = {lang: tree_sitter.Parser(syntax.language(lang)) for lang in ("go", "python")}
    if mode == "query":
        _STATE["queries"] = {lang: compile_queries(lang) for lang in ("go", "python")}
        _STATE["wanted"] = chosen()[1]


def _one(item: tuple[str, str]) -> tuple[int, int, int]:
    """(bytes read, files parsed, query matches) of one file."""
    path, lang = item
    data = (_STATE["root"] / path).read_bytes()
    if lang == "read":
        return len(data), 0, 0
    if "queries" in _STATE and not _STATE["wanted"](path, data):
        return len(data), 0, 0
    tree = _STATE["parsers"][lang].parse(data)
    matches = 0
    for query in _STATE.get("queries", {}).get(lang, ()):
        matches += len(tree_sitter.QueryCursor(query).matches(tree.root_node))
    return len(data), 1, matches


def run(mode: str, processes: int, listing: dict) -> dict:
    if mode == "read":
        items = [(path, "read") for path in listing["all"]]
    else:
        items = [(path, lang) for path, lang in listing["code"]]
    # Largest first, so that two processes finish together instead of one waiting on a last big file.
    sizes = listing["sizes"]
    items.sort(key=lambda item: (-sizes.get(item[0], 0), item[0]))
    start = time.perf_counter()
    if processes == 1:
        _setup(listing["root"], mode)
        results = [_one(item) for item in items]
    else:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes, initializer=_setup, initargs=(listing["root"], mode)) as pool:
            results = list(pool.imap_unordered(_one, items, chunksize=8))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(items), "bytes": sum(r[0] for r in results),
            "parsed": sum(r[1] for r in results), "matches": sum(r[2] for r in results)}


def main(argv: list[str]) -> int:
    mode, processes, listing_path = argv
    listing = json.loads(Path(listing_path).read_text())
    print(json.dumps(run(mode, int(processes), listing), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
