#!/usr/bin/env bash
# Accounts benchmark against a release `portale serve --demo` on SQLite (or PostgreSQL
# with BENCH_POSTGRES_URL): password logins (argon2id verification dominates), an
# authenticated read (JWT check + route permissions + one query) and the health check as
# the floor. Load from wrk on loopback; the server runs with 2 workers.
#   bench/auth.sh [SECONDS]          default: 10
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
command -v wrk >/dev/null || apt_install wrk
seconds=${1:-10}
cargo build --release --locked -p portale >&2

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
db_args=()
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  db="portale_bench_auth_$$"
  psql "$BENCH_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  db_args=(--database-url "${BENCH_POSTGRES_URL%/*}/$db")
fi
PORTALE_LOG=warn PORTALE_WORKERS=2 ./target/release/portale serve --demo --bind "127.0.0.1:$port" \
  --data-dir "$dir" "${db_args[@]}" >"$dir/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
  rm -rf "$dir"
  if [ -n "${db:-}" ]; then psql "$BENCH_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; fi
}
trap cleanup EXIT
for _ in $(seq 300); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.2; done

login=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["citizen"]; print(json.dumps({"fiscal_code": c["fiscal_code"], "password": c["password"]}))' "$dir/demo-credentials.json")
token=$(curl -fs -H 'content-type: application/json' -d "$login" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$dir/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$login'
wrk.headers["Content-Type"] = "application/json"
LUA

run() {
  local name=$1; shift
  echo "== $name"
  wrk --latency -d "${seconds}s" "$@" | grep -E "Requests/sec|Non-2xx|50%|99%|Socket errors" | sed 's/^/   /'
}
run "GET /healthz (floor), 2 threads, 16 connections" -t2 -c16 "$base/healthz"
run "GET /api/v1/me with a bearer token, 2 threads, 16 connections" -t2 -c16 \
  -H "Authorization: Bearer $token" "$base/api/v1/me"
run "POST /api/v1/auth/login (argon2id), 2 threads, 2 connections" -t2 -c2 -s "$dir/login.lua" \
  "$base/api/v1/auth/login"
