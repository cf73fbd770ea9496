#!/bin/sh
# Reads of the environment in a script: each expansion of a name the script has not assigned itself.
set -eu

echo "host=$DB_HOST" # expect: read DB_HOST
PORT="${DB_PORT:-5432}" # expect: read DB_PORT default="5432"
echo "$PORT and ${PORT}"
: "${API_TOKEN:?API_TOKEN is required}" # expect: read API_TOKEN required
MODE="${MODE-batch}" # expect: read MODE default="batch"
echo 'single quotes expand nothing: $NOT_READ'
lower=$HOME_dir_lowercase_is_local
for ITEM in a b; do echo "$ITEM"; done
read -r ANSWER
echo "$ANSWER" "$1" "$@" "$#" "$?"
# echo "$COMMENTED_OUT"
echo "${QUEUE_NAME}-worker" # expect: read QUEUE_NAME
