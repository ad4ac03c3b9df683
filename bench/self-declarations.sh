#!/usr/bin/env bash
# Self-declarations benchmark against a release `portale serve --demo` on SQLite (or
# PostgreSQL with BENCH_POSTGRES_URL): creating a prefilled stato di famiglia over HTTP
# (account and registry read, checks, wording, two-page-capable form PDF, store, audit),
# the prefill alone, and the public blank form. The CPU cost of the form itself comes
# from `cargo bench --bench document`.
#   bench/self-declarations.sh [SECONDS]          default: 10
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portal.sh selfdecl "${1:-10}"

login=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["citizen"]; print(json.dumps({"fiscal_code": c["fiscal_code"], "password": c["password"]}, separators=(",",":")))' "$dir/demo-credentials.json")
token=$(curl -fs -H 'content-type: application/json' -d "$login" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$dir/create.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"type":"stato_famiglia"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat >"$dir/prefill.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA

run "POST /api/v1/self-declarations (stato di famiglia, prefilled, PDF stored), 2 threads, 8 connections" \
  -t2 -c8 -s "$dir/create.lua" "$base/api/v1/self-declarations"
stored=$(sqlite3 "$dir/portale.sqlite3" 'SELECT count(*), avg(length(pdf)) FROM self_declarations' 2>/dev/null || echo "?")
echo "   declarations stored (count|mean PDF bytes): $stored"
run "GET /api/v1/self-declaration-types/stato_famiglia/prefill, 2 threads, 8 connections" \
  -t2 -c8 -s "$dir/prefill.lua" "$base/api/v1/self-declaration-types/stato_famiglia/prefill"
run "GET /api/v1/self-declaration-types/atto_notorio/blank.pdf (public, 2 pages), 2 threads, 16 connections" \
  -t2 -c16 "$base/api/v1/self-declaration-types/atto_notorio/blank.pdf"
