#!/usr/bin/env bash
# Certificates benchmark against a release `portale serve --demo` on SQLite (or
# PostgreSQL with BENCH_POSTGRES_URL): issuing certificates over HTTP (registry read,
# wording, PDF, QR, COSE seal, PAdES signature, store, audit) and public verification.
# The per-phase CPU cost of one document comes from `cargo bench --bench document`.
#   bench/certificates.sh [SECONDS]          default: 10
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portal.sh cert "${1:-10}"

read -r login person < <(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["citizen"]; print(json.dumps({"fiscal_code": c["fiscal_code"], "password": c["password"]}, separators=(",",":")), c["person_id"])' "$dir/demo-credentials.json")
token=$(curl -fs -H 'content-type: application/json' -d "$login" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
body="{\"type\":\"stato_famiglia\",\"person_id\":\"$person\",\"usage\":\"pensione\"}"
cat >"$dir/issue.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
query=$(curl -fs -H 'content-type: application/json' -H "Authorization: Bearer $token" -d "$body" \
  "$base/api/v1/certificates" | python3 -c 'import json,sys,urllib.parse as u; c=json.load(sys.stdin); print(u.urlencode({"id": c["id"], "surname": c["subject_surname"], "name": c["subject_name"]}))')

run "POST /api/v1/certificates (stato di famiglia, signed PDF), 2 threads, 8 connections" \
  -t2 -c8 -s "$dir/issue.lua" "$base/api/v1/certificates"
echo "   mean time per certificate by phase (server side, from /metrics):"
curl -fs "$base/metrics" | python3 -c '
import re, sys
sums, counts = {}, {}
for line in sys.stdin:
    m = re.match(r"portale_certificate_issue_phase_seconds_(sum|count)\{phase=\"(\w+)\"\} (\S+)", line)
    if m:
        (sums if m.group(1) == "sum" else counts)[m.group(2)] = float(m.group(3))
for phase in ("registry", "document", "store"):
    if counts.get(phase):
        print(f"      {phase:9} {sums[phase] / counts[phase] * 1e6:8.0f} µs")
'
issued=$(sqlite3 "$dir/portale.sqlite3" 'SELECT count(*), avg(length(pdf)) FROM certificates' 2>/dev/null || echo "?")
echo "   certificates stored (count|mean PDF bytes): $issued"
run "GET /api/v1/verify (public check), 2 threads, 16 connections" -t2 -c16 "$base/api/v1/verify?$query"
