#!/usr/bin/env bash
# Load benchmark (issue 9): labelers through REST and through the Telegram webhook at fixed arrival rates (open loop),
# step by step, until p99 passes 200 ms; the highest sustained rate as a multiple of the seed's 10 000 requests per
# minute. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
RATES=${RATES:-"10000 20000 40000 60000 80000 100000 120000"}   # requests per minute, one step each
STEP_SECONDS=${STEP_SECONDS:-60}      # measured seconds of each step
STEP_WARMUP=${STEP_WARMUP:-10}        # seconds of each step at its rate before measuring
JIT_WARMUP=${JIT_WARMUP:-60}          # seconds at the first rate, unmeasured, before the first step
ITEMS=${ITEMS:-200000}                # items imported through the API (never run out: every answer takes 1/3 of one)
REST_LABELERS=${REST_LABELERS:-100}   # REST labelers (each a bcrypt to sign up and one to sign in)
TELEGRAM_CHATS=${TELEGRAM_CHATS:-500} # Telegram users, signed up with /start
REST_SHARE=${REST_SHARE:-0.5}         # share of requests made by REST labelers; the rest go to the webhook
TELEGRAM_COMMAND_SHARE=${TELEGRAM_COMMAND_SHARE:-0.1}  # of the webhook's: /stats, /balance or a stray text
P99_LIMIT_MS=${P99_LIMIT_MS:-200}
BOT_SEND_PER_SECOND=${BOT_SEND_PER_SECOND:-1000}  # the app's Bot API pace (Telegram allows ~30/s; see README)
SETUP_PARALLEL=${SETUP_PARALLEL:-4}
APP_POOL=${APP_POOL:-30}
PORT=${PORT:-18082}
BOT_PORT=${BOT_PORT:-18092}
DB=${DB:-labelmint_load}
PRIVATE_PGPORT=${PRIVATE_PGPORT:-55442}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
ARTIFACTS=${ARTIFACTS:-$ROOT/target/bench-load}
export PGHOST PGPORT PGUSER

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
COMMAND="RATES=\"$RATES\" STEP_SECONDS=$STEP_SECONDS STEP_WARMUP=$STEP_WARMUP JIT_WARMUP=$JIT_WARMUP ITEMS=$ITEMS REST_LABELERS=$REST_LABELERS TELEGRAM_CHATS=$TELEGRAM_CHATS REST_SHARE=$REST_SHARE TELEGRAM_COMMAND_SHARE=$TELEGRAM_COMMAND_SHARE BOT_SEND_PER_SECOND=$BOT_SEND_PER_SECOND bash bench/load/run.sh"
WEBHOOK_SECRET=bench-load-webhook-secret-$$

WORK=$(mktemp -d /tmp/labelmint-load-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"
source "$ROOT/bench/lib/pg.sh"

DRIVER_PID=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -n $DRIVER_PID ]] && kill "$DRIVER_PID" 2>/dev/null || true
    show_app_log_on_failure "$status"
    [[ -n ${OUT:-} && -n $APP_LOG && -f $APP_LOG ]] && cp "$APP_LOG" "$OUT/" 2>/dev/null || true
    stop_app
    stop_private_cluster "$status"
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java javac curl jq psql pg_config awk

