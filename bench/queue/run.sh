#!/usr/bin/env bash
# Labeling-loop benchmark (issue 4): LABELERS simulated labelers doing next -> answer through the packaged
# app against one project of ITEMS items, and the same SQL run raw by pgbench with as many clients, in the
# same run on the same database. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
ITEMS=${ITEMS:-1000000}
LABELERS=${LABELERS:-200}             # app threads and pgbench clients alike
DURATION=${DURATION:-60}              # measured seconds of every phase
WARMUP=${WARMUP:-15}                  # seconds of each app phase before measuring (JIT, pools)
JIT_WARMUP=${JIT_WARMUP:-60}          # seconds of the loop, unmeasured, before the first phase
VARIANTS=${VARIANTS:-"split combined"} # split: next, then answer; combined: answer?next=true
# Milliseconds (± 50 %) each labeler reads a task before answering it. 0 measures capacity; above 0 measures
# latency at the load that many labelers make, and pgbench, which has nothing to compare then, is left out.
THINK_MS=${THINK_MS:-0}
PGBENCH_THREADS=${PGBENCH_THREADS:-2}
SETUP_PARALLEL=${SETUP_PARALLEL:-4}   # concurrent sign-ups (each a bcrypt on the server)
APP_POOL=${APP_POOL:-30}              # the app's JDBC pool (its default)
STATS_SETTLE=${STATS_SETTLE:-11}      # idle backends flush pg_stat counters within ~10 s
PORT=${PORT:-18081}
DB=${DB:-labelmint_bench_queue}
# private: a throwaway cluster of the local PostgreSQL binaries with the local server's settings (the
# local server allows 100 connections; pgbench alone needs LABELERS); local: PGHOST/PGPORT as they are.
PG=${PG:-private}
PRIVATE_PGPORT=${PRIVATE_PGPORT:-55432}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
ARTIFACTS=${ARTIFACTS:-$ROOT/target/bench-queue}   # raw outputs of each run, kept for a closer look
export PGHOST PGPORT PGUSER

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
COMMAND="ITEMS=$ITEMS LABELERS=$LABELERS DURATION=$DURATION WARMUP=$WARMUP JIT_WARMUP=$JIT_WARMUP VARIANTS=\"$VARIANTS\" THINK_MS=$THINK_MS PG=$PG bash bench/queue/run.sh"

