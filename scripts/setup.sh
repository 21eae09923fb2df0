#!/usr/bin/env bash
# Everything gongkai needs on a fresh Debian machine: the system packages for
# PDF and office work (when running as root and they are missing), then the
# npm dependencies exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-noto-cjk poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages (run as root to install): ${missing[*]}" >&2
  fi
fi

# PostgreSQL for the store's server-engine tests (DATABASE_URL, default 127.0.0.1:5432 with
# trust auth as on the project's machines). Installed on Debian when absent and root (then trusting
# local TCP connections, for a test machine only); a cluster installed but down is started.
# GONGKAI_SKIP_POSTGRES=1 leaves PostgreSQL alone.
if [ "${GONGKAI_SKIP_POSTGRES:-}" != 1 ] && command -v apt-get >/dev/null; then
  if ! ls -d /etc/postgresql/*/main >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing postgresql"
      apt-get -o DPkg::Lock::Timeout=300 update -qq
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
      for hba in /etc/postgresql/*/main/pg_hba.conf; do
        sed -i '0,/^host/s//host    all             all             127.0.0.1\/32            trust\nhost/' "$hba"
      done
    else
      echo "setup: PostgreSQL is not installed (run as root to install it, or set DATABASE_URL)" >&2
    fi
  fi
  if command -v pg_lsclusters >/dev/null && ls -d /etc/postgresql/*/main >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql); do
      [ -d "/etc/postgresql/$version/main" ] || continue
      if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
        if [ "$(id -u)" = 0 ]; then
          echo "setup: starting PostgreSQL $version/main"
          pg_ctlcluster --skip-systemctl-redirect "$version" main start || echo "setup: could not start PostgreSQL $version/main" >&2
        else
          echo "setup: PostgreSQL $version/main is down (start it as root: pg_ctlcluster $version main start)" >&2
        fi
      fi
    done
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The command line runs compiled JavaScript (bin/gongkai falls back to the sources when dist/
# is missing or older than src/): compile once here, ~2 s.
npm run --silent build
