#!/usr/bin/env bash
# Seeding benchmark: `portale seed-demo` into a fresh SQLite file (and, with
# BENCH_POSTGRES_URL, into a fresh PostgreSQL database), release build.
#   bench/seed-demo.sh [PERSONS ...]      default: 2000 100000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p portale >&2
sizes=("${@:-2000 100000 1000000}")
for persons in ${sizes[@]}; do
  dir=$(mktemp -d)
  /usr/bin/time -f "sqlite      persons=$persons wall=%es user=%Us sys=%Ss maxrss=%MKB" \
    ./target/release/portale seed-demo --quiet --persons "$persons" --data-dir "$dir" >/dev/null 2>"$dir/time" || { cat "$dir/time"; exit 1; }
  tail -1 "$dir/time"
  echo "            file size: $(du -h "$dir/portale.sqlite3" | cut -f1)"
  rm -rf "$dir"
  if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
    db="portale_bench_$$"
    psql "$BENCH_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    url="${BENCH_POSTGRES_URL%/*}/$db"
    /usr/bin/time -f "postgresql  persons=$persons wall=%es user=%Us sys=%Ss maxrss=%MKB (client side)" \
      ./target/release/portale seed-demo --quiet --persons "$persons" --database-url "$url" >/dev/null 2>/tmp/bench-pg-time
    tail -1 /tmp/bench-pg-time
    psql "$BENCH_POSTGRES_URL" -qc "DROP DATABASE $db" >/dev/null
  fi
done
