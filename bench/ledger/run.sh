#!/usr/bin/env bash
# Ledger benchmark: CLIENTS concurrent clients making posted transfers through the real Ledger class (in-process, over
# JDBC) between ACCOUNTS user accounts, or all from one hot project escrow, and the same SQL run raw by pgbench with as
# many clients, in the same run on the same database. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
ACCOUNTS=${ACCOUNTS:-1000}            # user accounts
CLIENTS=${CLIENTS:-100}               # ledger client threads and pgbench clients alike
CONNECTIONS=${CONNECTIONS:-$CLIENTS}  # the ledger clients' JDBC connections (a blocking pool; = CLIENTS: one each, as pgbench)
DURATION=${DURATION:-60}              # measured seconds of every phase
WARMUP=${WARMUP:-15}                  # seconds of each ledger phase before measuring (JIT, server-side prepares)
VARIANTS=${VARIANTS:-"random hot"}    # random: between two random users; hot: from one project escrow to a random user
MAX_AMOUNT=${MAX_AMOUNT:-1000000}     # transfers move 1..MAX_AMOUNT base units (1 USDT = 1 000 000)
FUNDING=${FUNDING:-1000000000000}     # base units each user and the escrow get before the phases: no transfer is refused
PGBENCH_THREADS=${PGBENCH_THREADS:-2}
PORT=${PORT:-18082}                   # the app, started once to migrate the schema
DB=${DB:-labelmint_bench_ledger}
# private: a throwaway cluster of the local PostgreSQL binaries with the local server's settings (the local server
# allows 100 connections; pgbench alone needs CLIENTS); local: PGHOST/PGPORT as they are.
PG=${PG:-private}
PRIVATE_PGPORT=${PRIVATE_PGPORT:-55433}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
JAVA_OPTS=${JAVA_OPTS:-}                  # extra JVM options for the ledger driver
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}          # ... and for the app, started once to migrate
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
ARTIFACTS=${ARTIFACTS:-$ROOT/target/bench-ledger}   # raw outputs of each run, kept for a closer look
export PGHOST PGPORT PGUSER

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$$
COMMAND="ACCOUNTS=$ACCOUNTS CLIENTS=$CLIENTS CONNECTIONS=$CONNECTIONS DURATION=$DURATION WARMUP=$WARMUP VARIANTS=\"$VARIANTS\" MAX_AMOUNT=$MAX_AMOUNT PG=$PG bash bench/ledger/run.sh"

case $DB in labelmint_test|labelmint_dev|labelmint|postgres) echo "DB=$DB is not a benchmark's database" >&2; exit 1 ;; esac

