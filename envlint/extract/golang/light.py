"""Light files: the files of a whole package that need no fact extraction of their own.

A package is extracted whole when one of its files is wanted by the byte prefilter (prefilter.py),
because names resolve across its files. But in a big package (a compiler's 77 files, one of which
calls os.Getenv) most files hold no read, set or launch: the prefilter's anchors (`env` in any case,
`Command`, the SDK imports) are what any extractor needs inside the file itself. What such a file can
still hold comes from elsewhere, and each is checked here:

- a call of one of the package's wrappers (a function or method that reads the variable its caller
  names): the file is full when its bytes spell a wrapper's name;
- a viper getter, which reads a variable when another file calls AutomaticEnv: every file of a package
  that imports viper is full;
- a call of another package's exported wrapper: not known inside the unit. A light file records no
  calls into other packages (`GoExtra.light`), and extract_all extracts the package again with every
  file full when a light file spells an exported wrapper's name (go_units.light_promoted).

A light file is still parsed and indexed (its constants, functions and calls serve the others), and
reads that other files place in it (a struct field that envconfig reads) are still its reads. It is
summarised (`summarise`) and its tree dropped before the next file is parsed (lazy.py): a package's
peak memory is then its full files' trees and one light file's, not all of its trees.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from ...model import FileFacts
from .. import syntax
from ..prefilter import go_wanted
from .guards import private
from .headers import header_facts
from .index import GoFile, function_names
from .lazy import findable
from .tagged import CAARLOS0, ENVCONFIG, KONG

VIPER_IMPORT = b'"github.com/spf13/viper"'


def light_candidates(files: list[tuple[str, bytes]], everything: bool) -> frozenset[str]:
    """The files that may be light, before the wrappers are known: those the prefilter does not want,
    unless the unit asks for every file in full or the package uses viper."""
    if everything or any(VIPER_IMPORT in data for _, data in files):
        return frozenset()
    return frozenset(path for path, data in files if not go_wanted(data))


def still_light(data: bytes, wrapper_names: set[str]) -> bool:
    """Whether a candidate stays light once the package's wrappers are known: it spells none of them
    (a substring test, so it errs on the side of a full extraction)."""
    return not any(name.encode() in data for name in wrapper_names)


@dataclass(frozen=True)
class LightSummary:
    """What the package needs of a light file once its tree is dropped."""

    header: FileFacts | Exception  # its header facts, or what header_facts raised (reported as then)
    functions: frozenset[str]  # the functions it declares (guards.InheritedGuards)
    # Its calls of functions only the package can call: name -> (start, end) bytes of each call in
    # source order, flat (a generated file has tens of thousands: an object each would outlive its tree).
    calls: dict[str, array]

    def header_facts(self) -> FileFacts:
        if isinstance(self.header, Exception):
            raise self.header
        return self.header


# Struct tags are looked up in every file's tree (structs.struct_types, struct_of) when a file of the
# package imports one of these (tagged.parses_tags): dropped trees would all be parsed again.
_TAG_IMPORTS = tuple(b'"' + path.encode() for path in (ENVCONFIG, CAARLOS0, KONG))


def summarised(files: list[tuple[str, bytes]]) -> bool:
    """Whether the package's light files are summarised and their trees dropped: unless its bytes spell
    the import of a struct tag library (a prefix test, so it errs on the side of keeping the trees)."""
    return not any(tag in data for _, data in files for tag in _TAG_IMPORTS)


def summarise(go_file: GoFile) -> bool:
    """Record a light file's summary on it; False (the tree is kept) when a call could not be found again."""
    try:
        header: FileFacts | Exception = header_facts(go_file)
    except Exception as exc:  # noqa: BLE001 - raised again where the facts are made (_light_facts)
        header = exc
    root = go_file.root
    functions = function_names(root)
    calls: dict[str, array] = {}
    for captures in syntax.matches("go", "local_calls", root):
        name = syntax.text(captures["function"][0])
        if captures["arguments"][0].has_error or not private(name, go_file):
            continue
        call = captures["call"][0]
        # In a tree without errors a call is the smallest named node over its bytes (its function and
        # arguments are both shorter), which is what lazy.find gives; a tree with errors is checked.
        if root.has_error and not findable(root, call):
            return False
        calls.setdefault(name, array("q")).extend((call.start_byte, call.end_byte))
    go_file.light = LightSummary(header, functions, calls)
    return True
