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

A light file is still parsed and indexed (its constants and functions serve the others), and reads
that other files place in it (a struct field that envconfig reads) are still its reads. No query walks
its tree: its declarations are read from the tree's top, and its calls (for inherited guards) and the
names its functions declare are found only if its tree is parsed again (index.build_index, inherited.py).
It is summarised (`summarise`) and its tree dropped before the next file is parsed (lazy.py): a
package's peak memory is then its full files' trees and one light file's, not all of its trees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import FileFacts
from ..prefilter import go_wanted
from .headers import header_facts
from .index import GoFile, function_names
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


@dataclass
class LightSummary:
    """What the package needs of a light file once its tree is dropped."""

    header: FileFacts | Exception  # its header facts, or what header_facts raised (reported as then)
    functions: frozenset[str]  # the functions it declares (inherited.InheritedGuards)
    _words: frozenset[str] | None = field(default=None, repr=False, compare=False)  # may_name's, once asked

    def may_name(self, name: str) -> bool:
        """Whether the file may call or otherwise name ``name`` (inherited.InheritedGuards): its header's
        referenced words hold every name its code spells but a function's own declaration (a call is a
        mention). True when the header could not be made."""
        if isinstance(self.header, Exception):
            return True
        words = self._words
        if words is None:
            words = self._words = frozenset(self.header.referenced_words.split())
        return name in words

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
    """Record a light file's summary on it (True: its tree may be dropped)."""
    try:
        header: FileFacts | Exception = header_facts(go_file)
    except Exception as exc:  # noqa: BLE001 - raised again where the facts are made (_light_facts)
        header = exc
    go_file.light = LightSummary(header, function_names(go_file.root))
    return True
