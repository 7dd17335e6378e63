#!/usr/bin/env bash
# Installs what `make run` and `make test` need beyond Go modules, only when missing:
# Node packages of the frontend, Debian's Chromium and a CJK font for browser tests.
# (MariaDB is handled by scripts/ensure-mariadb.sh when the MySQL tests run.)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "deps: $*" >&2; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq "$@"
}

if ! command -v node >/dev/null 2>&1; then
  log "installing Node.js and npm"
  apt_install nodejs npm
fi

if [ -f frontend/package-lock.json ]; then
  # Reinstall only when the lockfile changed since the last install.
  stamp=frontend/node_modules/.c360-lock.sha
  want=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing frontend packages (npm ci)"
    (cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
fi

if [ "${C360_SKIP_BROWSER:-}" = "" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Chromium (Debian package) for browser tests"
    apt_install chromium
  fi
  if ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    log "installing a CJK font so that Chinese renders in the browser"
    apt_install fonts-noto-cjk
  fi
fi