WORK=$(mktemp -d /tmp/labelmint-ledger-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"
source "$ROOT/bench/lib/pg.sh"
DB_CREATED=0

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    show_app_log_on_failure "$status"
    stop_app
    local jobs_left; jobs_left=$(jobs -p)
    [[ -n $jobs_left ]] && kill $jobs_left 2>/dev/null || true
    if [[ -n $PGDATA_PRIVATE ]]; then
        stop_private_cluster "$status"
    elif [[ $DB_CREATED == 1 ]]; then
        psql -d postgres -qtAX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || log "could not drop $DB; drop it by hand"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools java javac curl jq psql pgbench pg_config awk

# ---------------------------------------------------------------- the ledger driver
# Compiled apart against the project's classes; run with them and the app's libraries (the PostgreSQL JDBC driver,
# HdrHistogram), no Quarkus: the Ledger class is plain JDBC on the connection it is given.
compile_driver() {
    DRIVER_CP=$WORK/driver:$ROOT/target/classes:$ROOT/target/quarkus-app/lib/main/*
    javac -d "$WORK/driver" -cp "$DRIVER_CP" "$HERE/Driver.java"
}
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
driver() { java $JAVA_OPTS -cp "$DRIVER_CP" Driver "$1" "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" "${@:2}"; }

# ---------------------------------------------------------------- phases
declare -A R   # results: R[phase_measure]=value

# Every phase starts alike: dead rows of the last one vacuumed (autovacuum may be off), statistics fresh, and
# right after a checkpoint, so that each pays the same full-page writes.
prepare_phase() {
    q "VACUUM ANALYZE payments.account, payments.transfer" >/dev/null
    q "CHECKPOINT" >/dev/null
}

# Samples before and after a phase's load, never while it runs: with 200 runnable threads on 2 cores, starting a
# process or a connection then takes seconds. CPU from /proc; the server's counters from one psql call, whose start
# resets the statement counters and whose end reads them.
declare -A S
sample() { # start|end
    local sql row
    S[$1_pg]=$(pg_cpu_ticks)
    read -r S[$1_busy] S[$1_total] < <(machine_ticks)
    sql="SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, pg_snapshot_xmax(pg_current_snapshot())"
    if [[ $STATEMENT_STATS == 1 && $1 == start ]]; then sql+=", pg_stat_statements_reset()"; fi
    if [[ $STATEMENT_STATS == 1 && $1 == end ]]; then
        sql+=", (SELECT coalesce(sum(calls) FILTER (WHERE query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')), 0) || '|' || coalesce(sum(total_exec_time), 0)
                 FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()))"
    fi
    row=$(q "$sql")
    IFS='|' read -r S[$1_wal] S[$1_xid] S[$1_calls] S[$1_exec] <<<"$row"
}

per_transfer_figures() { # phase transfers-between-the-samples
    local p=$1 n=$2
    R[${p}_pg_cpu]=$(calc "(${S[end_pg]} - ${S[start_pg]}) * 1000 / $CLK_TCK / $n")
    R[${p}_busy]=$(calc "100 * (${S[end_busy]} - ${S[start_busy]}) / (${S[end_total]} - ${S[start_total]})")
    R[${p}_wal]=$(calc "(${S[end_wal]} - ${S[start_wal]}) / $n")
    R[${p}_xacts]=$(calc "(${S[end_xid]} - ${S[start_xid]}) / $n")
    if [[ $STATEMENT_STATS == 1 ]]; then
        R[${p}_statements]=$(calc "${S[end_calls]:-0} / $n")
        R[${p}_exec_ms]=$(calc "${S[end_exec]:-0} / $n")
        q "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                  rows, regexp_replace(query, '\s+', ' ', 'g')
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY total_exec_time DESC LIMIT 30" >"$OUT/statements-$p.txt"
    fi
}

load_1min() { cut -d' ' -f1 /proc/loadavg; }

ledger_phase() { # variant: random | hot
    local v=$1 p=ledger_$1 mark=$WORK/window-$1 out=$OUT/driver-$1.json
    prepare_phase
    R[${p}_load]=$(load_1min)
    log "ledger, $v: $CLIENTS clients on $CONNECTIONS connections, ${WARMUP}s warm-up, ${DURATION}s measured"
    sample start
    driver run "$WORK/accounts.tsv" "$CLIENTS" "$CONNECTIONS" "$WARMUP" "$DURATION" "$v" "$MAX_AMOUNT" "$mark" >"$out" \
        || die "the driver failed"
    sample end
    local n; n=$(jq .transfers "$out")
    (( n > 0 )) || die "no transfers in the measured window: $(cat "$out")"
    R[${p}_rate]=$(jq .transfersPerSecond "$out")
    R[${p}_latency]=$(jq -r '.latency | [.p50, .p95, .p99, .max] | map(. * 10 | round / 10 | tostring) | join(" / ")' "$out")
    R[${p}_p99]=$(jq -r '.latency.p99' "$out")
    R[${p}_driver_cpu]=$(calc "$(jq .driverCpuSeconds "$out") * 1000 / $n")
    R[${p}_errors]=$(jq -r '[.errors | to_entries[] | "\(.key): \(.value)"] | if length == 0 then "none" else join(", ") end' "$out")
    R[${p}_per_second]=$(jq -r '.perSecond | sort | "\(.[0]) / \(.[length / 2 | floor]) / \(.[-1])"' "$out")
    # the server's counters over the whole run (warm-up included), by all the transfers it committed
    per_transfer_figures "$p" "$(jq .committedTotal "$out")"
    log "  -> $(fmt "${R[${p}_rate]}") transfers/s, latency p50/p95/p99/max ${R[${p}_latency]} ms, errors: ${R[${p}_errors]}"
}

pgbench_phase() { # variant pass: a | b
    local v=$1 p=pgbench_$1_$2 out=$OUT/pgbench-$1-$2.txt status=0 hot=0
    [[ $v == hot ]] && hot=1
    prepare_phase
    R[${p}_load]=$(load_1min)
    log "pgbench, $v ($2): $CLIENTS clients, $PGBENCH_THREADS threads, ${DURATION}s"
    times >"$WORK/times-$p-start"
    sample start
    pgbench -n -M prepared -c "$CLIENTS" -j "$PGBENCH_THREADS" -T "$DURATION" -r -l --log-prefix="$WORK/$p" \
        -D accounts="$ACCOUNTS" -D hot="$hot" -D max_amount="$MAX_AMOUNT" -f "$HERE/ledger.sql" "$DB" >"$out" 2>&1 || status=$?
    sample end
    times >"$WORK/times-$p-end"
    local n tps
    tps=$(awk '/^tps = / { print $3; exit }' "$out")
    [[ -n $tps ]] || { cat "$out" >&2; die "no tps in pgbench's output"; }
    n=$(cat "$WORK/$p".* | wc -l)
    R[${p}_rate]=$tps
    R[${p}_errors]=$( (( status == 0 )) && echo none || echo "exit $status, $(grep -c 'aborted' "$out") clients aborted")
    R[${p}_driver_cpu]=$(calc "($(children_cpu_seconds "$WORK/times-$p-end") - $(children_cpu_seconds "$WORK/times-$p-start")) * 1000 / $n")
    # per transaction (script run), in ms, from pgbench's log: client, number, latency in µs, ...
    cat "$WORK/$p".* | awk '{ print $3 / 1000 }' | sort -g >"$WORK/$p.sorted"
    R[${p}_latency]=$(awk '{ a[NR] = $1 }
        function at(p) { i = int(NR * p); if (i < NR * p) i++; return a[i] }
        END { printf "%.1f / %.1f / %.1f / %.1f", at(0.5), at(0.95), at(0.99), a[NR] }' "$WORK/$p.sorted")
    R[${p}_p99]=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.99); if (i < NR * 0.99) i++; print a[i] }' "$WORK/$p.sorted")
    cp "$WORK/$p.sorted" "$OUT/latencies-$p.txt"
    per_transfer_figures "$p" "$n"
    log "  -> $(fmt "$tps") transfers/s, latency p50/p95/p99/max ${R[${p}_latency]} ms, errors: ${R[${p}_errors]}"
}

# ---------------------------------------------------------------- run
START=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

build_jar_if_stale
compile_driver
case $PG in
    private) start_private_cluster "$((CLIENTS + CONNECTIONS + 20))" ;;
    local)
        (( $(psql -d postgres -qtAX -c "SHOW max_connections") >= CLIENTS + CONNECTIONS + 5 )) \
            || die "PostgreSQL at $PGHOST:$PGPORT takes fewer than $((CLIENTS + CONNECTIONS + 5)) connections; use PG=private" ;;
    *) die "PG is private or local, not $PG" ;;
esac
recreate_database
DB_CREATED=1
enable_statement_stats
POSTMASTER=$(postmaster_pid)
OUT=$ARTIFACTS/$RUN_ID
mkdir -p "$OUT"

# The packaged app migrates the schema (Flyway, every module) on start; nothing else of it is used.
log "starting the app on port $PORT to migrate $DB"
start_app "$PORT" "$WORK/app.log" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    LABELMINT_DATA_DIR="$WORK/data"
stop_app

# Account n (0: the project escrow, 1..ACCOUNTS: users) gets the id md5('labelmint-bench-account-' || n)::uuid, which
# pgbench can name from a random number; the row is what LedgerAccounts.open inserts for its kind. Funding goes
# through Ledger.transfer, from the hot wallet that LedgerAccounts opens.
log "opening $ACCOUNTS user accounts and a project escrow, funding each through Ledger"
q "INSERT INTO payments.account (id, kind, owner_id, currency, debits_must_not_exceed_credits, credits_must_not_exceed_debits, created_at)
   SELECT md5('labelmint-bench-account-' || n)::uuid, CASE WHEN n = 0 THEN 'project-escrow' ELSE 'user' END, gen_random_uuid(),
          'USDT', true, false, now()
   FROM generate_series(0, $ACCOUNTS) n" >/dev/null
q "SELECT n, md5('labelmint-bench-account-' || n)::uuid FROM generate_series(0, $ACCOUNTS) n" | tr '|' '\t' >"$WORK/accounts.tsv"
driver setup "$WORK/accounts.tsv" "$FUNDING"
log "set-up done after ${SECONDS}s"

for v in $VARIANTS; do pgbench_phase "$v" a; done
for v in $VARIANTS; do ledger_phase "$v"; done
for v in $VARIANTS; do pgbench_phase "$v" b; done

# Nothing created or lost, by either side: every currency sums to zero, totals equal the transfers.
CHECK=$(q "SELECT (SELECT sum(credits_posted - debits_posted) FROM payments.account) = 0
           AND NOT EXISTS (SELECT 1 FROM payments.account a
                           WHERE a.debits_posted <> (SELECT coalesce(sum(amount), 0) FROM payments.transfer WHERE debit_account_id = a.id)
                              OR a.credits_posted <> (SELECT coalesce(sum(amount), 0) FROM payments.transfer WHERE credit_account_id = a.id))")
[[ $CHECK == t ]] && CHECK="balances sum to zero and every account's posted totals equal its transfers" \
    || CHECK="**FAILED**: the accounts' totals do not match the transfers"
TRANSFERS_STORED=$(q "SELECT count(*) FROM payments.transfer")

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$SECONDS

# ---------------------------------------------------------------- report
num() { [[ $1 =~ ^-?[0-9.]+$ ]] && fmt "$1" "${2:-0}" || echo "${1:-n/a}"; }
PHASES=""
for v in $VARIANTS; do
    R[pgbench_${v}_rate]=$(calc "(${R[pgbench_${v}_a_rate]} + ${R[pgbench_${v}_b_rate]}) / 2")
    R[pgbench_${v}_p99]=$(calc "(${R[pgbench_${v}_a_p99]} + ${R[pgbench_${v}_b_p99]}) / 2")
    PHASES+=" ledger_$v pgbench_${v}_a pgbench_${v}_b"
done
ledger() { [[ $1 == ledger_* ]]; }
variant_of() { local v=${1#ledger_}; v=${v#pgbench_}; echo "${v%_[ab]}"; }
ratio() { calc "$1 / $2" | awk '{ printf "%.2f", $1 }'; }

cell() { # phase measure -> the table's cell
    local p=$1 m=$2 v; v=$(variant_of "$1")
    case $m in
        rate) ledger "$p" && echo "**$(fmt "${R[${p}_rate]}")**" || fmt "${R[${p}_rate]}" ;;
        ratio) ledger "$p" && echo "**$(ratio "${R[${p}_rate]}" "${R[pgbench_${v}_rate]}")**" || echo - ;;
        p99_ratio) ledger "$p" && echo "$(ratio "${R[${p}_p99]}" "${R[pgbench_${v}_p99]}")" || echo - ;;
        latency) ledger "$p" && echo "**${R[${p}_latency]}**" || echo "${R[${p}_latency]}" ;;
        per_second) ledger "$p" && echo "${R[${p}_per_second]}" || echo - ;;
        errors) echo "${R[${p}_errors]}" ;;
        wal|load) num "${R[${p}_$m]:-}" "$([[ $m == load ]] && echo 1 || echo 0)" ;;
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
header() {
    case $1 in
        ledger_*) echo "Ledger, ${1#ledger_}" ;;
        pgbench_*_a) local v=${1#pgbench_}; echo "pgbench, ${v%_a} a (before)" ;;
        pgbench_*_b) local v=${1#pgbench_}; echo "pgbench, ${v%_b} b (after)" ;;
    esac
}

TABLE=$WORK/table.md
{
    printf '| Measure |'; for p in $PHASES; do printf ' %s |' "$(header "$p")"; done; echo
    printf '|---|'; for p in $PHASES; do printf -- '---:|'; done; echo
    row "**transfers/s**" rate
    row "**ratio** × pgbench of the same variant (mean of a and b)" ratio
    row "**latency of one transfer**, ms, p50 / p95 / p99 / max (Ledger: connection, Ledger.transfer, COMMIT; pgbench: one script run)" latency
    row "p99 ÷ pgbench's p99 (mean of a and b)" p99_ratio
    row "transfers in each second of the window: min / median / max" per_second
    row "errors and refusals" errors
    row "per transfer: load generator CPU (Ledger JVM: Ledger + JDBC + loop; or pgbench), ms" driver_cpu
    row "per transfer: PostgreSQL CPU, ms" pg_cpu
    row "per transfer: SQL statements (BEGIN/COMMIT apart)" statements
    row "per transfer: statement execution time in PostgreSQL (lock waits included), ms" exec_ms
    row "per transfer: writing transactions (transaction ids handed out)" xacts
    row "per transfer: WAL bytes" wal
    row "machine CPU busy over the phase (both cores, everyone's), %" busy
    row "load average (1 min) when the phase started" load
} >"$TABLE"

SECTION=$WORK/section.md
{
    echo "<!-- ledger-bench:start -->"
    echo "## Ledger transfers (bench/ledger/run.sh)"
    echo
    echo "- Date: $START, run took ${ELAPSED}s"
    machine_facts
    echo "- Database: $([[ $PG == private ]] && echo "a private cluster of the local PostgreSQL's binaries and configured settings, max_connections $((CLIENTS + CONNECTIONS + 20)), pg_stat_statements loaded" || echo "the local server at $PGHOST:$PGPORT"), database \`$DB\` (created and dropped by the script)"
    echo "- Load average (1/5/15 min) at start: $LOAD_START; at end: $LOAD_END (shared machine: read the ratios, not the absolute numbers)"
    echo "- Command: \`$COMMAND\`"
    echo "- $CLIENTS clients (Ledger: one thread each, $CONNECTIONS JDBC connections, \`Ledger.transfer\` of target/classes in-process, no think time; pgbench: one client each, -j $PGBENCH_THREADS, \`-M prepared\`, \`bench/ledger/ledger.sql\`), posted transfers of 1..$MAX_AMOUNT base units, $ACCOUNTS user accounts funded with $FUNDING units each; *random*: between two distinct random users; *hot*: from one project escrow to a random user. Every phase ${DURATION}s measured (Ledger: after ${WARMUP}s of warm-up in a fresh JVM), started after VACUUM ANALYZE and CHECKPOINT. Raw outputs: \`target/bench-ledger/$RUN_ID/\`"
    echo "- Check after the run: $CHECK ($TRANSFERS_STORED transfers stored)"
    echo
    cat "$TABLE"
    echo
    echo "<!-- ledger-bench:end -->"
} >"$SECTION"

cat "$TABLE"
write_section "$RESULTS" ledger-bench "$SECTION"
