#!/usr/bin/env bash
# Runs LabelMint on http://localhost:8080 with nothing but a JDK 17 and Maven: without a configured
# database it starts an embedded PostgreSQL in ./data (kept across restarts) and seeds demo data.
# Any QUARKUS_* / LABELMINT_* variable you set replaces the local default (see docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/quarkus-app/quarkus-run.jar
newest_source=$(find pom.xml src/main -newer "$jar" -print -quit 2>/dev/null || echo rebuild)
if [ ! -f "$jar" ] || [ -n "$newest_source" ]; then
  echo "Building LabelMint (first build downloads dependencies: a few minutes)..."
  mvn -B -ntp -q package -DskipTests
fi
exec java ${JAVA_OPTS:-} -jar "$jar"