# ---------------------------------------------------------------- samples around each measured window
declare -A S
app_heap_mib() { # used and committed heap, from the app's own metrics
    curl -sf --max-time 5 "http://127.0.0.1:$PORT/q/metrics" | awk '
        /^jvm_memory_used_bytes\{.*area="heap"/ { u += $NF } /^jvm_memory_committed_bytes\{.*area="heap"/ { c += $NF }
        END { printf "%.0f / %.0f", u / 1048576, c / 1048576 }'
}
sample() { # name
    S[$1_ms]=$(now_ms)
    S[$1_app]=$(cpu_ticks "$APP_PID")
    S[$1_pg]=$(pg_cpu_ticks)
    read -r S[$1_busy] S[$1_total] < <(machine_ticks)
    S[$1_sent]=$(q "SELECT count(*) FROM notifications.telegram_outgoing WHERE state = 'sent'")
}
# What runs behind the requests, at the window's end: events the outbox has not delivered (the webhook's updates are
# handled through it), and Bot API calls the app has queued but not made.
backlog() {
    q "SELECT (SELECT count(*) FROM platform.outbox_event WHERE status IN ('PENDING', 'SENT')) || ' / '
           || (SELECT count(*) FROM notifications.telegram_outgoing WHERE state = 'pending')"
}

measure_steps() { # driver-pid
    local n=1 step
    while :; do
        until [[ -e $OUT/step-$n.start ]]; do kill -0 "$1" 2>/dev/null || return 0; sleep 0.05; done
        sample start
        until [[ -e $OUT/step-$n.end ]]; do kill -0 "$1" 2>/dev/null || die "the driver stopped inside step $n"; sleep 0.05; done
        sample end
        step=$n
        local seconds; seconds=$(calc "(${S[end_ms]} - ${S[start_ms]}) / 1000")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$step" \
            "$(calc "100 * (${S[end_app]} - ${S[start_app]}) / $CLK_TCK / $seconds")" \
            "$(calc "100 * (${S[end_pg]} - ${S[start_pg]}) / $CLK_TCK / $seconds")" \
            "$(calc "100 * (${S[end_busy]} - ${S[start_busy]}) / (${S[end_total]} - ${S[start_total]})")" \
            "$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")" \
            "$(app_heap_mib)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(backlog)" \
            "$(calc "(${S[end_sent]} - ${S[start_sent]}) / $seconds")" >>"$OUT/samples.tsv"
        n=$((n + 1))
    done
}

# ---------------------------------------------------------------- run
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

build_jar_if_stale
compile_driver "$HERE/Driver.java"
# Autovacuum on, whatever the local server says: a day of load on tables that grow needs fresh statistics, and the
# driver sets up and runs the steps in one go (no pause for a VACUUM ANALYZE, as the other benchmarks make).
start_private_cluster "$((APP_POOL + 20))" "autovacuum = on"
recreate_database
enable_statement_stats
POSTMASTER=$(postmaster_pid)
OUT=$ARTIFACTS/$RUN_ID
mkdir -p "$OUT"

log "generating $ITEMS items (bench/import's generator)"
java "$ROOT/bench/import/GenerateItems.java" "$ITEMS" "$WORK/items.jsonl" /dev/null - - 3

log "starting the app on port $PORT, its Bot API at the driver's stand-in on port $BOT_PORT"
# shellcheck disable=SC2046 # rate_limits_raised prints NAME=value words
start_app "$PORT" "$WORK/app.log" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    LABELMINT_DB_POOL_SIZE="$APP_POOL" \
    QUARKUS_REDIS_HOSTS="$REDIS_URL" \
    LABELMINT_DATA_DIR="$WORK/data" \
    LABELMINT_AUTH_ACCESS_TOKEN_LIFETIME=3h \
    QUARKUS_MAILER_MOCK=true \
    LABELMINT_TELEGRAM_API_URL="http://127.0.0.1:$BOT_PORT" \
    LABELMINT_TELEGRAM_BOT_TOKEN=4242:LOAD-BENCH-BOT-TOKEN \
    LABELMINT_TELEGRAM_WEBHOOK_SECRET="$WEBHOOK_SECRET" \
    LABELMINT_TELEGRAM_BOT_USERNAME=LabelMintLoadBot \
    LABELMINT_TELEGRAM_PUBLIC_URL=https://labelmint.example.org \
    LABELMINT_TELEGRAM_SEND_PER_SECOND="$BOT_SEND_PER_SECOND" \
    $(rate_limits_raised "bench-load-$RUN_ID")

# The first step is preceded by JIT_WARMUP seconds at its rate, unmeasured: the app's CPU per request keeps
# falling for tens of thousands of requests while the JIT compiles.
FIRST_RATE=${RATES%% *}
DRIVER_RATES=$RATES
(( JIT_WARMUP > 0 )) && DRIVER_RATES="$FIRST_RATE $RATES"
env RATES="$DRIVER_RATES" STEP_SECONDS="$STEP_SECONDS" STEP_WARMUP="$STEP_WARMUP" \
    FIRST_STEP_SECONDS="$JIT_WARMUP" REST_LABELERS="$REST_LABELERS" TELEGRAM_CHATS="$TELEGRAM_CHATS" REST_SHARE="$REST_SHARE" \
    TELEGRAM_COMMAND_SHARE="$TELEGRAM_COMMAND_SHARE" P99_LIMIT_MS="$P99_LIMIT_MS" SETUP_PARALLEL="$SETUP_PARALLEL" \
    BOT_PORT="$BOT_PORT" WEBHOOK_SECRET="$WEBHOOK_SECRET" UNMEASURED_FIRST_STEP=$(( JIT_WARMUP > 0 )) \
    java -cp "$DRIVER_CP" Driver "http://127.0.0.1:$PORT" "$OUT" "$WORK/items.jsonl" 2> >(tee "$OUT/driver.log" >&2) &
DRIVER_PID=$!
measure_steps "$DRIVER_PID"
wait "$DRIVER_PID" || die "the driver failed (see $OUT/driver.log)"
DRIVER_PID=""
[[ -s $OUT/steps.jsonl ]] || die "no step was measured"
# Behind the webhook, over the whole run: how long updates waited to be handled, and the Bot API calls they caused.
BOT_PATH=$WORK/bot-path.md
{
    echo "| Behind the webhook, whole run | count | p50 ms | p99 ms | max ms |"
    echo "|---|---:|---:|---:|---:|"
    q "SELECT '| update stored → handled | ' || count(*) || ' | ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)) || ' | '
              || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)) || ' | ' || round(max(ms)) || ' |'
       FROM (SELECT extract(epoch FROM handled_at - received_at) * 1000 AS ms FROM notifications.telegram_update WHERE handled_at IS NOT NULL) u"
    q "SELECT '| Bot API ' || method || (CASE WHEN paced THEN ' (paced per chat)' ELSE '' END) || ', ' || state || ': queued → made | ' || count(*) || ' | '
              || coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::text, '-') || ' | '
              || coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms))::text, '-') || ' | ' || coalesce(round(max(ms))::text, '-') || ' |'
       FROM (SELECT method, paced, state, extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM notifications.telegram_outgoing) o
       GROUP BY method, paced, state ORDER BY count(*) DESC"
} >"$BOT_PATH"
cp "$BOT_PATH" "$OUT/"
STATEMENTS=$WORK/statements.md
if [[ $STATEMENT_STATS == 1 ]]; then
    q "SELECT calls, round(total_exec_time::numeric), round(mean_exec_time::numeric, 2), rows, regexp_replace(query, '\s+', ' ', 'g')
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 100" >"$OUT/statements.txt"
    {
        echo "| Busiest statements over the whole run (pg_stat_statements) | calls | total ms | mean ms |"
        echo "|---|---:|---:|---:|"
        head -n 8 "$OUT/statements.txt" | awk -F'|' '{ q = $5; gsub(/\|/, "/", q); printf "| `%s` | %s | %s | %s |\n", substr(q, 1, 140), $1, $2, $3 }'
    } >"$STATEMENTS"
