#!/usr/bin/env bash
# The whole test suite against real local services: unit and @QuarkusTest classes (Surefire),
# then the packaged application started as separate processes (Failsafe: crashes, several instances).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "Maven is missing: apt-get install -y maven (and a JDK 17)" >&2; exit 1; }
bash scripts/services.sh labelmint_test

# TonInteropTest reads our signed TON payouts with the TON JS SDK (npm packages): it needs node and npm.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[test] installing node and npm from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "node and npm are missing: install them (Debian: sudo apt-get install -y nodejs npm)" >&2; exit 1
  fi
fi

# AdminConsoleBrowserTest drives Debian's headless Chromium through its chromedriver (Selenium, no downloads).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[test] installing chromium and chromium-driver from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "chromium and chromedriver are missing: install them (Debian: sudo apt-get install -y chromium chromium-driver)" >&2; exit 1
  fi
fi

exec mvn -B -ntp verify "$@"
