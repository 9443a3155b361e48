#!/usr/bin/env bash
# What `lstudio cp` does, as curl: the same artifacts API calls (sign, PUT to the presigned URL,
# complete; the download's redirect fetched without credentials), one curl per call, files of a
# folder 8 at a time (xargs -P 8, lstudio's default parallelism). Reads LIGHTNING_CLOUD_URL,
# LIGHTNING_USER_ID, LIGHTNING_API_KEY, PROJECT_ID and STUDIO_ID.
#   files.sh up FILE REMOTE | down REMOTE FILE | up-tree DIR REMOTE | down-tree REMOTE DIR
set -euo pipefail
base=${LIGHTNING_CLOUD_URL%/}/v1/projects/$PROJECT_ID/artifacts/cloudspaces/$STUDIO_ID
api() { curl -sS --fail-with-body -u "$LIGHTNING_USER_ID:$LIGHTNING_API_KEY" "$@"; }
up() {
  local body; body=$(jq -cn --arg p "$2" '{blobs: [{path: $p}]}')
  url=$(api -H 'Content-Type: application/json' -d "$body" "$base/blobs" | jq -r '.results[0].urls[0].url')
  curl -sS --fail-with-body -o /dev/null -T "$1" "$url"
  api -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/blobs/complete"
}
down() {
  local at; at=$(api -o /dev/null -w '%{redirect_url}' "$base/blobs/$1")
  mkdir -p "$(dirname "$2")"
  curl -sS --fail-with-body -o "$2" "$at"
}
listing() {
  local cursor='' page
  while :; do
    page=$(api "$base/trees/$1?recursive=true${cursor:+&cursor=$cursor}")
    jq -r '.tree[] | select(.type == "blob") | .path' <<<"$page"
    cursor=$(jq -r '.nextCursor // empty' <<<"$page")
    [[ -n $cursor ]] || break
  done
}
export -f api up down; export base
case $1 in
  up) up "$2" "$3" ;;
  down) down "$2" "$3" ;;
  up-tree) (cd "$2" && find . -type f -printf '%P\n') | REMOTE=$3 DIR=$2 xargs -P 8 -I{} bash -c 'up "$DIR/$1" "$REMOTE/$1"' _ {} ;;
  down-tree) listing "$2" |
    REMOTE=$2 DIR=$3 xargs -P 8 -I{} bash -c 'down "$REMOTE/$1" "$DIR/$1"' _ {} ;;
  *) echo "files.sh: up|down|up-tree|down-tree" >&2; exit 2 ;;
esac
