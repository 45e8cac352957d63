#!/usr/bin/env bash
# Outbox benchmark: raw INSERT baseline (pgbench) vs. the event bus through the canary endpoint,
# in-process and over RabbitMQ, plus idle commit-to-handler latency. See README.md beside this file.
# Every throughput figure is also given as a ratio against the pgbench baseline of the same run,
# because the machine is shared and absolute numbers drift.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
N=${N:-10000}                         # events of the batched run
K=${K:-50}                            # events per transaction of the batched run
N_SINGLE=${N_SINGLE:-2000}            # events of the one-event-per-transaction run (K=1)
WARMUP=${WARMUP:-5000}                # events published (and delivered) before measuring, per mode (C2 needs ~this)
IDLE_SAMPLES=${IDLE_SAMPLES:-50}      # single-event batches of the idle latency probe
IDLE_GAP=${IDLE_GAP:-0.2}             # seconds of idleness before each probe
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
PAIR_SECONDS=${PAIR_SECONDS:-5}       # paired pgbench right before and after each throughput phase
STATS_SETTLE=${STATS_SETTLE:-11}      # idle backends flush pg_stat counters within ~10 s
POLL=${POLL:-0.1}                     # seconds between receipt polls
DELIVERY_TIMEOUT=${DELIVERY_TIMEOUT:-300}
PORT=${PORT:-18080}
DB=${DB:-labelmint_bench}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RABBIT_HOST=${RABBIT_HOST:-127.0.0.1}
RABBIT_PORT=${RABBIT_PORT:-5672}
# publish-only = in-process with the relay off: the publishing path alone, nothing delivered
MODES=${MODES:-"publish-only in-process rabbitmq"}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
export PGHOST PGPORT PGUSER

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
EXCHANGE=labelmint.bench.$RUN_ID
QUEUE=labelmint.bench.$RUN_ID
COMMAND="N=$N K=$K N_SINGLE=$N_SINGLE WARMUP=$WARMUP IDLE_SAMPLES=$IDLE_SAMPLES PGBENCH_SECONDS=$PGBENCH_SECONDS PAIR_SECONDS=$PAIR_SECONDS MODES=\"$MODES\" bash bench/outbox/run.sh"

