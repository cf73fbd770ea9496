"""Whether a Go file reads the whole environment: ranges over `os.Environ()` or hands it to a function
other than `append` (`parse(os.Environ())`). Such a program may read names it never spells out, so no
launch site's set can be called unread for its service. `append(os.Environ(), ...)` and
`cmd.Env = os.Environ()` build a child's environment and do not count.
"""

from __future__ import annotations

from .. import syntax
from .index import GoFile


def reads_whole_environment(go_file: GoFile) -> bool:
    for captures in syntax.matches("go", "environ_calls", go_file.root):
        if not go_file.is_package(syntax.text(captures["package"][0]), "os"):
            continue
        parent = captures["call"][0].parent
        if parent is not None and parent.type == "range_clause":
            return True
        if parent is not None and parent.type == "argument_list":
            function = parent.parent.child_by_field_name("function") if parent.parent is not None else None
            if syntax.text(function) != "append":
                return True
    return False
