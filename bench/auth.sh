#!/usr/bin/env bash
# Accounts benchmark against a release `portale serve --demo` on SQLite (or PostgreSQL
# with BENCH_POSTGRES_URL): password logins (argon2id verification dominates), an
# authenticated read (JWT check + route permissions + one query) and the health check as
# the floor. Load from wrk on loopback; the server runs with 2 workers.
#   bench/auth.sh [SECONDS]          default: 10
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portal.sh auth "${1:-10}"

login=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["citizen"]; print(json.dumps({"fiscal_code": c["fiscal_code"], "password": c["password"]}))' "$dir/demo-credentials.json")
token=$(curl -fs -H 'content-type: application/json' -d "$login" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$dir/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$login'
wrk.headers["Content-Type"] = "application/json"
LUA

run "GET /healthz (floor), 2 threads, 16 connections" -t2 -c16 "$base/healthz"
run "GET /api/v1/me with a bearer token, 2 threads, 16 connections" -t2 -c16 \
  -H "Authorization: Bearer $token" "$base/api/v1/me"
run "POST /api/v1/auth/login (argon2id), 2 threads, 2 connections" -t2 -c2 -s "$dir/login.lua" \
  "$base/api/v1/auth/login"
