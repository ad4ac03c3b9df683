#!/usr/bin/env bash
# Builds the SPA and the backend (release) and serves the demo municipality on
# http://127.0.0.1:8080 — SPA, API (/api/v1), Swagger UI (/api/docs).
# PORTALE_BIND and PORTALE_DATA_DIR change where it listens and keeps its data.
#
# SPID and CIE login are shown with a test federation beside it: the reference
# implementation (tests/federation) as trust anchor, SPID provider (127.0.0.1:8765) and
# CIE provider (127.0.0.1:8766), whose test user is the demo citizen. Without Python
# packages (no PyPI) the portal runs with password login only. PORTALE_DEMO_SPID=0 too.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bind="${PORTALE_BIND:-127.0.0.1:8080}"
data_dir="${PORTALE_DATA_DIR:-data}"
federation_port=8765

ensure_node_modules frontend
log "building the SPA"
(cd frontend && npm run build --silent)
log "building the backend (release)"
cargo build --release --locked -p portale
mkdir -p "$data_dir"

# The demo's federation settings: the test trust anchor and its two providers.
write_federation_config() {
  cat > "$data_dir/federation-demo.toml" <<TOML
[federation]
[[federation.trust_anchors]]
entity_id = "http://127.0.0.1:$federation_port"
[[federation.providers]]
id = "spid-prova"
kind = "spid"
name = "SPID di prova (federazione di test)"
entity_id = "http://127.0.0.1:$federation_port/oidc/op"
[[federation.providers]]
id = "cie-prova"
kind = "cie"
name = "CIE id di prova (federazione di test)"
entity_id = "http://127.0.0.1:$((federation_port + 1))/oidc/op"
TOML
}

federation_pid=""
portal_pid=""
stop_all() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$federation_pid" ] && kill "$federation_pid" 2>/dev/null || true
}
trap stop_all EXIT INT TERM

config=()
spid="${PORTALE_DEMO_SPID:-1}"
fed_state="$data_dir/federation-test"
fed="./.venv-federation/bin/python -m tests.federation"
if [ "$spid" = 1 ] && ensure_federation_venv \
  && $fed setup --state-dir "$fed_state" --port "$federation_port" >/dev/null; then
  write_federation_config
  config=(--config "$data_dir/federation-demo.toml")
else
  log "SPID/CIE test federation not available: password login only"
  spid=0
fi

log "starting the portal"
"${CARGO_TARGET_DIR:-target}/release/portale" "${config[@]}" serve --demo --bind "$bind" --data-dir "$data_dir" &
portal_pid=$!
if [ "$spid" = 1 ]; then
  base_url="http://$bind"
  for _ in $(seq 1 120); do curl -fs "$base_url/readyz" >/dev/null && break; sleep 1; done
  citizen=$(python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['citizen']; print(c['fiscal_code'])" "$data_dir/demo-credentials.json")
  $fed add-user --state-dir "$fed_state" --username "$citizen" --password "Spid-Prova-2026" \
    --fiscal-number "$citizen" --given-name "Cittadino" --family-name "Demo" >/dev/null
  $fed register-rp --state-dir "$fed_state" --entity-id "$base_url" >/dev/null
  $fed serve --state-dir "$fed_state" --port "$federation_port" > "$data_dir/federation-test.log" 2>&1 &
  federation_pid=$!
  log "SPID/CIE di prova: utente $citizen, password Spid-Prova-2026 (log in $data_dir/federation-test.log)"
fi
wait "$portal_pid"