WORK=$(mktemp -d /tmp/labelmint-outbox-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"
BROKER_USED=0
STATS_READY=0

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    show_app_log_on_failure "$status"
    stop_app
    # pgbench, curl and psql run in the foreground; anything else still ours is a background job
    local jobs_left; jobs_left=$(jobs -p)
    [[ -n $jobs_left ]] && kill $jobs_left 2>/dev/null || true
    if [[ $BROKER_USED -eq 1 ]]; then
        java -cp "$ROOT/target/quarkus-app/lib/main/*" "$HERE/BrokerCleanup.java" \
            "$RABBIT_HOST" "$RABBIT_PORT" guest guest "$QUEUE" "$EXCHANGE" >&2 2>/dev/null \
            || log "could not delete queue/exchange $QUEUE on the broker; delete them by hand"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java curl jq psql pgbench awk

# ---------------------------------------------------------------- helpers
reset_tables() {
    q "TRUNCATE platform.outbox_event, platform.inbox, platform.event_canary_receipt" >/dev/null
    q "VACUUM ANALYZE platform.outbox_event" >/dev/null
    q "CHECKPOINT" >/dev/null
}

# Write transactions committed in our database (pg_stat lags: call after STATS_SETTLE of quiet).
commits() { q "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
wal_bytes() { q "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"; }
app_cpu_ticks() { cpu_ticks "$APP_PID"; }

start_app_in() { # mode
    local mode=$1 transport=$1 relay=true
    [[ $mode == publish-only ]] && { transport=in-process; relay=false; }
    STATS_READY=0
    log "starting the app ($mode) on port $PORT"
    [[ $mode == rabbitmq ]] && BROKER_USED=1
    start_app "$PORT" "$WORK/app-$mode.log" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
        LABELMINT_OPS_CANARY_ENABLED=true \
        LABELMINT_EVENTS_TRANSPORT="$transport" \
        LABELMINT_EVENTS_RELAY_ENABLED="$relay" \
        LABELMINT_EVENTS_RABBITMQ_EXCHANGE="$EXCHANGE" \
        LABELMINT_EVENTS_RABBITMQ_QUEUE="$QUEUE" \
        LABELMINT_RABBITMQ_HOST="$RABBIT_HOST" \
        LABELMINT_RABBITMQ_PORT="$RABBIT_PORT"
}

post_canaries() { # count perTransaction -> response JSON
    curl -sS -f --max-time 900 -H 'Content-Type: application/json' \
        -d "{\"count\": $1, \"perTransaction\": $2}" "http://127.0.0.1:$PORT/api/v1/ops/event-canaries"
}
POLLS=0
report() { POLLS=$((POLLS + 1)); curl -sS -f --max-time 30 "http://127.0.0.1:$PORT/api/v1/ops/event-canaries/$1"; }

# Polls until the batch has n receipts; prints the last report. Non-zero on timeout.
await_receipts() { # batchId n timeoutSeconds pollSeconds
    local deadline=$(( $(date +%s) + $3 )) body
    while :; do
        body=$(report "$1")
        (( $(jq -r .receipts <<<"$body") >= $2 )) && { echo "$body"; return 0; }
        (( $(date +%s) < deadline )) || { echo "$body"; return 1; }
        sleep "$4"
    done
}

# Waits (bounded) until the relay has settled every row, so the next phase starts clean.
await_outbox_settled() {
    local deadline=$(( $(date +%s) + 60 ))
    while (( $(q "SELECT count(*) FROM platform.outbox_event WHERE status IN ('PENDING','SENT')") > 0 )); do
        (( $(date +%s) < deadline )) || { log "outbox still has undelivered rows after 60 s"; return 0; }
        sleep 0.5
    done
}

# ---------------------------------------------------------------- phases
declare -A R   # results: R[key]=value

# K copies of raw_insert.sql in one transaction
raw_script() { # k -> path
    local script=$WORK/raw_k$1.sql
    [[ -f $script ]] || { echo 'BEGIN;'; for _ in $(seq 1 "$1"); do cat "$HERE/raw_insert.sql"; done; echo 'COMMIT;'; } >"$script"
    echo "$script"
}

pgbench_rows() { # k clients seconds -> rows/s
    local out tps
    out=$(pgbench -n -M prepared -c "$2" -j "$2" -T "$3" -f "$(raw_script "$1")" "$DB" 2>&1) \
        || { echo "$out" >&2; die "pgbench failed"; }
    tps=$(awk '/^tps = / { print $3; exit }' <<<"$out")
    [[ -n $tps ]] || { echo "$out" >&2; die "no tps in pgbench output"; }
    calc "$tps * $1"
}

raw_pass() { # pass-name
    local pass=$1 k c
    for k in "$K" 1; do
        for c in 1 2; do
            reset_tables
            log "pgbench raw INSERT, $k rows/transaction, $c client(s), ${PGBENCH_SECONDS}s ($pass)"
            R[raw_${k}_${c}_$pass]=$(pgbench_rows "$k" "$c" "$PGBENCH_SECONDS")
            log "  -> $(fmt "${R[raw_${k}_${c}_$pass]}") rows/s"
        done
    done
    R[raw_payload_bytes]=$(q "SELECT round(avg(pg_column_size(payload))) FROM platform.outbox_event")
    reset_tables
}

warm_up() { # mode
    local mode=$1 body batch
    log "warm-up ($mode): $WARMUP events in transactions of $K, then $((WARMUP / 10)) one per transaction"
    body=$(post_canaries "$WARMUP" "$K"); batch=$(jq -r .batchId <<<"$body")
    [[ $mode == publish-only ]] || await_receipts "$batch" "$WARMUP" "$DELIVERY_TIMEOUT" 0.5 >/dev/null || die "warm-up not delivered"
    body=$(post_canaries "$((WARMUP / 10))" 1); batch=$(jq -r .batchId <<<"$body")
    [[ $mode == publish-only ]] || await_receipts "$batch" "$((WARMUP / 10))" "$DELIVERY_TIMEOUT" 0.5 >/dev/null || die "warm-up not delivered"
    R[app_payload_bytes]=$(q "SELECT round(avg(pg_column_size(payload))) FROM platform.outbox_event")
    [[ $mode == publish-only ]] || await_outbox_settled
    STATS_READY=0
}

idle_latency() { # mode
    local mode=$1 i body batch lat=()
    log "idle latency ($mode): $IDLE_SAMPLES single events, ${IDLE_GAP}s apart"
    for i in $(seq 1 "$IDLE_SAMPLES"); do
        sleep "$IDLE_GAP"
        body=$(post_canaries 1 1); batch=$(jq -r .batchId <<<"$body")
        body=$(await_receipts "$batch" 1 30 0.02) || die "idle event not delivered within 30 s"
        lat+=("$(jq -r .medianLatencyMs <<<"$body")")
    done
    local sorted; sorted=$(printf '%s\n' "${lat[@]}" | sort -g)
    R[idle_med_$mode]=$(awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }' <<<"$sorted")
    R[idle_p95_$mode]=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.95); if (i < NR * 0.95) i++; print a[i] }' <<<"$sorted")
    R[idle_max_$mode]=$(tail -n 1 <<<"$sorted")
    log "  -> median $(fmt "${R[idle_med_$mode]}" 1) ms, p95 $(fmt "${R[idle_p95_$mode]}" 1) ms"
    await_outbox_settled
    STATS_READY=0
}

