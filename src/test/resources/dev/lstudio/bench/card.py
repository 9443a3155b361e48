"""The card workflow as a plain Python script with requests, written the way a careful user would:
one Session (connection reuse), the reference's endpoints, waits that poll codestatus.

    create 'my-studio' if missing, start it on lit-h100-1, run nvidia-smi, stop it, wait until stopped.

Reads LIGHTNING_CLOUD_URL, LIGHTNING_USER_ID, LIGHTNING_API_KEY (and LIGHTNING_TEAMSPACE).
"""
import os
import sys
import time

import requests

BASE = os.environ.get("LIGHTNING_CLOUD_URL", "https://lightning.ai").rstrip("/")
USER = os.environ["LIGHTNING_USER_ID"]
NAME, MACHINE = "my-studio", "lit-h100-1"

http = requests.Session()
http.auth = (USER, os.environ["LIGHTNING_API_KEY"])


def call(method, path, **kwargs):
    r = http.request(method, BASE + path, timeout=60, **kwargs)
    r.raise_for_status()
    return r.json() if r.content else {}


def phase(status):
    return ((status or {}).get("inUse") or {}).get("phase")


def wait(pid, sid, done, timeout=900):
    deadline, delay = time.monotonic() + timeout, 0.1
    while True:
        status = call("GET", f"/v1/projects/{pid}/cloudspaces/{sid}/codestatus")
        if done(status):
            return status
        if phase(status) == "CLOUD_SPACE_INSTANCE_STATE_FAILED" or time.monotonic() > deadline:
            sys.exit(f"studio {NAME}: {phase(status)}")
        time.sleep(delay)
        delay = min(delay * 2, 5)


def started(status):
    use = (status or {}).get("inUse") or {}
    return phase(status) == "CLOUD_SPACE_INSTANCE_STATE_RUNNING" and (use.get("startupStatus") or {}).get("topUpRestoreFinished")


def stopped(status):
    return phase(status) in (None, "CLOUD_SPACE_INSTANCE_STATE_STOPPED")


memberships = call("GET", "/v1/memberships", params={"filterByUserId": "true"})["memberships"]
wanted = os.environ.get("LIGHTNING_TEAMSPACE")
team = next(m for m in memberships if not wanted or m["name"] == wanted)
pid = team["projectId"]

found = call("GET", f"/v1/projects/{pid}/cloudspaces", params={"userId": USER, "name": NAME})["cloudspaces"]
studio = found[0] if found else call("POST", f"/v1/projects/{pid}/cloudspaces", json={"name": NAME})
sid = studio["id"]

call("POST", f"/v1/projects/{pid}/cloudspaces/{sid}/start", json={"compute_config": {"name": MACHINE, "spot": False}})
wait(pid, sid, started)
try:
    result = call("POST", f"/v1/projects/{pid}/cloudspaces/{sid}/execute", json={"command": "nvidia-smi"})
    print(result.get("output", ""), end="")
    if result.get("exitCode", result.get("exit_code", 0)) != 0:
        sys.exit(1)
finally:
    call("POST", f"/v1/projects/{pid}/cloudspaces/{sid}/stop")
    wait(pid, sid, stopped)
