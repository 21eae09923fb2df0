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

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The command line runs compiled JavaScript (bin/gongkai falls back to the sources when dist/
# is missing or older than src/): compile once here, ~2 s.
npm run --silent build
