"""Schemathesis hook (loaded through SCHEMATHESIS_HOOKS by run_contract.py): a bearer token
for every request, as one demo account.

The fuzzer calls POST /api/v1/auth/logout and /auth/password with the token it is given,
so a session can end in the middle of the run. Schemathesis answers a 401 by asking this
provider for a new token and sending the request once more (reactive re-authentication);
a request whose replay is still 401 is checked as it is. Nothing is skipped: the session is
only kept alive.

New tokens come first from sessions the runner opened before the run (so that a login
lock the fuzzer may have provoked on the loopback address does not stop the run), then
from a fresh login. CONTRACT_SESSION_FILE names a JSON file written by the runner:
    {"base_url": "http://127.0.0.1:PORT", "login": {...login body...},
     "tokens": ["...", ...], "expires_in": SECONDS}
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request

import schemathesis

with open(os.environ["CONTRACT_SESSION_FILE"], encoding="utf-8") as f:
    SESSION = json.load(f)

_pool: list[str] = list(SESSION["tokens"])
_lock = threading.Lock()
# Tokens are used for less than their lifetime; a 401 renews them earlier anyway.
REFRESH_INTERVAL = max(30, int(SESSION.get("expires_in", 900)) - 60)


def login(base_url: str, body: dict, attempts: int = 5) -> dict:
    """POST /api/v1/auth/login; waits out a 429 (Retry-After) a few times."""
    for attempt in range(attempts):
        request = urllib.request.Request(
            f"{base_url}/api/v1/auth/login",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            if exc.code != 429 or attempt == attempts - 1:
                raise RuntimeError(f"login answered {exc.code}: {exc.read()[:300]!r}") from exc
            wait = min(int(exc.headers.get("Retry-After") or 5), 60)
            time.sleep(wait)
    raise AssertionError("unreachable")


@schemathesis.auth(refresh_interval=REFRESH_INTERVAL)
class DemoAccount:
    def get(self, case, ctx):
        with _lock:
            if _pool:
                return _pool.pop(0)
        answer = login(SESSION["base_url"], SESSION["login"])
        if answer.get("must_change_password"):
            raise RuntimeError("the account asks for a password change again")
        return answer["access_token"]

    def set(self, case, data, ctx):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
