# Sourced by the HTTP benchmarks: builds the release binary, starts
# `portale serve --demo` with 2 workers on a free port in a temporary data dir (on
# PostgreSQL when BENCH_POSTGRES_URL is set, in a database of its own), waits until it is
# ready and stops it on exit. Sets `dir` (the data dir, with demo-credentials.json) and
# `base` (the URL); `run NAME WRK-ARGS…` prints wrk's throughput and latency lines.
#   source bench/portal.sh NAME SECONDS
source scripts/lib.sh
command -v wrk >/dev/null || apt_install wrk
bench_name=$1
seconds=$2
cargo build --release --locked -p portale >&2

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
db_args=()
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
  db="portale_bench_${bench_name}_$$"
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

run() {
  local name=$1; shift
  echo "== $name"
  wrk --latency -d "${seconds}s" "$@" | grep -E "Requests/sec|Non-2xx|50%|99%|Socket errors" | sed 's/^/   /'
}
