"""Reads through a table of settings: `os.LookupEnv(item.EnvKey)` inside a loop over items declared as
`{..., EnvKey: "POSTGRESQL_HOST", ...}` reads every name the program's files give that field. The read
names no variable itself (a dynamic read); the names come from the table, so each is a read the program
may make (a weak read: never unread, a set spelled like one is a probable rename, and no site is
required to set it, since the table says nothing about which items are loaded).
"""

from __future__ import annotations

import re

from ..model import FileFacts, Read

_FIELD = re.compile(r"^[A-Za-z_]\w*(?:\.\w+)*\.([A-Za-z_]\w*)$")


def field_reads(facts: list[FileFacts]) -> tuple[Read, ...]:
    fields = {m.group(1): r for f in facts for r in f.reads
              if r.name is None and (m := _FIELD.match(r.name_text.strip()))}
    if not fields:
        return ()
    out = []
    for item in facts:
        for field, name, location in item.env_fields:
            read = fields.get(field)
            if read is not None:
                out.append(Read(name=name, location=location, form=f"{read.form}({read.name_text}) over a table",
                                function=read.function))
    return tuple(out)
