#!/usr/bin/env bash
# The marketplace's day (issue 9) at full size, to watch: a client deposits USDT through the TON stand-in, creates,
# fills and funds a project; 50 labelers (some in Telegram, some spammers) label 10 000 items; an admin decides a
# dispute in the console; two labelers withdraw; the figures at the end. Everything goes through public HTTP.
# Needs the local PostgreSQL (127.0.0.1:5432, user postgres); the day gets a database of its own, DEMO_DB
# (default labelmint_demo, dropped and created afresh, kept afterwards for a look).
# Size and seed: ITEMS, GOLD_ITEMS, LABELERS, SPAMMERS, TELEGRAM_LABELERS, OVERLAP, MAX_OVERLAP, SEED.
# INSTANCES=3: the same day on three instances, round-robin, events through the local RabbitMQ (needs it and Redis).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/quarkus-app/quarkus-run.jar
newest_source=$(find pom.xml src -newer "$jar" -print -quit 2>/dev/null || echo rebuild)
if [ ! -f "$jar" ] || [ ! -d target/test-classes ] || [ -n "$newest_source" ]; then
  echo "Building LabelMint and its test stand-ins (first build downloads dependencies: a few minutes)..."
  mvn -B -ntp -q package -DskipTests
fi
classpath=target/test-classpath.txt
if [ ! -f "$classpath" ] || [ pom.xml -nt "$classpath" ]; then
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
fi

properties=(-Dlabelmint.app.dir="$PWD/target/quarkus-app" -Dlabelmint.scenario.database="${DEMO_DB:-labelmint_demo}")
for knob in ITEMS:items GOLD_ITEMS:gold-items LABELERS:labelers SPAMMERS:spammers TELEGRAM_LABELERS:telegram-labelers \
            OVERLAP:overlap MAX_OVERLAP:max-overlap SEED:seed INSTANCES:instances; do
  variable=${knob%%:*}
  if [ -n "${!variable:-}" ]; then
    properties+=("-Dlabelmint.scenario.${knob#*:}=${!variable}")
  fi
done

start=$(date +%s)
java -cp "target/test-classes:target/classes:$(cat "$classpath")" "${properties[@]}" com.labelmint.scenario.MarketplaceDemo
log_name=${DEMO_DB:-labelmint_demo}
echo "Wall time: $(( $(date +%s) - start )) s (the application's log: target/it-logs/${log_name//_/-}.log, or ${log_name//_/-}-<n>.log)"
