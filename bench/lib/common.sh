# Shell shared by the benchmarks under bench/: logging, arithmetic, psql, the packaged app's life
# cycle and the results file. Source it after setting ROOT (the project), WORK (the run's scratch
# folder) and DB; the app helpers use APP_JAVA_OPTS.

JAR=$ROOT/target/quarkus-app/quarkus-run.jar
APP_PID=""
APP_LOG=""

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
require_tools() { local tool; for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is required"; done; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
calc() { awk "BEGIN { printf \"%s\", $1 }"; }                 # calc 'expr' -> number
fmt() { awk -v v="$1" -v d="${2:-0}" 'BEGIN { printf "%.*f", d, v }'; }
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

# A jar older than the sources would measure code that is no longer there (as scripts/run.sh decides).
build_jar_if_stale() {
    if [[ -f $JAR && -z $(cd "$ROOT" && find pom.xml src/main -newer "$JAR" -print -quit) ]]; then return 0; fi
    log "building the jar"
    (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
}

# The load generators are compiled once (their start-up stays out of the figures), with HdrHistogram from the app's
# own libraries (Micrometer's); run them with `java -cp "$DRIVER_CP" Driver ...`.
compile_driver() { # source-file
    DRIVER_CP=$WORK/driver:$(ls "$ROOT"/target/quarkus-app/lib/main/org.hdrhistogram.HdrHistogram-*.jar | head -n 1)
    javac -d "$WORK/driver" -cp "$DRIVER_CP" "$1"
}

recreate_database() {
    log "recreating database $DB"
    psql -d postgres -v ON_ERROR_STOP=1 -qtAX -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
}

# Starts the packaged app on a port, with extra environment (NAME=value ...), and waits until it is
# ready. Its output goes to the given log, which the caller's cleanup shows when the run fails.
start_app() { # port log [NAME=value ...]
    local port=$1
    APP_LOG=$2
    shift 2
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then die "port $port is taken; set PORT"; fi
    env QUARKUS_HTTP_PORT="$port" "$@" java $APP_JAVA_OPTS -jar "$JAR" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    local deadline=$(( $(date +%s) + 180 ))
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
        (( $(date +%s) < deadline )) || die "the app was not ready within 180 s"
        sleep 0.5
    done
}

stop_app() {
    [[ -n $APP_PID ]] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -CONT "$APP_PID" 2>/dev/null || true   # in case it was frozen for a baseline
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
    APP_LOG=""
}

show_app_log_on_failure() { # exit-status
    if [[ $1 -ne 0 && -n $APP_LOG && -f $APP_LOG ]]; then
        log "last lines of $APP_LOG:"; tail -n 40 "$APP_LOG" >&2 || true
    fi
}

# User + system CPU ticks of a process; with "tree", also of its reaped children (PostgreSQL's backends).
cpu_ticks() { # pid [tree]
    awk -v tree="${2:-}" '{ print $14 + $15 + (tree ? $16 + $17 : 0) }' "/proc/$1/stat"
}
CLK_TCK=$(getconf CLK_TCK)

# The machine's busy and total CPU ticks so far (both cores, everyone's work): "busy total".
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# The app's environment that keeps its rate limiter from throttling a load generator on one IP: the limiter still
# runs (with Redis, under a key prefix of the run's own), with limits no benchmark reaches. As NAME=value words.
rate_limits_raised() { # key-prefix-name
    printf '%s\n' "LABELMINT_RATE_LIMIT_KEY_PREFIX=labelmint:rl:$1:" \
        LABELMINT_RATE_LIMIT_GROUPS_STRICT_REQUESTS_PER_IP=1000000 LABELMINT_RATE_LIMIT_GROUPS_STRICT_REQUESTS_PER_ACCOUNT=1000000 \
        LABELMINT_RATE_LIMIT_GROUPS_DEFAULT_REQUESTS_PER_IP=10000000 LABELMINT_RATE_LIMIT_GROUPS_DEFAULT_REQUESTS_PER_ACCOUNT=10000000
}

machine_facts() { # -> one markdown line
    echo "- Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GiB RAM (" $7 " GiB available at the end)" }'), $(java -version 2>&1 | head -n 1), $(psql -d postgres -qtAX -c 'SHOW server_version' | cut -d' ' -f1) PostgreSQL (synchronous_commit=$(psql -d postgres -qtAX -c 'SHOW synchronous_commit'), fsync=$(psql -d postgres -qtAX -c 'SHOW fsync'))"
}

# Replaces the section between <!-- NAME:start --> and <!-- NAME:end --> of the results file with
# the given one (which carries both markers), or appends it; the rest of the file is kept.
write_section() { # results-file name section-file
    local results=$1 name=$2 section=$3 merged=$WORK/results.md
    if [[ -f $results ]]; then
        awk -v start="<!-- $name:start -->" -v end="<!-- $name:end -->" \
            '$0 == start { skip = 1 } !skip { print } $0 == end { skip = 0 }' "$results" >"$merged"
    else
        printf '# Benchmark results\n\n' >"$merged"
    fi
    cat "$section" >>"$merged"
    mkdir -p "$(dirname "$results")"
    cp "$merged" "$results"
    log "results written to $results"
}
