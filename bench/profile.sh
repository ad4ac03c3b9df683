#!/usr/bin/env bash
# Where the time goes on the hot paths (issue 17): a release `portale serve --demo` (SQLite,
# or PostgreSQL with BENCH_POSTGRES_URL) under wrk load, sampled by `perf record` (the
# cpu-clock software event: this machine type has no hardware counters), next to a bare
# actix-web handler measured in the same run (`backend/examples/bare.rs`). For each request
# it prints wrk's throughput and latency, the server's CPU per request, and the functions
# with the largest self time.
#   bench/profile.sh [SECONDS]          default: 8
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portal.sh profile "${1:-8}"
command -v perf >/dev/null || apt_install linux-perf
cargo build --release --locked -p portale --example bare >&2

bare_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
./target/release/examples/bare "127.0.0.1:$bare_port" >/dev/null 2>&1 &
bare=$!
portal_cleanup=$(trap -p EXIT | sed "s/^trap -- '//; s/' EXIT$//")
trap 'kill $bare 2>/dev/null; wait $bare 2>/dev/null || true; eval "$portal_cleanup"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$bare_port/" >/dev/null && break; sleep 0.1; done

read -r login person < <(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["citizen"]; print(json.dumps({"fiscal_code": c["fiscal_code"], "password": c["password"]}, separators=(",",":")), c["person_id"])' "$dir/demo-credentials.json")
token=$(curl -fs -H 'content-type: application/json' -d "$login" "$base/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
cat >"$dir/issue.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"type":"stato_famiglia","person_id":"$person","usage":"pensione"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# profile NAME PID WRK-ARGS…: load, samples of PID meanwhile, CPU per request, top symbols.
profile() {
  local name=$1 pid=$2; shift 2
  echo "== $name"
  local before=$(ticks "$pid")
  perf record -q -e cpu-clock -F 1999 -p "$pid" -o "$dir/$name.perf" -- sleep "$seconds" 2>/dev/null &
  local recorder=$!
  local out=$(wrk --latency -d "${seconds}s" "$@")
  wait "$recorder" || true
  local after=$(ticks "$pid")
  echo "$out" | grep -E "Requests/sec|Non-2xx|50%|99%|Socket errors" | sed 's/^/   /'
  local rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  python3 -c "import sys; t=(int(sys.argv[2])-int(sys.argv[1]))/100; r=float(sys.argv[3]); d=float(sys.argv[4]); print(f'   server CPU: {t/d*100:.0f} % of one core, {t/(r*d)*1e6:.0f} µs per request')" \
    "$before" "$after" "$rps" "$seconds"
  echo "   CPU samples by object (the kernel's share is the network stack and the scheduler):"
  perf report -q -i "$dir/$name.perf" --sort dso --percent-limit 1 --stdio 2>/dev/null \
    | grep -E '^ +[0-9]' | head -6 | sed 's/^ */      /'
  echo "   top self time in user space (share of all samples):"
  perf report -q -i "$dir/$name.perf" --no-children --sort symbol --dsos portale,bare,libc.so.6 \
    --percent-limit 1 --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -15 | cut -c1-140 | sed 's/^ */      /'
}

profile bare "$bare" -t2 -c32 "http://127.0.0.1:$bare_port/"
profile healthz "$server" -t2 -c32 "$base/healthz"
profile me "$server" -t2 -c32 -H "Authorization: Bearer $token" "$base/api/v1/me"
profile family "$server" -t2 -c32 -H "Authorization: Bearer $token" "$base/api/v1/me/family"
profile certificates "$server" -t2 -c16 -s "$dir/issue.lua" "$base/api/v1/certificates"
