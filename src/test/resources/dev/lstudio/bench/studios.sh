#!/usr/bin/env bash
# `lstudio studios --json` as curl | jq: the teamspace's Studios as a JSON array of
# {name, status, machine}, every page. Reads LIGHTNING_CLOUD_URL, LIGHTNING_USER_ID,
# LIGHTNING_API_KEY and LIGHTNING_TEAMSPACE.
set -euo pipefail
base=${LIGHTNING_CLOUD_URL:-https://lightning.ai}; base=${base%/}
api() { curl -sS --fail-with-body -u "$LIGHTNING_USER_ID:$LIGHTNING_API_KEY" "$base$1"; }
pid=$(api "/v1/memberships?filterByUserId=true" |
  jq -r --arg t "${LIGHTNING_TEAMSPACE:-}" '[.memberships[] | select($t == "" or .name == $t)][0].projectId')
token='' pages=()
while :; do
  page=$(api "/v1/projects/$pid/cloudspaces?userId=$LIGHTNING_USER_ID${token:+&pageToken=$token}")
  pages+=("$page")
  token=$(jq -r '.nextPageToken // empty' <<<"$page")
  [[ -n $token ]] || break
done
printf '%s\n' "${pages[@]}" | jq -s '[.[].cloudspaces[] | {name, status: (.codeStatus.inUse.phase // "STOPPED"),
  machine: (.codeStatus.inUse.computeConfig.name // .codeConfig.computeConfig.name)}]'
