# Shared by run-demo.sh and test-all.sh: find or install what the project needs.
# Every function is idempotent: it does nothing when the thing is already there.

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  log "installing Debian packages: $*"
  # apt-get update once per run: a fresh machine has no package lists.
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq && APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# npm ci when node_modules is missing or older than the lock file.
ensure_node_modules() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
  [ -x /usr/bin/chromium ] || { echo "Chromium is missing and could not be installed" >&2; return 1; }
}

# The mail tests make a CA and a relay certificate with the openssl tool.
ensure_openssl() {
  command -v openssl >/dev/null || apt_install openssl
}

ensure_pdf_tools() {
  command -v pdftoppm >/dev/null && command -v qpdf >/dev/null || apt_install poppler-utils qpdf
}

# A PostgreSQL answering on 127.0.0.1:5432; installed and started when none does.
# The password is set only on a server this script installs; an existing server
# keeps its own authentication (PORTALE_TEST_DATABASE_URL overrides the URL).
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql; fi
  local version
  version=$(ls /etc/postgresql | sort -n | tail -1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; return 1; }
  as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || true
}

ensure_python_venv() {
  local venv=$1 requirements=$2
  if [ ! -x "$venv/bin/python" ]; then
    log "creating Python venv $venv"
    python3 -m venv "$venv"
  fi
  if [ ! -f "$venv/.installed" ] || [ "$requirements" -nt "$venv/.installed" ]; then
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    touch "$venv/.installed"
  fi
}

# The OpenID Federation harness (tests/federation) pins Django 4.2 and pydantic<2:
# its own venv keeps them away from .venv.
ensure_federation_venv() {
  ensure_python_venv .venv-federation tests/federation/requirements.txt
}
