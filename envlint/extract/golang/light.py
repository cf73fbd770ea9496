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
reads that other files place in it (a struct field that envconfig reads) are still its reads.
"""

from __future__ import annotations

from ..prefilter import go_wanted

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
