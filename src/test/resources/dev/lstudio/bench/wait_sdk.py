"""Starts a studio and waits for it the way the Lightning SDK does: a codestatus poll every second,
no overall timeout. Prints waited_ms=N (from the start call to seeing it running).

usage: wait_sdk.py PROJECT_ID STUDIO_ID   (LIGHTNING_CLOUD_URL, LIGHTNING_USER_ID, LIGHTNING_API_KEY)
"""
import os
import sys
import time

import requests

base = os.environ["LIGHTNING_CLOUD_URL"].rstrip("/")
http = requests.Session()
http.auth = (os.environ["LIGHTNING_USER_ID"], os.environ["LIGHTNING_API_KEY"])
pid, sid = sys.argv[1], sys.argv[2]
studio = f"{base}/v1/projects/{pid}/cloudspaces/{sid}"

t0 = time.monotonic()
http.post(f"{studio}/start", json={"compute_config": {"name": "cpu-4", "spot": False}}).raise_for_status()
while True:
    use = http.get(f"{studio}/codestatus").json().get("inUse") or {}
    if use.get("phase") == "CLOUD_SPACE_INSTANCE_STATE_RUNNING" and (use.get("startupStatus") or {}).get("topUpRestoreFinished"):
        break
    time.sleep(1)
print(f"waited_ms={(time.monotonic() - t0) * 1000:.0f}")
