#!/usr/bin/env bash
# The Telegram sender's claim query (OutgoingSender.CLAIM, read from the source) over a backlog of pending calls behind
# a history of sent ones, with and without the index of pending calls in id order, against the floor of locking one
# call found by its primary key: pgbench, one client, the same database, the same run. See README.md beside this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# ---------------------------------------------------------------- knobs
CHATS=${CHATS:-500}                 # chats the bot writes to
HISTORY=${HISTORY:-200000}          # calls already sent (kept for labelmint.telegram.retention)
PENDING=${PENDING:-20000}           # calls waiting
WAITING_SHARE=${WAITING_SHARE:-0.8} # share of chats whose next paced message must wait (Telegram's per-chat pace)
FRONT_BACKLOG=${FRONT_BACKLOG:-0}   # pending paced calls of one waiting chat queued before everyone else's (worst case)
DURATION=${DURATION:-10}            # measured seconds of each variant
KEEP_DB=${KEEP_DB:-0}               # 1: leave the database for a closer look (EXPLAIN) after the run
DB=${DB:-labelmint_bench_claim}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS.md}
export PGHOST PGPORT PGUSER

COMMAND="CHATS=$CHATS HISTORY=$HISTORY PENDING=$PENDING WAITING_SHARE=$WAITING_SHARE FRONT_BACKLOG=$FRONT_BACKLOG DURATION=$DURATION bash bench/telegram-claim/run.sh"
case $DB in labelmint_test|labelmint_dev|labelmint|postgres) echo "DB=$DB is not a benchmark's database" >&2; exit 1 ;; esac

WORK=$(mktemp -d /tmp/labelmint-claim-bench.XXXXXX)
source "$ROOT/bench/lib/common.sh"
cleanup() {
    local status=$?
    [[ ${KEEP_DB:-0} == 1 ]] || psql -d postgres -qtAX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
        || log "could not drop $DB; drop it by hand"
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
require_tools psql pgbench awk

MIGRATIONS=$ROOT/src/main/resources/db/migration/notifications
CLAIM_INDEX=$(ls "$MIGRATIONS"/*__notifications_telegram_outgoing_claim_order.sql)

# The query as the sender sends it: the Java string constant's pieces, joined.
awk '/String CLAIM =/ { on = 1 } on { while (match($0, /"[^"]*"/)) { printf "%s", substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH) } }
     on && /;[[:space:]]*$/ { exit }' "$ROOT/src/main/java/com/labelmint/notifications/telegram/OutgoingSender.java" >"$WORK/claim.sql"
echo ";" >>"$WORK/claim.sql"
grep -q "FOR NO KEY UPDATE" "$WORK/claim.sql" || die "could not read OutgoingSender.CLAIM: $(cat "$WORK/claim.sql")"
# The floor: the same row lock (written to the row, so its commit waits for the WAL flush) on a call found by its key.
printf '\\set id random(1, %d)\nSELECT id, chat_id, method, params::text, paced, attempts FROM notifications.telegram_outgoing WHERE id = :id FOR NO KEY UPDATE;\n' \
    "$HISTORY" >"$WORK/floor.sql"

# ---------------------------------------------------------------- data: the real tables, filled
recreate_database
q "CREATE SCHEMA notifications"
psql -d "$DB" -v ON_ERROR_STOP=1 -qX -f "$MIGRATIONS/V2026_11_26_1800__notifications_telegram.sql" >/dev/null
log "filling: $CHATS chats, $HISTORY sent calls, $PENDING pending, $FRONT_BACKLOG in front"
q "INSERT INTO notifications.telegram_chat (chat_id, next_send_at)
   SELECT g, CASE WHEN g <= $CHATS * $WAITING_SHARE THEN now() + interval '1 day' ELSE now() - interval '1 second' END
   FROM generate_series(1, $CHATS) g"
q "INSERT INTO notifications.telegram_outgoing (chat_id, method, params, paced, state, sent_at)
   SELECT 1 + g % $CHATS, 'sendMessage', '{\"chat_id\": 1, \"text\": \"An answer was accepted\"}', g % 10 < 7, 'sent', now()
   FROM generate_series(1, $HISTORY) g"
q "INSERT INTO notifications.telegram_outgoing (chat_id, method, params, paced)
   SELECT 1, 'sendMessage', '{\"chat_id\": 1, \"text\": \"queued first\"}', true FROM generate_series(1, $FRONT_BACKLOG)"
q "INSERT INTO notifications.telegram_outgoing (chat_id, method, params, paced)
   SELECT 1 + (g * 7919) % $CHATS, 'sendMessage', '{\"chat_id\": 1, \"text\": \"A new task\"}', g % 10 < 7
   FROM generate_series(1, $PENDING) g"
q "VACUUM ANALYZE notifications.telegram_outgoing"
q "VACUUM ANALYZE notifications.telegram_chat"

# ---------------------------------------------------------------- variants
declare -A LAT TPS
measure() { # name script
    local out
    out=$(pgbench -n -c 1 -T "$DURATION" -f "$2" "$DB" 2>&1) || die "pgbench failed: $out"
    LAT[$1]=$(awk '/latency average/ { print $4 }' <<<"$out")
    TPS[$1]=$(awk '/^tps/ { print $3; exit }' <<<"$out")
    log "$1: ${LAT[$1]} ms a call, ${TPS[$1]} calls/s"
}
measure floor "$WORK/floor.sql"
measure without-index "$WORK/claim.sql"
psql -d "$DB" -v ON_ERROR_STOP=1 -qX -f "$CLAIM_INDEX" >/dev/null
q "ANALYZE notifications.telegram_outgoing"
measure with-index "$WORK/claim.sql"

# ---------------------------------------------------------------- results
SECTION=$WORK/section.md
{
    echo "<!-- telegram-claim:start -->"
    echo "## Telegram sender claim ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "\`$COMMAND\`"
    echo
    machine_facts
    echo "- One pgbench client, ${DURATION} s a variant, each claim its own transaction. The floor locks one call found by its"
    echo '  primary key (`FOR NO KEY UPDATE`, as the claim does): the row lock and its commit, without the search.'
    echo
    echo "| variant | ms a claim | claims/s | × the floor's time |"
    echo "| --- | ---: | ---: | ---: |"
    for v in floor without-index with-index; do
        echo "| $v | ${LAT[$v]} | $(fmt "${TPS[$v]}") | $(fmt "$(calc "${LAT[$v]} / ${LAT[floor]}")" 1) |"
    done
    echo
    echo "The index makes a claim $(fmt "$(calc "${LAT[without-index]} / ${LAT[with-index]}")" 0) × quicker here."
    echo "<!-- telegram-claim:end -->"
} >"$SECTION"
write_section "$RESULTS" telegram-claim "$SECTION"
