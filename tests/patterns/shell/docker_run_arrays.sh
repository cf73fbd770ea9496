#!/usr/bin/env bash
set -euo pipefail

apply_schema() {
  local image=acme/schema:1
  local params=(
    --rm
    --env HOST=localhost  # expect: set HOST="localhost"
    --env "KEYSPACE=${keyspace}"  # expect: set KEYSPACE
    --network host
  )
  params+=(--env MODE=prod)  # expect: set MODE="prod"
  docker run "${params[@]}" ${image} # expect: launch docker-run env=closed targets=image:acme/schema:1 network=host
  docker run "${unknown[@]}" acme/other:2 # expect: launch docker-run env=closed targets=image:acme/other:2
}
