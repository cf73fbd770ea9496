#!/usr/bin/env bash
set -euo pipefail

IMAGE=ghcr.io/acme/worker:1
TOKEN="$(cat /run/secrets/token)"

docker run --rm -e QUEUE=jobs "$IMAGE" --verbose -e NOT_FOR_DOCKER=1 # expect: launch docker-run env=closed targets=image:ghcr.io/acme/worker:1 ; set QUEUE="jobs"
docker run -e "TOKEN=$TOKEN" --env HOME --network host acme/api # expect: launch docker-run env=closed targets=image:acme/api network=host ; set TOKEN ; set HOME passthrough
docker run --env-file deploy/worker.env --env=MODE=fast acme/api:2 # expect: launch docker-run env=closed targets=image:acme/api:2 ; env-file deploy/worker.env ; set MODE="fast"
docker container run -d -e MODE=batch acme/batcher:2 # expect: launch docker-run env=closed targets=image:acme/batcher:2 ; set MODE="batch"

# docker run -e COMMENTED=1 not/a-launch
docker build -t acme/worker:1 .
docker pull acme/worker:1