WORK=$(mktemp -d /tmp/labelmint-queue-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"
source "$ROOT/bench/lib/pg.sh"

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    show_app_log_on_failure "$status"
    stop_app
    local jobs_left; jobs_left=$(jobs -p)
    [[ -n $jobs_left ]] && kill $jobs_left 2>/dev/null || true
    stop_private_cluster "$status"
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java curl jq psql pgbench pg_config awk

# ---------------------------------------------------------------- the database server
wal_bytes() { q "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"; }
# Transaction ids handed out so far: those of transactions that wrote, each a WAL flush at commit.
next_xid() { q "SELECT pg_snapshot_xmax(pg_current_snapshot())"; }
reset_statement_stats() { [[ $STATEMENT_STATS == 0 ]] || q "SELECT pg_stat_statements_reset()" >/dev/null; }

# ---------------------------------------------------------------- set-up through the API
api() { # method path token body -> response body; fails on an HTTP error
    curl -sS -f --max-time 60 -X "$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} \
        ${4:+-d "$4"} "http://127.0.0.1:$PORT$2"
}

# The simulated labelers answer at random and fast: with the default fraud action (exclude) the anti-fraud rules
# take them out of the project one by one (next answers 204), so the project only warns about them.
make_project() { # -> project id
    local email="client-$RUN_ID@bench.example.org" token project
    api POST /api/v1/auth/register "" "{\"email\":\"$email\",\"password\":\"bench client password\",\"displayName\":\"Bench client\",\"role\":\"client\"}" >/dev/null
    token=$(api POST /api/v1/auth/login "" "{\"email\":\"$email\",\"password\":\"bench client password\"}" | jq -r .accessToken)
    project=$(api POST /api/v1/projects "$token" '{"name":"Bench: sentiment of reviews",
        "schema":{"dataFields":[{"name":"text","type":"text","required":true}],
                  "label":{"type":"single_choice","options":[{"value":"positive","title":"Positive"},
                           {"value":"negative","title":"Negative"},{"value":"neutral","title":"Neutral"}]}},
        "settings":{"overlap":3,"goldRate":0,"fraudAction":"warn"}}' | jq -r .id)
    api PUT "/api/v1/projects/$project/status" "$token" '{"status":"active"}' >/dev/null
    echo "$project"
}

await_queue_sees_active() { # project
    local deadline=$(( $(date +%s) + 60 ))
    until [[ $(q "SELECT status FROM tasks.project WHERE id = '$1'") == active ]]; do
        (( $(date +%s) < deadline )) || die "tasks.project does not show project $1 active after 60 s"
        sleep 0.5
    done
}

# Items straight into the queue's table (the import is not what is measured), then statistics and the
# visibility map, which autovacuum (off on the local server) would otherwise never provide.
load_items() { # project
    log "loading $ITEMS items with COPY"
    awk -v n="$ITEMS" -v p="$1" 'BEGIN {
        for (i = 1; i <= n; i++)
            printf "%s\t{\"text\": \"Review %d: delivery was quick, the packaging could have been better; would order again.\"}\t3\n", p, i
    }' | psql -d "$DB" -v ON_ERROR_STOP=1 -qX -c "COPY tasks.item (project_id, data, answers_needed) FROM STDIN"
    q "VACUUM ANALYZE tasks.item" >/dev/null
}

driver() { java -cp "$DRIVER_CP" Driver "$@"; }

# ---------------------------------------------------------------- phases
declare -A R   # results: R[phase_measure]=value

# Every phase starts alike: dead rows of the last one vacuumed (autovacuum may be off), statistics fresh, and
# right after a checkpoint, so that each pays the same full-page writes.
prepare_phase() {
    q "VACUUM ANALYZE tasks.item, tasks.lease, tasks.answer, platform.outbox_event" >/dev/null
    q "CHECKPOINT" >/dev/null
}

declare -A S   # samples around a measured window
sample() { # name
    S[$1_ms]=$(now_ms)
    S[$1_app]=$([[ -n $APP_PID ]] && cpu_ticks "$APP_PID" || echo 0)
    S[$1_pg]=$(pg_cpu_ticks)
    read -r S[$1_busy] S[$1_total] < <(machine_ticks)
    S[$1_wal]=$(wal_bytes)
    S[$1_xid]=$(next_xid)
}

