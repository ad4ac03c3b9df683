#!/usr/bin/env python3
"""API contract check: the live demo server against its own OpenAPI document (schemathesis).

    .venv/bin/python tests/contract/run_contract.py [--binary target/debug/portale]
        [--roles citizen,admin] [--max-examples 10] [--seed 20240601] [--workers 1]
        [--report-dir DIR] [--keep-data] [-- MORE ST RUN OPTIONS]

For each role (the demo citizen, then the demo admin) it
  1. starts `portale serve --demo` on a free 127.0.0.1 port with a new temporary data dir
     (one server per role, so that the rate limits and the data one role's run leaves
     behind do not change what the other role's run sees), and waits for /readyz;
  2. logs in with DATA_DIR/demo-credentials.json; the demo admin has to change its
     password at the first login (`must_change_password`), so the runner does it through
     POST /api/v1/auth/password and goes on with the new password; then it opens a few more
     sessions for later (see auth_hook.py);
  3. runs `st run http://127.0.0.1:PORT/api/openapi.json` on every operation of the
     document with `Authorization: Bearer <token>` (set by auth_hook.py, which logs in
     again when the fuzzer has ended the session through logout or a password change),
     the checks not_a_server_error, status_code_conformance,
     response_schema_conformance and content_type_conformance, and a fixed small budget
     (--max-examples per operation, a fixed --seed, no example database, one worker so
     that the order of the requests, and so the result, is the same on every run);
  4. stops the server (always: also on failure or Ctrl-C).

Only loopback addresses are used. Schemathesis prints every failure with a curl line that
reproduces it; the JUnit reports land in --report-dir (default: a temporary dir, printed).

The last line is `contract: N passed, M failed`, where N and M count (role, operation)
pairs: an operation passes for a role when none of its test cases failed a check. A role
whose run could not happen (server down, login refused, schemathesis error) counts all the
operations of the document (at least one) as failed. The exit status is 0 only when M is 0.

Database: the embedded SQLite file of the data dir, or with --postgres ADMIN_URL a new
PostgreSQL database per server (created with psql through ADMIN_URL, dropped afterwards),
so that the contract holds on both backends.

Binary: --binary, else $PORTALE_BIN, else target/debug/portale (from the repo root).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance"
# Sessions opened before the run, used before any new login (see auth_hook.py).
SPARE_SESSIONS = 8


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(method: str, url: str, body: dict | None = None, token: str | None = None) -> dict:
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        raise RuntimeError(f"{method} {url} answered {exc.code}: {exc.read()[:500]!r}") from exc


class Server:
    """`portale serve --demo` on a free loopback port with its own data dir."""

    def __init__(self, binary: str, postgres_admin_url: str = ""):
        self.binary = binary
        self.postgres_admin_url = postgres_admin_url
        self.database_name = ""
        self.data_dir = Path(tempfile.mkdtemp(prefix="portale-contract-"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.data_dir / "server.log"
        self.process: subprocess.Popen | None = None

    def database_url(self) -> str:
        """Empty for the embedded SQLite file; else a new PostgreSQL database of its own."""
        if not self.postgres_admin_url:
            return ""
        self.database_name = f"portale_contract_{os.getpid()}_{self.port}"
        psql(self.postgres_admin_url, f'CREATE DATABASE "{self.database_name}"')
        base, _, _ = self.postgres_admin_url.rpartition("/")
        return f"{base}/{self.database_name}"

    def start(self, timeout: float = 180) -> None:
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--demo", "--bind", f"127.0.0.1:{self.port}", "--data-dir", str(self.data_dir)],
            env={**os.environ, "PORTALE_DATABASE_URL": self.database_url()},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/readyz", timeout=2) as response:
                    if response.status == 200 and (self.data_dir / "demo-credentials.json").exists():
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the server was not ready after {timeout:.0f} s\n{self.log_tail()}")

    def credentials(self) -> dict:
        return json.loads((self.data_dir / "demo-credentials.json").read_text())

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def errors(self, limit: int = 20) -> list[str]:
        """The server's own ERROR log lines (the cause of a 500 is there, not in the answer)."""
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return []
        return [line for line in lines if '"level":"ERROR"' in line and "request parse error" not in line][:limit]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def remove(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)
        if self.database_name:
            psql(self.postgres_admin_url, f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')


def psql(admin_url: str, statement: str) -> None:
    subprocess.run(["psql", admin_url, "-qc", statement], check=True, stdin=subprocess.DEVNULL)


def open_sessions(base_url: str, role: str, credentials: dict) -> dict:
    """Logs in as `role` (changing the password when the server asks) and opens spare sessions."""
    account = credentials[role]
    if "fiscal_code" in account:
        body = {"fiscal_code": account["fiscal_code"], "password": account["password"]}
    else:
        body = {"username": account["username"], "password": account["password"]}
    answer = http_json("POST", f"{base_url}/api/v1/auth/login", body)
    if answer.get("must_change_password"):
        # The policy (GET /api/v1/auth/password-policy): letters and digits only, two digits.
        new_password = f"Contratto{role.capitalize()}{os.getpid()}x42"
        answer = http_json(
            "POST",
            f"{base_url}/api/v1/auth/password",
            {"current_password": body["password"], "new_password": new_password},
            token=answer["access_token"],
        )
        body["password"] = new_password
        if answer.get("must_change_password"):
            raise RuntimeError(f"{role}: still must_change_password after the change")
    tokens = [answer["access_token"]]
    for _ in range(SPARE_SESSIONS):
        tokens.append(http_json("POST", f"{base_url}/api/v1/auth/login", body)["access_token"])
    return {"base_url": base_url, "login": body, "tokens": tokens, "expires_in": answer.get("expires_in", 900)}


def operations_in(base_url: str) -> list[str]:
    document = http_json("GET", f"{base_url}/api/openapi.json")
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return [f"{m.upper()} {p}" for p, item in document["paths"].items() for m in item if m in methods]


def junit_results(path: Path) -> dict[str, bool]:
    """label ("GET /api/v1/me") -> passed, from schemathesis' JUnit report."""
    results: dict[str, bool] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        failed = case.find("failure") is not None or case.find("error") is not None
        results[case.get("name", "")] = results.get(case.get("name", ""), True) and not failed
    return results


def run_role(role: str, args: argparse.Namespace, report_dir: Path) -> tuple[int, int]:
    server = Server(args.binary, args.postgres)
    operations: list[str] = []
    try:
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"contract: {role}: starting {args.binary} on {server.base_url} ({server.data_dir}, {backend})", flush=True)
        server.start()
        operations = operations_in(server.base_url)
        session = open_sessions(server.base_url, role, server.credentials())
        session_file = server.data_dir / "contract-session.json"
        session_file.write_text(json.dumps(session))
        junit = report_dir / f"junit-{role}.xml"
        command = [
            str(Path(sys.executable).parent / "st"),
            "run",
            f"{server.base_url}/api/openapi.json",
            "--url", server.base_url,
            "--checks", CHECKS,
            "--max-examples", str(args.max_examples),
            "--seed", str(args.seed),
            "--generation-database", "none",
            "--workers", str(args.workers),
            "--request-timeout", "30",
            "--report", "junit",
            "--report-junit-path", str(junit),
            "--no-color",
        ]
        if args.phases:
            command += ["--phases", args.phases]
        command += args.st_args
        env = {
            **os.environ,
            "SCHEMATHESIS_HOOKS": str(HERE / "auth_hook.py"),
            "CONTRACT_SESSION_FILE": str(session_file),
            # Loopback only: no proxy may take the requests elsewhere.
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        }
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            env.pop(name, None)
        print(f"contract: {role}: {' '.join(command)}", flush=True)
        started = time.monotonic()
        status = subprocess.run(command, env=env, cwd=report_dir).returncode
        print(f"contract: {role}: schemathesis exited {status} after {time.monotonic() - started:.0f} s", flush=True)
        if not junit.exists():
            raise RuntimeError("schemathesis wrote no report")
        results = junit_results(junit)
        passed = sum(1 for label in operations if results.get(label, False))
        failed = len(operations) - passed
        for label in operations:
            if not results.get(label, False):
                print(f"contract: {role}: FAILED {label}", flush=True)
        if status != 0 and failed == 0:
            # The run failed in a way the report does not tie to an operation.
            failed = 1
        return passed, failed
    except Exception as exc:  # noqa: BLE001 - any failure of the run is a failed role
        print(f"contract: {role}: could not run: {exc}", file=sys.stderr, flush=True)
        return 0, max(1, len(operations))
    finally:
        server.stop()
        if server.process is not None and server.process.returncode not in (0, None, -signal.SIGTERM):
            print(f"contract: {role}: the server exited with {server.process.returncode}\n{server.log_tail()}", flush=True)
        for line in server.errors():
            print(f"contract: {role}: server log: {line}", flush=True)
        if args.keep_data:
            print(f"contract: {role}: data dir and server log kept in {server.data_dir}", flush=True)
        else:
            server.remove()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.environ.get("PORTALE_BIN", str(REPO / "target" / "debug" / "portale")))
    parser.add_argument("--roles", default="citizen,admin")
    parser.add_argument("--max-examples", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--phases", default="", help="schemathesis phases (default: all of them)")
    parser.add_argument("--report-dir", default="")
    parser.add_argument("--keep-data", action="store_true", help="keep each server's data dir and log")
    parser.add_argument("--postgres", default="", metavar="ADMIN_URL", help="run on PostgreSQL: a new database per server, made through this URL")
    parser.add_argument("st_args", nargs="*", help="after --: more `st run` options (for exploring, not the suite)")
    args = parser.parse_args()
    args.binary = str(Path(args.binary).resolve())
    if not os.access(args.binary, os.X_OK):
        print(f"contract: no executable {args.binary} (build it: cargo build --locked -p portale)", file=sys.stderr)
        print("contract: 0 passed, 1 failed")
        return 1
    report_dir = Path(args.report_dir or tempfile.mkdtemp(prefix="portale-contract-report-")).resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    print(f"contract: reports in {report_dir}", flush=True)

    def interrupted(*_):
        raise KeyboardInterrupt

    # SIGTERM (e.g. a CI timeout) unwinds like Ctrl-C, so every `finally` stops its server.
    signal.signal(signal.SIGTERM, interrupted)
    started = time.monotonic()
    passed = failed = 0
    try:
        for role in [r.strip() for r in args.roles.split(",") if r.strip()]:
            p, f = run_role(role, args, report_dir)
            passed += p
            failed += f
    except KeyboardInterrupt:
        print("contract: interrupted", file=sys.stderr)
        print(f"contract: {passed} passed, {failed + 1} failed")
        return 130
    print(f"contract: finished in {time.monotonic() - started:.0f} s")
    print(f"contract: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
