import base64
import requests

BASE_URL = "https://lightning.ai"
USER_ID = "your-user-id"
API_KEY = "your-api-key"

def get_headers():
    token = base64.b64encode(f"{USER_ID}:{API_KEY}".encode()).decode()
    return {
        "Authorization": f"Basic {token}",
        "Content-Type": "application/json",
    }

def list_projects():
    # No GET /v1/projects — use memberships endpoint instead
    r = requests.get(
        f"{BASE_URL}/v1/memberships?filterByUserId=true",
        headers=get_headers()
    )
    return r.json()["memberships"]

def list_studios(project_id, user_id):
    # userId query param is required
    r = requests.get(
        f"{BASE_URL}/v1/projects/{project_id}/cloudspaces",
        params={"userId": user_id},
        headers=get_headers(),
    )
    return r.json()["cloudspaces"]

def start_studio(project_id, studio_id, machine="cpu-4"):
    r = requests.post(
        f"{BASE_URL}/v1/projects/{project_id}/cloudspaces/{studio_id}/start",
        headers=get_headers(),
        json={"compute_config": {"name": machine, "spot": False}},
    )
    return r.json()

def stop_studio(project_id, studio_id):
    r = requests.post(
        f"{BASE_URL}/v1/projects/{project_id}/cloudspaces/{studio_id}/stop",
        headers=get_headers(),
    )
    return r.json()

def run_command(project_id, studio_id, command):
    r = requests.post(
        f"{BASE_URL}/v1/projects/{project_id}/cloudspaces/{studio_id}/execute",
        headers=get_headers(),
        json={"command": command},
    )
    return r.json()

# Usage
memberships = list_projects()
project_id = memberships[0]["projectId"]  # note: response fields are camelCase

studios = list_studios(project_id, USER_ID)
studio_id = studios[0]["id"]

start_studio(project_id, studio_id, "cpu-4")
result = run_command(project_id, studio_id, "echo hello world")
print(result["output"])
stop_studio(project_id, studio_id)