# Figures per answer from the samples and the statement counters; answers are those of the window.
per_answer_figures() { # phase answers
    local p=$1 n=$2
    local ms=$(( S[end_ms] - S[start_ms] ))
    R[${p}_app_cpu]=$(calc "(${S[end_app]} - ${S[start_app]}) * 1000 / $CLK_TCK / $n")
    R[${p}_pg_cpu]=$(calc "(${S[end_pg]} - ${S[start_pg]}) * 1000 / $CLK_TCK / $n")
    R[${p}_busy]=$(calc "100 * (${S[end_busy]} - ${S[start_busy]}) / (${S[end_total]} - ${S[start_total]})")
    R[${p}_wal]=$(calc "(${S[end_wal]} - ${S[start_wal]}) / $n")
    R[${p}_xacts]=$(calc "(${S[end_xid]} - ${S[start_xid]}) / $n")
    R[${p}_window_s]=$(calc "$ms / 1000")
    if [[ $STATEMENT_STATS == 1 ]]; then
        local stats
        stats=$(q "SELECT sum(calls) FILTER (WHERE query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')), sum(total_exec_time)
                   FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")
        IFS='|' read -r R[${p}_statements] R[${p}_exec_ms] <<<"$stats"
        R[${p}_statements]=$(calc "${R[${p}_statements]:-0} / $n")
        R[${p}_exec_ms]=$(calc "${R[${p}_exec_ms]:-0} / $n")
        q "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                  rows, regexp_replace(query, '\s+', ' ', 'g')
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY total_exec_time DESC LIMIT 100" >"$OUT/statements-$p.txt"
    fi
}

undelivered_events() { q "SELECT count(*) FROM platform.outbox_event WHERE status IN ('PENDING', 'SENT')"; }

# Delivery (the relay and the listeners it calls) runs behind the answers; the next phase starts when it is done.
await_outbox_settled() { # -> seconds waited
    local start; start=$(now_ms)
    local deadline=$(( $(date +%s) + 900 ))
    while (( $(undelivered_events) > 0 )); do
        (( $(date +%s) < deadline )) || die "the outbox still has undelivered rows after 900 s"
        sleep 0.5
    done
    calc "($(now_ms) - $start) / 1000"
}

app_phase() { # variant: split | combined
    local v=$1 mark=$WORK/window-$1 pid out=$OUT/driver-$1.json
    prepare_phase
    log "app, $v: $LABELERS labelers, ${WARMUP}s warm-up, ${DURATION}s measured"
    driver loop "http://127.0.0.1:$PORT" "$WORK/labelers.tsv" "$WARMUP" "$DURATION" "$v" "$THINK_MS" "$mark" >"$out" &
    pid=$!
    until [[ -e $mark.start ]]; do kill -0 "$pid" 2>/dev/null || die "the driver stopped early"; sleep 0.05; done
    reset_statement_stats
    sample start
    until [[ -e $mark.end ]]; do kill -0 "$pid" 2>/dev/null || die "the driver stopped early"; sleep 0.05; done
    sample end
    R[${v}_backlog]=$(undelivered_events)
    wait "$pid" || die "the driver failed"
    local n; n=$(jq .answers "$out")
    (( n > 0 )) || die "no answers in the measured window: $(cat "$out")"
    R[${v}_rate]=$(jq .answersPerSecond "$out")
    R[${v}_driver_cpu]=$(calc "$(jq .driverCpuSeconds "$out") * 1000 / $n")
    R[${v}_errors]=$(jq -r '[.errors | to_entries[] | "\(.key): \(.value)"] | if length == 0 then "none" else join(", ") end' "$out")
    R[${v}_per_second]=$(jq -r '.perSecond | sort | "\(.[0]) / \(.[length / 2 | floor]) / \(.[-1])"' "$out")
    per_answer_figures "$v" "$n"
    log "  -> $(fmt "${R[${v}_rate]}") answers/s, requests p50/p95/p99 $(jq -r '.requests | "\(.p50) / \(.p95) / \(.p99)"' "$out") ms, errors: ${R[${v}_errors]}"
    local settling; settling=$(await_outbox_settled)
    R[${v}_backlog]+=" / $(fmt "$settling" 1) s"
    # The loop's work is not done when the answer is stored: its events' listeners (consensus, progress, payments,
    # fraud) run behind it. Counting the time they need after the window gives the rate the whole system sustains
    # (a lower bound: the backlog at the window's start, from the warm-up, is delivered in that time too).
    R[${v}_settled_rate]=$(calc "$n / ($DURATION + $settling)")
}

# The event payloads pgbench stores: the app's shape and size, under one event id, by which they are deleted
# before the app runs again (its relay must not spend the next phase delivering them).
PGBENCH_EVENT=00000000-0000-4000-8000-00000000beef
payloads() {
    local now; now=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
    PAYLOAD_ANSWER="{\"eventId\":\"$PGBENCH_EVENT\",\"occurredAt\":\"$now\",\"answerId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"projectId\":\"$PROJECT\",\"itemId\":123456,\"labelerId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"answer\":{\"value\":\"positive\"},\"goldAnswer\":null,\"durationMs\":4321}"
    PAYLOAD_FULL="{\"eventId\":\"$PGBENCH_EVENT\",\"occurredAt\":\"$now\",\"projectId\":\"$PROJECT\",\"itemId\":123456,\"answers\":3}"
}

# The same SQL, raw, with the app frozen (SIGSTOP) so that neither it nor its pollers take a share.
pgbench_phase() { # pass: a | b
    local p=pgbench_$1 out=$OUT/pgbench-$1.txt status=0
    prepare_phase
    await_outbox_settled >/dev/null
    kill -STOP "$APP_PID"
    log "pgbench ($1): $LABELERS clients, $PGBENCH_THREADS threads, ${DURATION}s"
    reset_statement_stats
    payloads
    times >"$WORK/times-$1-start"
    sample start
    pgbench -n -M prepared -c "$LABELERS" -j "$PGBENCH_THREADS" -T "$DURATION" -r -l --log-prefix="$WORK/pgbench-$1" \
        -D skills='{}' -D answer='{"value":"positive"}' -D payload_answer="$PAYLOAD_ANSWER" -D payload_full="$PAYLOAD_FULL" \
        -f "$HERE/loop.sql" "$DB" >"$out" 2>&1 || status=$?
    sample end
    times >"$WORK/times-$1-end"
    q "DELETE FROM platform.outbox_event WHERE status = 'PENDING' AND payload->>'eventId' = '$PGBENCH_EVENT'" >/dev/null
    kill -CONT "$APP_PID"
    local n tps
    tps=$(awk '/^tps = / { print $3; exit }' "$out")
    [[ -n $tps ]] || { cat "$out" >&2; die "no tps in pgbench's output"; }
    n=$(cat "$WORK"/pgbench-"$1".* | wc -l)
    R[${p}_rate]=$tps
    R[${p}_errors]=$( (( status == 0 )) && echo none || echo "exit $status, $(grep -c 'aborted' "$out") clients aborted")
    R[${p}_driver_cpu]=$(calc "($(children_cpu_seconds "$WORK/times-$1-end") - $(children_cpu_seconds "$WORK/times-$1-start")) * 1000 / $n")
    # per transaction (one next + answer), in ms, from pgbench's log: client, number, latency in µs, ...
    R[${p}_latency]=$(cat "$WORK"/pgbench-"$1".* | awk '{ print $3 / 1000 }' | sort -g | awk '{ a[NR] = $1 }
        function at(p) { i = int(NR * p); if (i < NR * p) i++; return a[i] }
        END { printf "%.1f / %.1f / %.1f / %.1f", at(0.5), at(0.95), at(0.99), a[NR] }')
    per_answer_figures "$p" "$n"
    log "  -> $(fmt "$tps") answers/s, latency p50/p95/p99/max ${R[${p}_latency]} ms, errors: ${R[${p}_errors]}"
}

# ---------------------------------------------------------------- run
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

build_jar_if_stale
compile_driver "$HERE/Driver.java"
case $PG in
    private) start_private_cluster "$((LABELERS + APP_POOL + 20))" ;;
    local)
        (( $(psql -d postgres -qtAX -c "SHOW max_connections") >= LABELERS + APP_POOL + 5 )) \
            || die "PostgreSQL at $PGHOST:$PGPORT takes fewer than $((LABELERS + APP_POOL + 5)) connections; use PG=private" ;;
    *) die "PG is private or local, not $PG" ;;
