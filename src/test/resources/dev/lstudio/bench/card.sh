#!/usr/bin/env bash
# The card workflow as a bash script of curl calls (jq reads the JSON), written the way a careful
# user would: create 'my-studio' if missing, start it on lit-h100-1, run nvidia-smi, stop it.
# Reads LIGHTNING_CLOUD_URL, LIGHTNING_USER_ID, LIGHTNING_API_KEY (and LIGHTNING_TEAMSPACE).
set -euo pipefail
base=${LIGHTNING_CLOUD_URL:-https://lightning.ai}; base=${base%/}
name=my-studio machine=lit-h100-1

api() { # METHOD PATH [JSON]
  curl -sS --fail-with-body -u "$LIGHTNING_USER_ID:$LIGHTNING_API_KEY" -X "$1" "$base$2" \
    ${3:+-H 'Content-Type: application/json' -d "$3"}
}

wait_for() { # STUDIO_ID JQ_CONDITION
  local delay=0.1 status
  for _ in $(seq 1 600); do
    status=$(api GET "/v1/projects/$pid/cloudspaces/$1/codestatus")
    jq -e "$2" <<<"$status" >/dev/null && return 0
    [[ $(jq -r '.inUse.phase // empty' <<<"$status") == CLOUD_SPACE_INSTANCE_STATE_FAILED ]] && { echo "studio $name failed" >&2; exit 1; }
    sleep "$delay"
    delay=$(awk -v d="$delay" 'BEGIN { d *= 2; print (d > 5 ? 5 : d) }')
  done
  echo "studio $name: timed out" >&2; exit 1
}

pid=$(api GET "/v1/memberships?filterByUserId=true" |
  jq -r --arg t "${LIGHTNING_TEAMSPACE:-}" '[.memberships[] | select($t == "" or .name == $t)][0].projectId')
sid=$(api GET "/v1/projects/$pid/cloudspaces?userId=$LIGHTNING_USER_ID&name=$name" | jq -r '.cloudspaces[0].id // empty')
[[ -n $sid ]] || sid=$(api POST "/v1/projects/$pid/cloudspaces" "{\"name\": \"$name\"}" | jq -r .id)

api POST "/v1/projects/$pid/cloudspaces/$sid/start" "{\"compute_config\": {\"name\": \"$machine\", \"spot\": false}}" >/dev/null
wait_for "$sid" '.inUse.phase == "CLOUD_SPACE_INSTANCE_STATE_RUNNING" and .inUse.startupStatus.topUpRestoreFinished == true'
trap 'api POST "/v1/projects/$pid/cloudspaces/$sid/stop" >/dev/null; wait_for "$sid" "(.inUse == null) or (.inUse.phase == \"CLOUD_SPACE_INSTANCE_STATE_STOPPED\")"' EXIT
result=$(api POST "/v1/projects/$pid/cloudspaces/$sid/execute" '{"command": "nvidia-smi"}')
jq -r '.output' <<<"$result"
[[ $(jq -r '.exitCode // .exit_code // 0' <<<"$result") == 0 ]]