# The raw baseline at K, 1 client, right next to an app phase: the app is frozen (SIGSTOP) so that
# neither it nor its poller touches the pgbench rows, which are deleted before it resumes.
paired_raw() { # key pre|post k
    local rows
    kill -STOP "$APP_PID"
    rows=$(pgbench_rows "$3" 1 "$PAIR_SECONDS")
    q "DELETE FROM platform.outbox_event WHERE type = 'platform.EventCanary' AND status = 'PENDING' AND payload->>'batchId' = '00000000-0000-4000-8000-00000000beef'" >/dev/null
    kill -CONT "$APP_PID"
    R[pair_${1}_$2]=$rows
    log "  paired raw INSERT ($2), $3 rows/transaction: $(fmt "$rows") rows/s"
}

# Publishes n events k per transaction; times the POST and (unless publish-only) full delivery.
throughput() { # mode n k
    local mode=$1 n=$2 k=$3 key="${1}_$3" body batch t0 t1 t2 c0 c1 w0 w1 cpu0 cpu1 polls0
    paired_raw "$key" pre "$k"
    reset_tables
    [[ $STATS_READY == 1 ]] || sleep "$STATS_SETTLE"   # let earlier work reach pg_stat first
    c0=$(commits); w0=$(wal_bytes); cpu0=$(app_cpu_ticks); polls0=$POLLS
    log "throughput ($mode): $n events, $k per transaction"
    t0=$(now_ms)
    body=$(post_canaries "$n" "$k")
    t1=$(now_ms)
    batch=$(jq -r .batchId <<<"$body")
    [[ $(jq -r .published <<<"$body") == "$n" ]] || die "published $(jq -r .published <<<"$body") of $n"
    if [[ $mode == publish-only ]]; then
        R[e2e_$key]="-"; R[med_$key]="-"; R[max_$key]="-"; R[dup_$key]=0
    elif body=$(await_receipts "$batch" "$n" "$DELIVERY_TIMEOUT" "$POLL"); then
        t2=$(now_ms)
        R[e2e_$key]=$(calc "$n * 1000 / ($t2 - $t0)")
    else
        R[e2e_$key]="timeout ($(jq -r .receipts <<<"$body")/$n)"
    fi
    cpu1=$(app_cpu_ticks); w1=$(wal_bytes)
    if [[ $mode != publish-only ]]; then
        R[med_$key]=$(jq -r .medianLatencyMs <<<"$body")
        R[max_$key]=$(jq -r .maxLatencyMs <<<"$body")
        R[dup_$key]=$(jq -r '.receipts - .distinctEvents' <<<"$body")
        await_outbox_settled
    fi
    sleep "$STATS_SETTLE"
    c1=$(commits)
    paired_raw "$key" post "$k"
    R[pair_$key]=$(calc "(${R[pair_${key}_pre]} + ${R[pair_${key}_post]}) / 2")
    STATS_READY=1
    R[pub_$key]=$(calc "$n * 1000 / ($t1 - $t0)")
    # minus the polls' own autocommit SELECTs and the two psql samples
    R[commits_$key]=$(calc "($c1 - $c0 - ($POLLS - $polls0) - 2) / $n")
    R[wal_$key]=$(calc "($w1 - $w0) / $n")
    R[cpu_$key]=$(calc "($cpu1 - $cpu0) * 1000 / $CLK_TCK / $n")
    log "  -> publish $(fmt "${R[pub_$key]}")/s, delivered ${R[e2e_$key]}/s, median ${R[med_$key]} ms, max ${R[max_$key]} ms"
}

run_mode() { # mode; the app is up
    local mode=$1
    warm_up "$mode"
    [[ $mode == publish-only ]] || idle_latency "$mode"
    throughput "$mode" "$N" "$K"
    throughput "$mode" "$N_SINGLE" 1
}

# ---------------------------------------------------------------- run
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

build_jar_if_stale
recreate_database

# The first start migrates the schema. A publish-only app (relay and poller off) never touches the
# outbox on its own, so pass a of the baseline runs beside it; otherwise the app is stopped first.
REST=""
for mode in $MODES; do [[ $mode == publish-only ]] || REST+=" $mode"; done
if [[ " $MODES " == *" publish-only "* ]]; then
    start_app_in publish-only
    raw_pass a
    run_mode publish-only
    stop_app
    reset_tables              # its rows were never delivered: the next app must not find them
