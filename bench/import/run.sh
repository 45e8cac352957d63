#!/usr/bin/env bash
# Bulk import benchmark: N items of a generated JSON Lines file through POST /api/v1/projects/{id}/items:import,
# end to end (request start -> job succeeded), beside a raw psql \copy of the very same rows into a scratch
# table shaped like tasks.item (same columns, constraints and indexes), in the same run on the same machine.
# The baseline runs right before and right after the API import; the ratio is against their mean, because the
# machine is shared and absolute numbers drift. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/target/quarkus-app/quarkus-run.jar

# ---------------------------------------------------------------- knobs
N=${N:-1000000}                # items imported (and copied)
WARMUP=${WARMUP:-50000}        # items imported first into another project, so the JIT has compiled the hot path
POLL=${POLL:-0.2}              # seconds between job polls
TIMEOUT=${TIMEOUT:-1800}       # seconds an import may take
PORT=${PORT:-18083}
DB=${DB:-labelmint_bench_import}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
export PGHOST PGPORT PGUSER

COMMAND="N=$N WARMUP=$WARMUP bash bench/import/run.sh"
# not "labelmint-import-*": instances before the spool moved into labelmint-import/ removed such folders from /tmp
WORK=$(mktemp -d "${TMPDIR:-/tmp}/labelmint-bench-import.XXXXXX")
APP_PID=""
APP_LOG=$WORK/app.log
PASSWORD="correct horse battery staple"
COLUMNS="project_id, import_id, external_id, data, gold_answer, answers_needed"

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_app() {
    [[ -n $APP_PID ]] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ $status -ne 0 && -f $APP_LOG ]]; then
        log "last lines of the app's log:"; tail -n 40 "$APP_LOG" >&2 || true
    fi
    stop_app
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for tool in java mvn curl jq psql awk; do command -v "$tool" >/dev/null || die "$tool is required"; done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
calc() { awk "BEGIN { printf \"%s\", $1 }"; }
fmt() { awk -v v="$1" -v d="${2:-0}" 'BEGIN { printf "%.*f", d, v }'; }
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }
api() { # method path [curl args...] -> body
    local method=$1 path=$2; shift 2
    curl -sS -f --max-time 900 -X "$method" "http://127.0.0.1:$PORT$path" "$@"
}
app_cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / tck }' "/proc/$APP_PID/stat"; }

settle() { # a clean start for the next measurement: dead rows gone, dirty pages written
    q "VACUUM ANALYZE tasks.item" >/dev/null
    q "VACUUM ANALYZE bench.item" >/dev/null
    q "CHECKPOINT" >/dev/null
}

# ---------------------------------------------------------------- build, database, app
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

