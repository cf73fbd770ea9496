"""A service while the graph stage assembles it (Draft), and the folder tests that assign files to one."""

from __future__ import annotations

import bisect
import posixpath
from dataclasses import dataclass, field

from ..builds import Dockerfile
from ..model import FileFacts, ImageOrigin, Location, Read, Service
from .configreads import copied_config_reads, embedded_config_reads
from .fieldreads import field_reads
from .goreach import unreached_reads
from .pyimports import Entries, imported_files


def under(path: str, root: str) -> bool:
    return root == "." or path == root or path.startswith(root + "/")


def files_under(sorted_paths: list[str], root: str) -> list[str]:
    """The paths inside folder ``root``, found by bisection in a sorted list (services x files stays cheap)."""
    if root == ".":
        return list(sorted_paths)
    prefix = root + "/"
    start = bisect.bisect_left(sorted_paths, prefix)
    end = bisect.bisect_left(sorted_paths, prefix[:-1] + chr(ord("/") + 1))
    return sorted_paths[start:end]


def folder_of(path: str) -> str:
    return posixpath.dirname(path) or "."


@dataclass
class Draft:
    """A service while it is being assembled; frozen into a `Service` at the end."""

    name: str
    kind: str
    root: str
    marker: str
    files: list[str]
    images: list[ImageOrigin] = field(default_factory=list)  # each name and where it comes from
    dockerfiles: list[Dockerfile] = field(default_factory=list)
    declared: bool = False
    incomplete: str = ""  # why the program may read names no file of the repository shows

    def build(self, name: str, by_path: dict[str, FileFacts], entries: Entries,
              placeholders: dict[str, tuple[Read, ...]]) -> Service:
        facts = [by_path[f] for f in self.files if f in by_path]
        copied = tuple(r for d in self.dockerfiles for r in copied_config_reads(d, placeholders)) \
            + tuple(embedded_config_reads(facts, placeholders))
        for dockerfile in self.dockerfiles:
            entries = entries.plus(dockerfile.command)
        # The `__main__` block of a module the service imports runs only when that file is run as a script.
        library = imported_files(self.files, by_path, self.root) \
            if any(r.script_only for f in facts for r in f.reads) else set()
        library = {p for p in library if not entries.holds(p)}
        languages = {f.language for f in facts if f.language in ("go", "python")}
        kind = self.kind
        if kind == "declared":
            kind = "go" if languages == {"go"} else "python" if languages == {"python"} else "image"
        unreached = unreached_reads(facts)
        return Service(
            name=name, kind=kind, root=self.root, location=Location(self.marker, 1, 1),  # type: ignore[arg-type]
            reads=tuple(r for f in facts for r in f.reads
                        if not (r.script_only and f.path in library) and r.location not in unreached)
            + tuple(r for d in self.dockerfiles for r in d.reads),
            weak_reads=tuple(dict.fromkeys(copied + field_reads(facts))),
            process_sets=tuple(s for f in facts for s in f.process_sets),
            files=tuple(sorted(set(self.files))),
            languages=tuple(sorted(languages)),  # type: ignore[arg-type]
            images=tuple(sorted({o.name for o in self.images})), image_origins=tuple(sorted(set(self.images))),
            reads_dynamic=any(f.reads_dynamic for f in facts),
            read_prefixes=tuple(sorted({p for f in facts for p in f.read_prefixes})),
            declared=self.declared, dockerfiles=tuple(sorted(d.path for d in self.dockerfiles)),
            image_env=tuple(e for d in self.dockerfiles for e in d.env),
            stage_env=tuple(group for d in self.dockerfiles for group in d.stage_env),
            incomplete=self.incomplete,
        )