else
    start_app_in in-process
    stop_app
    raw_pass a
fi
for mode in $REST; do
    start_app_in "$mode"
    run_mode "$mode"
    stop_app
done
raw_pass b                    # the same baseline again: the drift between a and b is the noise

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

# ---------------------------------------------------------------- report
for k in "$K" 1; do
    for c in 1 2; do
        R[raw_${k}_$c]=$(calc "(${R[raw_${k}_${c}_a]} + ${R[raw_${k}_${c}_b]}) / 2")
    done
done
ratio() { # value base -> "x.xx" or n/a
    [[ $1 =~ ^[0-9.]+$ ]] && calc "$1 / $2" | awk '{ printf "%.2f", $1 }' || echo "n/a"
}
num() { [[ $1 =~ ^[0-9.]+$ ]] && fmt "$1" "${2:-0}" || echo "$1"; }

TABLE=$WORK/table.md
{
    echo "| Measure | K (events/tx) | Figure | Ratio |"
    echo "|---|---:|---:|---:|"
    for k in "$K" 1; do
        for c in 1 2; do
            echo "| Raw INSERT (pgbench), $c client(s), passes a/b | $k | $(fmt "${R[raw_${k}_$c]}") rows/s (a $(fmt "${R[raw_${k}_${c}_a]}"), b $(fmt "${R[raw_${k}_${c}_b]}")) | $(ratio "${R[raw_${k}_$c]}" "${R[raw_${k}_1]}") × 1 client |"
        done
    done
    for mode in $MODES; do
        for k in "$K" 1; do
            key=${mode}_$k
            echo "| $mode: paired raw INSERT, 1 client (before / after) | $k | $(fmt "${R[pair_$key]}") rows/s ($(fmt "${R[pair_${key}_pre]}") / $(fmt "${R[pair_${key}_post]}")) | |"
            echo "| $mode: **published/s** (POST time) | $k | $(num "${R[pub_$key]}") | **$(ratio "${R[pub_$key]}" "${R[pair_$key]}")** × paired raw |"
            [[ $mode == publish-only ]] || {
            echo "| $mode: **delivered/s** (end to end) | $k | $(num "${R[e2e_$key]}") | **$(ratio "${R[e2e_$key]}" "${R[pair_$key]}")** × paired raw; $(ratio "${R[e2e_$key]}" "${R[raw_1_2]}") × raw K=1 2 clients (a/b) |"
            echo "| $mode: receipt latency median / max | $k | $(num "${R[med_$key]}") / $(num "${R[max_$key]}") ms | |"
            }
            echo "| $mode: per event: commits, WAL, app CPU | $k | $(num "${R[commits_$key]}" 2) commits, $(num "${R[wal_$key]}") B, $(num "${R[cpu_$key]}" 2) ms | |"
        done
    done
    for mode in $REST; do
        echo "| $mode: **idle commit-to-handler latency** median / p95 / max ($IDLE_SAMPLES samples) | 1 | $(fmt "${R[idle_med_$mode]}" 1) / $(fmt "${R[idle_p95_$mode]}" 1) / $(fmt "${R[idle_max_$mode]}" 1) ms | |"
    done
} >"$TABLE"

DUPS=""
for mode in $REST; do for k in "$K" 1; do
    [[ ${R[dup_${mode}_$k]:-0} == 0 ]] || DUPS+=" $mode K=$k: ${R[dup_${mode}_$k]} duplicate receipts;"
done; done

SECTION=$WORK/section.md
{
    echo "<!-- outbox-bench:start -->"
    echo "## Outbox event bus (bench/outbox/run.sh)"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    machine_facts
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: read the ratios, not the absolute numbers)"
    echo "- Command: \`$COMMAND\`"
    echo "- Average stored payload: app $(num "${R[app_payload_bytes]}") B, raw script $(num "${R[raw_payload_bytes]}") B"
    echo "- Ratios are against the *paired* raw INSERT rate: pgbench at the same K with 1 client for ${PAIR_SECONDS}s right before and right after that very phase (mean), with the app frozen. Passes a (before all app phases) and b (after) give the 2-client and cross-K context; their drift shows the machine's noise."
    [[ -n $DUPS ]] && echo "- WARNING:$DUPS"
    echo
    cat "$TABLE"
    echo
    echo "<!-- outbox-bench:end -->"
} >"$SECTION"

cat "$TABLE"

write_section "$RESULTS" outbox-bench "$SECTION"