else
    : >"$STATEMENTS"
fi
cp "$APP_LOG" "$OUT/app.log"
stop_app
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

# ---------------------------------------------------------------- report
# Step n of the driver's steps.jsonl is line n; samples.tsv has the script's figures of the same window.
mapfile -t STEPS <"$OUT/steps.jsonl"
mapfile -t SAMPLES < <(if (( JIT_WARMUP > 0 )); then tail -n +2 "$OUT/samples.tsv"; else cat "$OUT/samples.tsv"; fi)
cell() { # step-index measure
    local j=${STEPS[$1]} s; IFS=$'\t' read -r -a s <<<"${SAMPLES[$1]:-}"
    case $2 in
        offered) jq -r '.offeredPerMinute | round' <<<"$j" ;;
        achieved) jq -r '"**\(.achievedPerMinute | round)**"' <<<"$j" ;;
        keeps_up) keeps_up "$1" && echo yes || echo "**no**" ;;
        multiple) jq -r '"**\(.achievedPerMinute / 10000 * 100 | round / 100)×**"' <<<"$j" ;;
        all|botReply) jq -r ".$2 | if .count == 0 then \"-\" else [.p50, .p95, .p99, .max] | map(. * 10 | round / 10 | tostring) | join(\" / \") end" <<<"$j" \
            | sed "$([[ $2 == all ]] && echo 's/.*/**&**/')" ;;
        kind:*) jq -r --arg k "${2#kind:}" '.kinds[$k] | if . == null then "-" else "\(.count): " + ([.p50, .p95, .p99, .max] | map(. * 10 | round / 10 | tostring) | join(" / ")) end' <<<"$j" ;;
        no_task) jq -r .noTask <<<"$j" ;;
        errors) jq -r '[.errors | to_entries[] | "\(.key): \(.value)"] | if length == 0 then "none" else join("; ") end' <<<"$j" ;;
        bot_silent) jq -r .botReplyTimeouts <<<"$j" ;;
        waited) jq -r '"\(.waitedForFreeActor) / \(.maxWaitingInDriver) / \(.sentLateMaxMs | round)"' <<<"$j" ;;
        driver_cpu) jq -r '.driverCpuSeconds / .seconds * 100 | round' <<<"$j" ;;
        app_cpu) fmt "${s[1]:-0}" ;;
        pg_cpu) fmt "${s[2]:-0}" ;;
        busy) fmt "${s[3]:-0}" ;;
        rss) echo "${s[4]:-?}" ;;
        heap) echo "${s[5]:-?}" ;;
        load) echo "${s[6]:-?}" ;;
        backlog) echo "${s[7]:-?}" ;;
        bot_calls) fmt "${s[8]:-0}" ;;
        verdict) jq -r 'if .verdict == "" then "**sustained**" else .verdict end' <<<"$j" ;;
    esac
}
# Whether the work behind the requests kept pace: the events the outbox had not delivered at the window's end are
# fewer than two seconds' worth of requests (consensus, payments, notifications and the bot's handling run there).
keeps_up() { # step-index
    local s; IFS=$'\t' read -r -a s <<<"${SAMPLES[$1]:-}"
    local undelivered=${s[7]%% *}
    [[ -n $undelivered ]] && (( undelivered * 30 < $(jq -r .perMinute <<<"${STEPS[$1]}") ))
}
row() { # label measure
    local i
    printf '| %s |' "$1"
    for i in "${!STEPS[@]}"; do printf ' %s |' "$(cell "$i" "$2")"; done
    echo
}
SKIP=$(( JIT_WARMUP > 0 ? 1 : 0 ))   # the JIT warm-up's line
BEST=$(jq -s --argjson skip "$SKIP" '[.[$skip:][] | select(.verdict == "") | .achievedPerMinute] | max // 0' "$OUT/steps.jsonl")
STEPS=("${STEPS[@]:$SKIP}")
BEST_KEEPING_UP=0
for i in "${!STEPS[@]}"; do
    if [[ $(jq -r .verdict <<<"${STEPS[$i]}") == "" ]] && keeps_up "$i"; then
        BEST_KEEPING_UP=$(jq -r '[.achievedPerMinute, '"$BEST_KEEPING_UP"'] | max' <<<"${STEPS[$i]}")
    fi
