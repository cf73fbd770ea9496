"""The generated layer of the benchmark corpus: launchers and services with real contracts between them.

Real sources (the standard library, site-packages, Go's own tree) have almost no launch sites, so a
corpus made of them alone would measure parsing and nothing of linking. Each generated *unit* is a
small deployment of two programs and the five kinds of sites that start them: a compose file, a
Kubernetes manifest, a Dockerfile with a shell entrypoint, a Go launcher (exec.Cmd and `docker run`)
and a Python subprocess launcher. Every site sets what its program reads, except in one unit of ten,
where two mistakes a maintainer would want reported are planted (see MISTAKES), so that the findings
grow with the corpus and a test can assert them exactly.
"""

from __future__ import annotations

from pathlib import Path

# One unit of this many in ten carries the planted mistakes (unit 0 always does).
MISTAKE_EVERY = 10

API_MAIN = '''"""api{n}: reads its settings from the environment at import."""
import os

from api{n}.settings import cache_url

DATABASE_URL = os.environ["API{n}_DATABASE_URL"]


def main() -> None:
    print(DATABASE_URL, cache_url())


if __name__ == "__main__":
    main()
'''
API_SETTINGS = '''import os


def cache_url() -> str:
    return os.getenv("API{n}_CACHE_URL", "redis://cache:6379")
'''
API_DOCKERFILE = '''FROM python:3.12-slim
WORKDIR /app
COPY . /app
ENTRYPOINT ["/app/entrypoint.sh"]
'''
# The entrypoint requires the secret: a shell read with `:?` fails the container when it is unset.
API_ENTRYPOINT = '''#!/bin/sh
set -e
: "${{API{n}_SECRET_KEY:?API{n}_SECRET_KEY is required}}"
exec python -m api{n}
'''
WORKER_MAIN = '''package main

import (
\t"fmt"
\t"log"
\t"os"
)

func main() {{
\tqueue := os.Getenv("WORKER{n}_QUEUE")
\tif queue == "" {{
\t\tlog.Fatal("WORKER{n}_QUEUE is required")
\t}}
\tmode, ok := os.LookupEnv("WORKER{n}_MODE")
\tif !ok {{
\t\tmode = "batch"
\t}}
\tfmt.Println(queue, mode)
}}
'''
GO_LAUNCHER = '''package main

import (
\t"log"
\t"os/exec"
)

func runWorker() error {{
\tcmd := exec.Command("worker{n}", "--once")
\tcmd.Env = []string{{"PATH=/usr/bin:/bin", "{queue}=jobs-{n}", "WORKER{n}_MODE=stream"}}
\treturn cmd.Run()
}}

func runAPI(secret string) error {{
\treturn exec.Command("docker", "run", "--rm",
\t\t"-e", "API{n}_DATABASE_URL=postgres://db:5432/api{n}",
\t\t"-e", "API{n}_CACHE_URL=redis://cache:6379",
\t\t"-e", "API{n}_SECRET_KEY="+secret,
\t\t"ghcr.io/acme/api{n}:1.0").Run()
}}

func main() {{
\tif err := runWorker(); err != nil {{
\t\tlog.Fatal(err)
\t}}
\tif err := runAPI("s3cret"); err != nil {{
\t\tlog.Fatal(err)
\t}}
}}
'''
PY_LAUNCHER = '''import subprocess


def run_worker() -> None:
    env = {{"PATH": "/usr/bin:/bin", "WORKER{n}_QUEUE": "jobs-{n}", "WORKER{n}_MODE": "batch"}}
    subprocess.run(["worker{n}", "--once"], env=env, check=True)
'''
COMPOSE = '''services:
  api{n}:
    build: ./api{n}
    image: ghcr.io/acme/api{n}:1.0
    environment:
      API{n}_DATABASE_URL: postgres://db:5432/api{n}
      API{n}_CACHE_URL: redis://cache:6379
      API{n}_SECRET_KEY: ${{API{n}_SECRET_KEY:-dev-secret}}
'''
KUBE = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: api{n}
spec:
  template:
    spec:
      containers:
        - name: api{n}
          image: ghcr.io/acme/api{n}:1.0
          env:
            - name: API{n}_DATABASE_URL
              valueFrom:
                secretKeyRef: {{name: api{n}-db, key: url}}
{secret}          envFrom:
            - configMapRef:
                name: api{n}-settings
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api{n}-settings
data:
  API{n}_CACHE_URL: redis://cache:6379
'''
KUBE_SECRET = '''            - name: API{n}_SECRET_KEY
              valueFrom:
                secretKeyRef: {{name: api{n}-secret, key: key}}
'''


def mistaken(n: int) -> bool:
    return n % MISTAKE_EVERY == 0


def unit_files(n: int) -> dict[str, str]:
    """The files of unit ``n``, relative to the generated layer's root. The planted mistakes: the
    Kubernetes manifest forgets the secret the entrypoint requires (ENV001), and the Go launcher
    sets the worker's queue under a misspelled name (ENV007 or ENV001)."""
    bad = mistaken(n)
    queue = f"WORKER{n}_QUEUES" if bad else f"WORKER{n}_QUEUE"
    secret = "" if bad else KUBE_SECRET.format(n=n)
    api = f"u{n}/api{n}"
    return {
        f"{api}/pyproject.toml": f'[project]\nname = "api{n}"\nversion = "1"\n',
        f"{api}/Dockerfile": API_DOCKERFILE.format(n=n),
        f"{api}/entrypoint.sh": API_ENTRYPOINT.format(n=n),
        f"{api}/api{n}/__init__.py": "",
        f"{api}/api{n}/__main__.py": API_MAIN.format(n=n),
        f"{api}/api{n}/settings.py": API_SETTINGS.format(n=n),
        f"u{n}/worker{n}/main.go": WORKER_MAIN.format(n=n),
        f"u{n}/ops{n}/main.go": GO_LAUNCHER.format(n=n, queue=queue),
        f"u{n}/tools/launch{n}.py": PY_LAUNCHER.format(n=n),
        f"u{n}/compose.yaml": COMPOSE.format(n=n),
        f"u{n}/deploy/api{n}.yaml": KUBE.format(n=n, secret=secret),
    }


def write_units(root: Path, count: int) -> None:
    """The generated layer at ``root``: one Go module holding ``count`` units."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "go.mod").write_text("module example.com/gen\n\ngo 1.22\n")
    for n in range(count):
        for rel, text in unit_files(n).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            if rel.endswith(".sh"):
                path.chmod(0o755)
