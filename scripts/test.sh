#!/usr/bin/env bash
# The whole test suite against real local services: unit and @QuarkusTest classes (Surefire),
# then the packaged application started as separate processes (Failsafe: crashes, several instances).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "Maven is missing: apt-get install -y maven (and a JDK 17)" >&2; exit 1; }
bash scripts/services.sh labelmint_test

exec mvn -B -ntp verify "$@"