done

TABLE=$WORK/table.md
{
    printf '| Measure |'; for i in "${!STEPS[@]}"; do printf ' %s/min |' "$(jq -r .perMinute <<<"${STEPS[$i]}")"; done; echo
    printf '|---|'; for _ in "${STEPS[@]}"; do printf -- '---:|'; done; echo
    row "offered requests/min (arrivals in the window)" offered
    row "**achieved** requests/min (answered 2xx within the window)" achieved
    row "× the seed's 10 000/min" multiple
    row "**latency of every request**, ms from its due time, p50 / p95 / p99 / max" all
    row "REST tasks/next: count: p50 / p95 / p99 / max" "kind:REST tasks/next"
    row "REST answer?next=true" "kind:REST answer?next=true"
    row "webhook: button press (callback_query)" "kind:telegram press"
    row "webhook: /task message" "kind:telegram /task"
    row "webhook: /stats, /balance, text" "kind:telegram command"
    row "webhook: the last press again, every chat waiting for the bot" "kind:telegram press again (bot behind)"
    row "bot's answer to a press or /task reaching the Bot API, ms from the press's due time, p50 / p95 / p99 / max" botReply
    row "chats the bot left without an answer for 30 s" bot_silent
    row "errors (HTTP)" errors
    row "answered without a task (tasks/next 204, answer's next null, the bot's \"no task\")" no_task
    row "REST requests that waited for a free labeler / most waiting at once / latest send after due time, ms" waited
    row "app CPU, % of one core" app_cpu
    row "PostgreSQL CPU, % of one core" pg_cpu
    row "load generator (driver and Bot API stand-in) CPU, % of one core" driver_cpu
    row "machine CPU busy (both cores, everyone's), %" busy
    row "app RSS at the window's end, MiB" rss
    row "app heap used / committed at the window's end, MiB" heap
    row "load average (1/5/15 min) at the window's end" load
    row "Bot API calls made by the app, per second" bot_calls
    row "events not yet delivered / Bot API calls not yet made, at the window's end" backlog
    row "events kept pace (fewer undelivered at the window's end than 2 s of requests)" keeps_up
    row "verdict (HTTP p95 and p99 ≤ ${P99_LIMIT_MS} ms, no errors, ≥ 99 % of the offered answered)" verdict
} >"$TABLE"

