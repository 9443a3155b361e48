"""`lstudio studios --json` as a plain Python script with requests: the teamspace's Studios as a
JSON array of {name, status, machine}, every page, one Session.

Reads LIGHTNING_CLOUD_URL, LIGHTNING_USER_ID, LIGHTNING_API_KEY and LIGHTNING_TEAMSPACE.
"""
import json
import os

import requests

BASE = os.environ.get("LIGHTNING_CLOUD_URL", "https://lightning.ai").rstrip("/")
USER = os.environ["LIGHTNING_USER_ID"]
http = requests.Session()
http.auth = (USER, os.environ["LIGHTNING_API_KEY"])


def get(path, **params):
    r = http.get(BASE + path, params=params, timeout=60)
    r.raise_for_status()
    return r.json()


wanted = os.environ.get("LIGHTNING_TEAMSPACE", "")
pid = [m for m in get("/v1/memberships", filterByUserId="true")["memberships"]
       if not wanted or m["name"] == wanted][0]["projectId"]
rows, token = [], None
while True:
    page = get(f"/v1/projects/{pid}/cloudspaces", userId=USER, **({"pageToken": token} if token else {}))
    for cs in page.get("cloudspaces", []):
        in_use = (cs.get("codeStatus") or {}).get("inUse") or {}
        config = ((cs.get("codeConfig") or {}).get("computeConfig") or {})
        rows.append({"name": cs["name"], "status": in_use.get("phase") or "STOPPED",
                     "machine": (in_use.get("computeConfig") or {}).get("name") or config.get("name")})
    token = page.get("nextPageToken")
    if not token:
        break
print(json.dumps(rows))
