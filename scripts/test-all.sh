#!/usr/bin/env bash
# Runs every test suite and ends with one summary line. Nothing is skipped: a missing
# tool is installed, and a suite that cannot run fails.
#   SPA (lint, types, unit, API types in sync, build) · Python venv + deploy files ·
#   Rust lint · Rust unit + API (SQLite) · API (PostgreSQL) · API contract (schemathesis
#   against the demo server) on SQLite and on PostgreSQL · end-to-end in Chromium on
#   SQLite and on PostgreSQL
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
PG_URL=${PORTALE_TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
# The Rust mail tests run a real SMTP server (aiosmtpd) with the venv's Python; the venv
# suite below creates it before any Rust suite runs.
export PORTALE_TEST_PYTHON=${PORTALE_TEST_PYTHON:-$PWD/.venv/bin/python}
started=$(date +%s)
passed=() failed=()

suite() {
  local name=$1; shift
  local t0=$(date +%s)
  log "suite: $name"
  if "$@"; then passed+=("$name ($(( $(date +%s) - t0 )) s)"); else failed+=("$name"); fi
}

rust_lint() {
  cargo fmt --all --check && cargo clippy --locked --all-targets -- -D warnings
}

spa() {
  ensure_node_modules frontend || return 1
  (cd frontend && npm run --silent check:api && npm run --silent lint && npm run --silent typecheck \
    && npm test --silent && npm run --silent build)
}

rust_sqlite() {
  # The document tests check real PDFs with qpdf and poppler (and pyHanko from the venv).
  ensure_openssl && ensure_pdf_tools || return 1
  cargo test --locked --workspace
}

drop_test_databases() {
  psql "$PG_URL" -Atc "SELECT datname FROM pg_database WHERE datname ~ '^portale_(test|template|contract|e2e)_'" 2>/dev/null \
    | while read -r name; do psql "$PG_URL" -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null; done
}

rust_postgres() {
  ensure_postgres && ensure_openssl || return 1
  local status=0
  PORTALE_TEST_DATABASE_URL=$PG_URL cargo test --locked --test api || status=$?
  drop_test_databases
  return $status
}

python_venv_and_deploy_files() {
  ensure_python_venv .venv tests/requirements.txt && .venv/bin/python -m pytest -q tests/deploy
}

api_contract() {
  # The live demo server against its own OpenAPI document, as the demo citizen and the
  # demo admin (tests/contract/run_contract.py; ends with "contract: N passed, M failed"),
  # on the embedded SQLite file, or on PostgreSQL with `api_contract postgres`.
  ensure_python_venv .venv tests/requirements.txt || return 1
  cargo build --locked -p portale || return 1
  local database=()
  if [ "${1:-}" = postgres ]; then ensure_postgres || return 1; database=(--postgres "$PG_URL"); fi
  local status=0
  .venv/bin/python tests/contract/run_contract.py --binary target/debug/portale "${database[@]}" || status=$?
  [ "${1:-}" = postgres ] && drop_test_databases
  return $status
}

end_to_end() {
  # The certificates journey reads the QR from the PDF with poppler, qpdf and zxing-cpp.
  # `end_to_end postgres` runs the same journeys with the server on PostgreSQL.
  # SPID/CIE login runs against the reference implementation of the federation.
  ensure_chromium && ensure_pdf_tools && ensure_node_modules e2e && ensure_federation_venv || return 1
  cargo build --locked -p portale || return 1
  local postgres=""
  if [ "${1:-}" = postgres ]; then ensure_postgres || return 1; postgres=$PG_URL; fi
  local status=0
  (cd e2e && PORTALE_BIN=../target/debug/portale PORTALE_E2E_POSTGRES=$postgres npm test --silent) || status=$?
  [ "${1:-}" = postgres ] && drop_test_databases
  return $status
}

# The SPA is built first: the backend embeds frontend/dist and its tests serve it.
# The venv comes before the Rust suites: their mail tests need its aiosmtpd.
suite "SPA: API types, lint, types, unit tests, build" spa
suite "Python venv; deploy files (docker-compose, Dockerfile)" python_venv_and_deploy_files
suite "Rust: format and clippy" rust_lint
suite "Rust: unit and API tests on SQLite" rust_sqlite
suite "Rust: API tests on PostgreSQL" rust_postgres
suite "API contract (schemathesis) on SQLite" api_contract
suite "API contract (schemathesis) on PostgreSQL" api_contract postgres
suite "End-to-end in Chromium on SQLite" end_to_end
suite "End-to-end in Chromium on PostgreSQL" end_to_end postgres

echo
echo "Summary after $(( $(date +%s) - started )) s:"
for s in "${passed[@]}"; do echo "  ok      $s"; done
for s in "${failed[@]}"; do echo "  FAILED  $s"; done
echo "suites: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