WARNINGS=$(grep -E ' (WARN|ERROR) ' "$OUT/app.log" | sed -E 's/^([0-9-]+ )?[0-9:,.]+ +//; s/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]{4,}/<n>/g' \
    | cut -c1-200 | sort | uniq -c | sort -rn | head -n 8 || true)

SECTION=$WORK/section.md
{
    echo "<!-- load-bench:start -->"
    echo "## Load: REST labelers and the Telegram webhook at rising rates (bench/load/run.sh)"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    machine_facts
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: other work takes CPU from the app)"
    echo "- Command: \`$COMMAND\`"
    echo "- Open loop: requests due at a fixed rate, latency from the due time. $(calc "$REST_SHARE * 100")% REST ($REST_LABELERS labelers: tasks/next, then answer?next=true), the rest POST /telegram/webhook ($TELEGRAM_CHATS chats: button presses on the task card, /task when there is none; $(calc "$TELEGRAM_COMMAND_SHARE * 100")% /stats, /balance or text). One project of $ITEMS items imported through the API (text, stars, a photo on half, 1 % gold), overlap 3. Every step ${STEP_WARMUP}s at its rate, then ${STEP_SECONDS}s measured; ${JIT_WARMUP}s at the first rate before it, unmeasured. Private PostgreSQL cluster (the local server's settings, autovacuum on), JDBC pool $APP_POOL."
    echo "- The rate limiter ran (Redis) with limits raised out of reach: every request comes from one IP. Bot API: a stand-in in the driver answering at once; the app's send pace raised to $BOT_SEND_PER_SECOND calls/s (Telegram allows about 30). Mailer mocked. Raw outputs: \`target/bench-load/$RUN_ID/\`"
    echo "- **Highest sustained rate: $(fmt "$BEST") requests/min = $(calc "$BEST / 10000" | awk '{ printf "%.2f", $1 }') × the seed's 10 000/min** (HTTP p95 and p99 ≤ ${P99_LIMIT_MS} ms, no errors); with the events behind the requests keeping pace too: $(fmt "$BEST_KEEPING_UP") requests/min = $(calc "$BEST_KEEPING_UP / 10000" | awk '{ printf "%.2f", $1 }') ×"
    echo
    cat "$TABLE"
    echo
    cat "$BOT_PATH"
    echo
    cat "$STATEMENTS"
    echo
    echo "Most frequent warnings and errors in the app's log over the run (numbers and ids folded):"
    echo
    echo '```'
    echo "${WARNINGS:-none}"
    echo '```'
    echo
    echo "<!-- load-bench:end -->"
} >"$SECTION"

cat "$TABLE"
write_section "$RESULTS" load-bench "$SECTION"
