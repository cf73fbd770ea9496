"""Build the benchmark corpus on this machine, with no network.

Python comes from the installed interpreter (its standard library and the site-packages folders that
`sysconfig` names), Go from Debian's `golang-src` when it is installed (else from generated Go
packages, and the report says so), and launch sites from the generated layer (generated.py). Sources
are taken a whole folder at a time (a Go package, a Python package level), in an order fixed by a
hash of the folder's path, until each language's line budget for the scale is met: a spread over the
whole tree rather than its alphabetical start, identical on every run, and each scale a superset of
the smaller ones, so that growth compares like with like.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import sys
import sysconfig
import zlib
from dataclasses import dataclass
from pathlib import Path

from envlint.discover import DEFAULT_EXCLUDE, classify

from . import generated, gofill

LINES_PER_LANGUAGE = 480_000  # Go and Python each at 1x; the generated layer brings the rest to ~1M
UNITS_PER_SCALE = 200
GO_ROOTS = ("/usr/share/go*/src", "/usr/lib/go*/src")
FORMAT = 4  # bump when the layout changes: a corpus built by another format is rebuilt


@dataclass(frozen=True)
class Source:
    name: str  # the folder the source is copied under, in the corpus
    root: Path
    suffix: str  # ".go" or ".py"


def python_sources() -> list[Source]:
    """The standard library, then every site-packages folder of this interpreter and of the one it
    was made from (a venv's own site-packages is small; the base interpreter's is where packages are)."""
    paths = sysconfig.get_paths()
    base = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
    found: list[Source] = []
    seen: set[Path] = set()
    for name, key, table in (("stdlib", "stdlib", paths), ("purelib", "purelib", paths),
                             ("platlib", "platlib", paths), ("base-purelib", "purelib", base)):
        root = Path(table[key]).resolve()
        if root.is_dir() and root not in seen:
            seen.add(root)
            found.append(Source(f"python/{name}", root, ".py"))
    return found


def go_source() -> Source | None:
    """Go's own tree from golang-src (the newest installed), or None when the package is absent."""
    candidates = sorted(p for pattern in GO_ROOTS for p in Path("/").glob(pattern.lstrip("/")) if p.is_dir())
    return Source("go", candidates[-1].resolve(), ".go") if candidates else None


def _excluded(rel_parts: tuple[str, ...]) -> bool:
    # Folders envlint never reads (vendor, testdata, site-packages...) would inflate the counts
    # without being measured; other sources' folders stay out of this one's (stdlib holds site-packages).
    return any(fnmatch.fnmatch(part, pattern) for part in rel_parts for pattern in DEFAULT_EXCLUDE)


def folders(source: Source, others: tuple[Path, ...] = ()) -> list[tuple[str, list[Path]]]:
    """(relative folder, its files of the source's language), in the fixed hashed order."""
    out = []
    for folder, dirs, files in os.walk(source.root):
        here = Path(folder)
        rel = here.relative_to(source.root)
        dirs[:] = sorted(d for d in dirs if not _excluded((d,)) and (here / d).resolve() not in others)
        # Only the files envlint reads (it skips tests by name: *_test.go, test_*.py...).
        chosen = sorted(here / f for f in files if f.endswith(source.suffix) and classify(f) in ("go", "python")
                        and (here / f).is_file())
        if chosen:
            out.append((rel.as_posix(), chosen))
    return sorted(out, key=lambda item: (zlib.crc32(f"{source.name}/{item[0]}".encode()), item[0]))


def _place(src: Path, dest: Path, trailer: bytes) -> int:
    """Hard-link (copy across file systems) a source file; a reused copy gets a trailer so that no two
    corpus files have the same bytes (a content-hash cache must not serve one from the other)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if trailer:
        data = src.read_bytes() + trailer
        dest.write_bytes(data)
        return data.count(b"\n")
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)
    return dest.read_bytes().count(b"\n")


def fill(dest: Path, sources: list[Source], budget: int, comment: bytes,
         language: str) -> tuple[int, int, list[str]]:
    """Copy whole folders of ``sources`` until ``budget`` lines; when every folder is used, take them
    again under `again<k>/` (noted). Returns (lines, files, notes)."""
    roots = tuple(s.root for s in sources)
    lines = files = 0
    notes: list[str] = []
    plan = [(s, rel, paths) for s in sources for rel, paths in folders(s, tuple(r for r in roots if r != s.root))]
    plan.sort(key=lambda item: (zlib.crc32(f"{item[0].name}/{item[1]}".encode()), item[0].name, item[1]))
    rounds = 0
    while lines < budget and plan:
        prefix = f"again{rounds}/" if rounds else ""
        trailer = b"\n" + comment + b" bench copy %d\n" % rounds if rounds else b""
        for source, rel, paths in plan:
            if lines >= budget:
                break
            for path in paths:
                lines += _place(path, dest / f"{prefix}{source.name}" / rel / path.name, trailer)
                files += 1
        rounds += 1
    if rounds > 1:
        notes.append(f"{language} sources ran out: folders taken {rounds} times (copies end in a distinct comment)")
    return lines, files, notes


def go_modules(dest: Path, source: Source) -> None:
    """Go's own module files (std, cmd), so that import paths resolve as they do in Go's tree."""
    for mod in ("go.mod", "cmd/go.mod"):
        if (source.root / mod).is_file():
            (dest / "go" / mod).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source.root / mod, dest / "go" / mod)


def build(dest: Path, scale: float, units: int | None = None) -> dict:
    """The corpus at ``dest`` for ``scale`` (reused when one of the same recipe is there); returns its
    manifest: where each part came from, lines and files per part, and notes to print."""
    go = go_source()
    units = int(UNITS_PER_SCALE * scale) if units is None else units
    recipe = {"format": FORMAT, "scale": scale, "units": units, "go": str(go.root) if go else None,
              "python": [str(s.root) for s in python_sources()]}
    manifest_path = dest / ".bench-manifest.json"
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("recipe") == recipe:
            return manifest
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    budget = int(LINES_PER_LANGUAGE * scale)
    notes: list[str] = []
    parts: dict[str, dict[str, int]] = {}
    py_lines, py_files, more = fill(dest, python_sources(), budget, b"#", "Python")
    parts["python"] = {"lines": py_lines, "files": py_files}
    notes += more
    if go is not None:
        go_lines, go_files, more = fill(dest, [go], budget, b"//", "Go")
        go_modules(dest, go)
        notes += more
        notes.append(f"Go: {go.root}")
    else:
        go_lines, go_files = gofill.write(dest / "go", budget)
        notes.append("Go: golang-src is not installed (apt-get install golang-src); generated Go packages stand in")
    parts["go"] = {"lines": go_lines, "files": go_files}
    generated.write_units(dest / "gen", units)
    parts["generated"] = {"units": units}
    manifest = {"recipe": recipe, "parts": parts, "notes": notes}
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest
