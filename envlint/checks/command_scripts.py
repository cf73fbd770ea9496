"""Scripts a launch site's command runs inside the program's image: `command: sh -c
"./celery_with_exporter.sh"`, `command: ["./worker.sh"]`. The script is a file of the service's folder
(the Dockerfile copies the folder in), found by its name; what it reads is read at that site only,
since other sites of the image run other commands. A name found twice in the folder is left alone.
"""

from __future__ import annotations

import posixpath
import re

from ..model import FileFacts, LaunchSite, Read, Service

_SCRIPT = re.compile(r"(?:^|[\s\"'\[,(;&|])((?:\.{0,2}/)?[\w./-]*\w\.(?:sh|bash))(?=$|[\s\"'\],);&|])")


def scripts(site: LaunchSite, service: Service, shell_files: dict[str, FileFacts]) -> list[FileFacts]:
    """The shell scripts of the service's folder that the site's command names."""
    if not site.command:
        return []
    inside = "" if service.root == "." else service.root + "/"
    out = []
    for match in _SCRIPT.finditer(site.command):
        name = posixpath.basename(match.group(1))
        found = [p for p in shell_files if p.startswith(inside) and posixpath.basename(p) == name]
        if len(found) == 1 and shell_files[found[0]] not in out:
            out.append(shell_files[found[0]])
    return out


def script_reads(site: LaunchSite, service: Service, shell_files: dict[str, FileFacts]) -> list[Read]:
    own = {(r.location.path, r.location.line, r.location.column) for r in service.reads}
    return [r for facts in scripts(site, service, shell_files) for r in facts.reads
            if r.name and (r.location.path, r.location.line, r.location.column) not in own]
