#!/usr/bin/env bash
# Fan-out with curl: list the fan-NN studios once, then exec on each in turn (sequential loop).
# With PARALLEL=N, the same calls go through xargs -P N instead.
set -euo pipefail
base=${LIGHTNING_CLOUD_URL%/}
auth="$LIGHTNING_USER_ID:$LIGHTNING_API_KEY"
pid=$(curl -sS -u "$auth" "$base/v1/memberships?filterByUserId=true" | jq -r '.memberships[0].projectId')
ids=$(curl -sS -u "$auth" "$base/v1/projects/$pid/cloudspaces?userId=$LIGHTNING_USER_ID&limit=1000" |
  jq -r '.cloudspaces[] | select(.name | startswith("fan-")) | .id')
exec_one() {
  curl -sS --fail-with-body -u "$auth" -H 'Content-Type: application/json' -d '{"command": "true"}' \
    "$base/v1/projects/$pid/cloudspaces/$1/execute" | jq -e '.exitCode == 0' >/dev/null
}
if [[ -n ${PARALLEL:-} ]]; then
  export -f exec_one; export auth base pid
  xargs -P "$PARALLEL" -I{} bash -c 'exec_one {}' <<<"$ids"
else
  for id in $ids; do exec_one "$id"; done
fi