newest_source=$(cd "$ROOT" && find pom.xml src/main -newer "$JAR" -print -quit 2>/dev/null || echo rebuild)
if [[ ! -f $JAR || -n $newest_source ]]; then
    log "building the jar"
    (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
fi

log "recreating database $DB"
psql -d postgres -v ON_ERROR_STOP=1 -qtAX -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then die "port $PORT is taken; set PORT"; fi
log "starting the app on port $PORT"
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
QUARKUS_DATASOURCE_USERNAME=$PGUSER \
LABELMINT_DEMO_ENABLED=false \
LABELMINT_RATE_LIMIT_ENABLED=false \
    java $APP_JAVA_OPTS -jar "$JAR" >"$APP_LOG" 2>&1 &
APP_PID=$!
deadline=$(( $(date +%s) + 180 ))
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
    (( $(date +%s) < deadline )) || die "the app was not ready within 180 s"
    sleep 0.5
done

EMAIL="bench-$(date +%s)@example.org"
api POST /api/v1/auth/register -H 'Content-Type: application/json' \
    -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\", \"displayName\": \"Bench\", \"role\": \"client\"}" >/dev/null
TOKEN=$(api POST /api/v1/auth/login -H 'Content-Type: application/json' \
    -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\"}" | jq -r .accessToken)
new_project() {
    local id
    id=$(api POST /api/v1/projects -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{
        "name": "Product reviews", "settings": {"overlap": 3},
        "schema": {"dataFields": [{"name": "text", "type": "text", "required": true},
                                  {"name": "stars", "type": "number", "required": true},
                                  {"name": "photo", "type": "image", "required": false}],
                   "label": {"type": "single_choice", "options": [{"value": "positive"}, {"value": "negative"}]}}}' | jq -r .id)
    api PUT "/api/v1/projects/$id/status" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"status": "active"}' >/dev/null
    echo "$id"
}

# Imports a file; prints "<ms from request start to success> <ms until the POST answered> <job JSON>".
import_file() { # projectId file
    local t0 t1 t2 job id status
    t0=$(now_ms)
    job=$(api POST "/api/v1/projects/$1/items:import" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/x-ndjson' --data-binary "@$2")
    t1=$(now_ms)
    id=$(jq -r .id <<<"$job")
    while :; do
        job=$(api GET "/api/v1/imports/$id" -H "Authorization: Bearer $TOKEN")
        status=$(jq -r .status <<<"$job")
        [[ $status == succeeded ]] && break
        [[ $status == failed ]] && die "import $id failed: $(jq -c .failure <<<"$job")"
        (( $(now_ms) - t0 < TIMEOUT * 1000 )) || die "import $id did not finish within $TIMEOUT s"
        sleep "$POLL"
    done
    t2=$(now_ms)
    echo "$((t2 - t0)) $((t1 - t0)) $(jq -c . <<<"$job")"
}

raw_copy() { # -> ms
    local t0 t1
    q "TRUNCATE bench.item" >/dev/null
    settle
    t0=$(now_ms)
    psql -d "$DB" -v ON_ERROR_STOP=1 -qtAX -c "\\copy bench.item ($COLUMNS) FROM '$WORK/items.copy'" >/dev/null
    t1=$(now_ms)
    echo $((t1 - t0))
}

# ---------------------------------------------------------------- data
PROJECT=$(new_project)
IMPORT_ID=$(cat /proc/sys/kernel/random/uuid)   # the baseline's rows need an import id; the API makes its own
log "generating $N items"
java "$HERE/GenerateItems.java" "$N" "$WORK/items.jsonl" "$WORK/items.copy" "$PROJECT" "$IMPORT_ID" 3
BODY_BYTES=$(stat -c %s "$WORK/items.jsonl")
q "CREATE SCHEMA bench; CREATE TABLE bench.item (LIKE tasks.item INCLUDING ALL)" >/dev/null

if (( WARMUP > 0 )); then
    log "warm-up: $WARMUP items into another project"
    java "$HERE/GenerateItems.java" "$WARMUP" "$WORK/warmup.jsonl" "$WORK/warmup.copy" "$PROJECT" "$IMPORT_ID" 3
    import_file "$(new_project)" "$WORK/warmup.jsonl" >/dev/null
    q "TRUNCATE tasks.answer, tasks.lease, tasks.item" >/dev/null
    rm -f "$WORK/warmup.jsonl" "$WORK/warmup.copy"
fi

# ---------------------------------------------------------------- measurements
log "raw \\copy of the same rows (before)"
COPY_BEFORE=$(raw_copy)
log "  -> $COPY_BEFORE ms"

q "TRUNCATE bench.item" >/dev/null
settle
log "import of $N items through the API"
CPU0=$(app_cpu_ms)
read -r API_MS POST_MS JOB <<<"$(import_file "$PROJECT" "$WORK/items.jsonl")"
CPU1=$(app_cpu_ms)
log "  -> $API_MS ms (the POST, upload and spool, took $POST_MS ms)"

log "raw \\copy of the same rows (after)"
COPY_AFTER=$(raw_copy)
log "  -> $COPY_AFTER ms"

# ---------------------------------------------------------------- checks and figures
[[ $(jq -r .itemsImported <<<"$JOB") == "$N" ]] || die "imported $(jq -r .itemsImported <<<"$JOB") of $N items"
SAME=$(q "SELECT count(*) FROM tasks.item api JOIN bench.item raw USING (project_id, external_id)
          WHERE api.data = raw.data AND api.gold_answer IS NOT DISTINCT FROM raw.gold_answer AND api.answers_needed = raw.answers_needed")
[[ $SAME == "$N" ]] || die "only $SAME of $N imported rows equal the copied ones"
RSS_PEAK_MB=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status")
JOB_MS=$(q "SELECT round(extract(epoch FROM finished_at - started_at) * 1000) FROM tasks.import_job WHERE id = '$(jq -r .id <<<"$JOB")'")
API_RATE=$(calc "$N * 1000 / $API_MS")
COPY_RATE=$(calc "$N * 1000 / (($COPY_BEFORE + $COPY_AFTER) / 2)")
RATIO=$(calc "$API_RATE / $COPY_RATE")
CPU_PER_ITEM_US=$(calc "($CPU1 - $CPU0) * 1000 / $N")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

TABLE=$WORK/table.md
{
    echo "| Measure | Figure |"
    echo "|---|---:|"
    echo "| Raw \`\\copy\` of the same rows into a copy of tasks.item, before / after | $COPY_BEFORE / $COPY_AFTER ms |"
    echo "| Raw \`\\copy\`, mean | $(fmt "$COPY_RATE") rows/s |"
    echo "| **Import through the API, end to end** (request start → job succeeded) | $API_MS ms = **$(fmt "$API_RATE") items/s** |"
    echo "| … of which the POST (upload and spool of $(fmt "$(calc "$BODY_BYTES / 1048576")") MiB) | $POST_MS ms |"
    echo "| … of which the job (started → finished, database clock) | $JOB_MS ms |"
    echo "| **Ratio API / raw COPY** (target ≥ 0.5) | **$(fmt "$RATIO" 2)** |"
    echo "| App CPU per item (user + system, whole import) | $(fmt "$CPU_PER_ITEM_US" 1) µs |"
    echo "| App peak RSS | $RSS_PEAK_MB MB |"
} >"$TABLE"

SECTION=$WORK/section.md
{
    echo "<!-- import-bench:start -->"
    echo "## Bulk import (bench/import/run.sh)"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    echo "- Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GiB RAM" }'), $(java -version 2>&1 | head -n 1), PostgreSQL $(psql -d postgres -qtAX -c 'SHOW server_version' | cut -d' ' -f1) (synchronous_commit=$(psql -d postgres -qtAX -c 'SHOW synchronous_commit'), fsync=$(psql -d postgres -qtAX -c 'SHOW fsync'))"
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: read the ratio, not the absolute numbers)"
    echo "- Command: \`$COMMAND\`"
    echo "- $N items, $BODY_BYTES bytes of JSON Lines (text, stars, photo on half of them, 1 % gold); the baseline copies the same rows, generated alongside, into \`bench.item\` (\`LIKE tasks.item INCLUDING ALL\`)."
    echo
    cat "$TABLE"
    echo
    echo "<!-- import-bench:end -->"
} >"$SECTION"

cat "$TABLE"

if [[ -f $RESULTS ]]; then
    awk '/<!-- import-bench:start -->/ { skip = 1 } !skip { print } /<!-- import-bench:end -->/ { skip = 0 }' "$RESULTS" >"$WORK/results.md"
else
    printf '# Benchmark results\n\n' >"$WORK/results.md"
fi
cat "$SECTION" >>"$WORK/results.md"
cp "$WORK/results.md" "$RESULTS"
log "results written to $RESULTS"
