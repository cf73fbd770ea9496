"""A compose file by its content: `docker compose -f` takes any name, and CI overlays are often named
for their purpose (`ci/base.yaml`, `with-loadbalancer-ips.yaml`). A YAML file whose top level has a
`services:` mapping of services that say what to run or with which environment (image, build,
environment, env_file, command), and that is no Kubernetes manifest, is read as a compose file.
A `services:` list (render.yaml) or a manifest with apiVersion is not one.
"""

from __future__ import annotations

import re

_SERVICES = re.compile(r"^services:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*([ \t]+)[\w.-]+:[ \t]*(?:#.*)?$",
                       re.MULTILINE)
_MANIFEST = re.compile(r"^(?:apiVersion|kind):", re.MULTILINE)
_SERVICE_KEY = re.compile(r"^[ \t]{2,}(?:image|build|environment|env_file|command):", re.MULTILINE)


def looks_like_compose(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(_SERVICES.search(text)) and not _MANIFEST.search(text) and bool(_SERVICE_KEY.search(text))
