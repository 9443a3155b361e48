set -u # glue
echo "=== auth" # glue
AUTH=$(echo -n "${LIGHTNING_USER_ID}:${LIGHTNING_API_KEY}" | base64)
echo "=== memberships" # glue
# Step 1: List your memberships to get teamspace (project) IDs
curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/memberships?filterByUserId=true" | jq '.memberships[] | {name, projectId}'

# Step 2: Extract the first project ID (field is camelCase: projectId)
PROJECT_ID=$(curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/memberships?filterByUserId=true" | jq -r '.memberships[0].projectId')
echo "project ${PROJECT_ID}" # glue
USER_ID="${LIGHTNING_USER_ID}" # glue: the reference's placeholder "your-user-id", filled in
echo "=== create" # glue
curl -s -X POST \
  -H "Authorization: Basic ${AUTH}" \
  -H "Content-Type: application/json" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces" \
  -d '{
    "name": "my-new-studio",
    "display_name": "My New Studio"
  }'
echo # glue
echo "=== list" # glue
curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces?userId=${USER_ID}" | jq '.cloudspaces[].name'
STUDIO_ID=$(curl -s -H "Authorization: Basic ${AUTH}" "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces?userId=${USER_ID}&name=my-new-studio" | jq -r '.cloudspaces[0].id') # glue
echo "=== get" # glue
curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}"
echo # glue
curl -s -o /dev/null -X POST -H "Authorization: Basic ${AUTH}" "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces" -d '{"name": "my-studio"}' # glue: the studio the next example looks up
echo "=== getbyname" # glue
curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/users/johndoe/projects/my-team/cloudspaces/my-studio/getbyname"
echo # glue
echo "=== start-cpu" # glue
# Start on CPU-4 (default)
curl -s -X POST \
  -H "Authorization: Basic ${AUTH}" \
  -H "Content-Type: application/json" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/start" \
  -d '{"compute_config": {"name": "cpu-4", "spot": false}}'
echo # glue
echo "=== codestatus" # glue
curl -s -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/codestatus" \
  | jq '.in_use.phase'
echo "=== execute" # glue
curl -s -X POST \
  -H "Authorization: Basic ${AUTH}" \
  -H "Content-Type: application/json" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/execute" \
  -d '{"command": "python --version"}'
echo # glue
echo "=== stop" # glue
curl -s -X POST \
  -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/stop"
echo # glue
echo "=== start-gpu" # glue
# Start on A100 GPU
curl -s -X POST \
  -H "Authorization: Basic ${AUTH}" \
  -H "Content-Type: application/json" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/start" \
  -d '{"compute_config": {"name": "lit-a100-1", "spot": false}}'
echo # glue
curl -s -H "Authorization: Basic ${AUTH}" "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/codestatus" | jq -r '.inUse.computeConfig.name' # glue
curl -s -o /dev/null -X POST -H "Authorization: Basic ${AUTH}" "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}/stop" # glue
echo "=== delete" # glue
curl -s -X DELETE \
  -H "Authorization: Basic ${AUTH}" \
  "https://lightning.ai/v1/projects/${PROJECT_ID}/cloudspaces/${STUDIO_ID}"
echo # glue