esac
recreate_database
enable_statement_stats
POSTMASTER=$(postmaster_pid)
OUT=$ARTIFACTS/$RUN_ID
mkdir -p "$OUT"

log "starting the app on port $PORT"
start_app "$PORT" "$WORK/app.log" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    LABELMINT_DB_POOL_SIZE="$APP_POOL" \
    QUARKUS_REDIS_HOSTS="$REDIS_URL" \
    LABELMINT_DATA_DIR="$WORK/data" \
    LABELMINT_AUTH_ACCESS_TOKEN_LIFETIME=3h \
    $(rate_limits_raised "bench-queue-$RUN_ID")

log "creating the project"
PROJECT=$(make_project)
await_queue_sees_active "$PROJECT"
log "registering and signing in $LABELERS labelers, $SETUP_PARALLEL at a time"
driver setup "http://127.0.0.1:$PORT" "$LABELERS" "$SETUP_PARALLEL" "$WORK/labelers.tsv"
load_items "$PROJECT"
# pgbench client n is labeler n (loop.sql reads its account from here); every labeler must have signed in
q "CREATE SCHEMA bench; CREATE TABLE bench.labeler (n integer PRIMARY KEY, account_id uuid NOT NULL, session_id uuid)" >/dev/null
awk -F'\t' '{ print NR - 1 "\t" $1 }' "$WORK/labelers.tsv" | psql -d "$DB" -v ON_ERROR_STOP=1 -qX -c "COPY bench.labeler (n, account_id) FROM STDIN"
q "UPDATE bench.labeler b SET session_id = s.id FROM auth.session s WHERE s.account_id = b.account_id" >/dev/null
(( $(q "SELECT count(session_id) FROM bench.labeler") == LABELERS )) || die "not every labeler has a session"
log "set-up done after ${SECONDS}s"

