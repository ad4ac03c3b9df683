#!/usr/bin/env bash
# Builds the SPA and the backend (release) and serves the demo municipality on
# http://127.0.0.1:8080 — SPA, API (/api/v1), Swagger UI (/api/docs).
# PORTALE_BIND and PORTALE_DATA_DIR change where it listens and keeps its data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules frontend
log "building the SPA"
(cd frontend && npm run build --silent)
log "building the backend (release)"
cargo build --release --locked -p portale
log "starting the portal"
exec ./target/release/portale serve --demo \
  --bind "${PORTALE_BIND:-127.0.0.1:8080}" --data-dir "${PORTALE_DATA_DIR:-data}"