# The app's CPU per answer keeps falling for tens of thousands of requests while the JIT compiles; without this
# the first app phase would pay for it and the second not.
if (( JIT_WARMUP > 0 )); then
    log "warming the app up: ${JIT_WARMUP}s of the loop, not measured"
    driver loop "http://127.0.0.1:$PORT" "$WORK/labelers.tsv" 0 "$JIT_WARMUP" split 0 "$WORK/jit-warmup" >/dev/null
    await_outbox_settled >/dev/null
fi
BASELINE=$(( THINK_MS == 0 ))
if (( BASELINE )); then pgbench_phase a; fi
for variant in $VARIANTS; do app_phase "$variant"; done
if (( BASELINE )); then pgbench_phase b; fi
stop_app
cp "$WORK/app.log" "$OUT/" 2>/dev/null || true

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

# ---------------------------------------------------------------- report
if (( BASELINE )); then R[pgbench_rate]=$(calc "(${R[pgbench_a_rate]} + ${R[pgbench_b_rate]}) / 2"); fi
num() { [[ $1 =~ ^-?[0-9.]+$ ]] && fmt "$1" "${2:-0}" || echo "${1:-n/a}"; }
PHASES=$VARIANTS
if (( BASELINE )); then PHASES+=" pgbench_a pgbench_b"; fi
app() { [[ $1 != pgbench_* ]]; }

cell() { # phase measure -> the table's cell
    local p=$1 m=$2
    case $m in
        rate) app "$p" && echo "**$(fmt "${R[${p}_rate]}")**" || fmt "${R[${p}_rate]}" ;;
        ratio) app "$p" && echo "**$(calc "${R[${p}_rate]} / ${R[pgbench_rate]}" | awk '{ printf "%.2f", $1 }')**" || echo - ;;
        settled_rate) app "$p" && fmt "${R[${p}_settled_rate]}" || echo - ;;
        settled_ratio) app "$p" && calc "${R[${p}_settled_rate]} / ${R[pgbench_rate]}" | awk '{ printf "%.2f", $1 }' || echo - ;;
        requests|next|answer|cycle)
            if app "$p"; then
                jq -r ".$m | if .count == 0 then \"-\" else [.p50, .p95, .p99, .max] | map(. * 10 | round / 10 | tostring) | join(\" / \") end" "$OUT/driver-$p.json" \
                    | sed "$([[ $m == requests ]] && echo 's/.*/**&**/')"
            else
                [[ $m == cycle ]] && echo "${R[${p}_latency]}" || echo -
            fi ;;
        p99) app "$p" && jq -r 'if .requests.p99 < 50 then "yes" else "**no**" end' "$OUT/driver-$p.json" || echo - ;;
        per_second|backlog) app "$p" && echo "${R[${p}_$m]}" || echo - ;;
        errors) echo "${R[${p}_errors]}" ;;
        wal) num "${R[${p}_wal]:-}" ;;
        busy) num "${R[${p}_busy]}" ;;
        *) num "${R[${p}_$m]:-}" 2 ;;
    esac
}
row() { # label measure
    local p
    printf '| %s |' "$1"
    for p in $PHASES; do printf ' %s |' "$(cell "$p" "$2")"; done
    echo
}

TABLE=$WORK/table.md
{
    printf '| Measure |'; for v in $VARIANTS; do printf ' app, %s |' "$v"; done
    if (( BASELINE )); then printf ' pgbench a (before) | pgbench b (after) |'; fi
    echo
    printf '|---|'; for p in $PHASES; do printf -- '---:|'; done; echo
    row "**answers/s**" rate
    if (( BASELINE )); then row "**ratio** × pgbench (mean of a and b, $(fmt "${R[pgbench_rate]}")/s); target ≥ 0.5" ratio; fi
    row "**latency of every request**, ms, p50 / p95 / p99 / max" requests
    row "p99 < 50 ms" p99
    row "latency of next, ms, p50 / p95 / p99 / max" next
    row "latency of answer, ms, p50 / p95 / p99 / max" answer
    row "latency of one answer (app: next + answer, or the combined call; pgbench: its script), ms, p50 / p95 / p99 / max" cycle
    row "answers in each second of the window: min / median / max" per_second
    row "events not yet delivered at the window's end / time to deliver them after it" backlog
    row "answers/s with their events handled too: answers ÷ (window + time to deliver the backlog), a lower bound" settled_rate
    if (( BASELINE )); then row "its ratio × pgbench" settled_ratio; fi
    row "errors" errors
    row "per answer: app CPU, ms" app_cpu
    row "per answer: PostgreSQL CPU, ms" pg_cpu
    row "per answer: load generator CPU (driver or pgbench), ms" driver_cpu
    row "per answer: SQL statements (BEGIN/COMMIT apart)" statements
    row "per answer: writing transactions (transaction ids handed out)" xacts
    row "per answer: statement execution time in PostgreSQL, ms" exec_ms
    row "per answer: WAL bytes" wal
    row "machine CPU busy (both cores, everyone's), %" busy
} >"$TABLE"

# A run with think time has a section of its own beside the capacity run's.
NAME=queue-bench
TITLE="Labeling loop (bench/queue/run.sh)"
if (( ! BASELINE )); then NAME=queue-bench-think-$THINK_MS; TITLE="Labeling loop, labelers reading each task ${THINK_MS} ms (± 50 %) (bench/queue/run.sh)"; fi
SECTION=$WORK/section.md
{
    echo "<!-- $NAME:start -->"
    echo "## $TITLE"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    machine_facts
    echo "- Database: $([[ $PG == private ]] && echo "a private cluster of the local PostgreSQL's binaries and configured settings, max_connections $((LABELERS + APP_POOL + 20)), pg_stat_statements loaded" || echo "the local server at $PGHOST:$PGPORT"); the app's JDBC pool: $APP_POOL"
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: read the ratios, not the absolute numbers)"
    echo "- Command: \`$COMMAND\`"
    echo "- $LABELERS labelers (app: one thread each, $( (( BASELINE )) && echo "no think time; pgbench: one client each, -j $PGBENCH_THREADS" || echo "${THINK_MS} ms ± 50 % of think time before each answer")), one project of $ITEMS items, overlap 3, gold rate 0; every phase ${DURATION}s measured (app: after ${JIT_WARMUP}s of unmeasured loop before the first phase, and ${WARMUP}s of warm-up in each) and started after VACUUM and CHECKPOINT$( (( BASELINE )) && echo "; the app frozen during pgbench"). Raw outputs: \`target/bench-queue/$RUN_ID/\`"
    echo
    cat "$TABLE"
    echo
    echo "<!-- $NAME:end -->"
} >"$SECTION"

cat "$TABLE"
write_section "$RESULTS" "$NAME" "$SECTION"
