# The database server side of the benchmarks that drive many clients (bench/queue, bench/ledger): a private
# PostgreSQL cluster of the local binaries with the local server's settings, and its CPU and statement figures.
# Source it after bench/lib/common.sh; it uses WORK, PGUSER and PRIVATE_PGPORT, and sets PGDATA_PRIVATE,
# PGHOST, PGPORT and STATEMENT_STATS. The caller sets POSTMASTER=$(postmaster_pid) before measuring.

PGDATA_PRIVATE=""
STATEMENT_STATS=0

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The settings the local server's configuration file sets, as postgresql.conf lines; where it listens, its
# name and how many connections it takes are the private cluster's own.
local_server_settings() {
    psql -d postgres -qtAX -c "SELECT format('%s = %L', name, setting) FROM pg_settings
        WHERE source = 'configuration file' AND name NOT IN ('port', 'listen_addresses', 'unix_socket_directories',
          'max_connections', 'cluster_name', 'external_pid_file') AND name NOT LIKE 'ssl%'"
}

start_private_cluster() { # max-connections [postgresql.conf line ...] (later lines override the local server's)
    local bin; bin=$(pg_config --bindir)
    PGDATA_PRIVATE=$WORK/pg
    chmod 711 "$WORK"
    mkdir -m 700 "$PGDATA_PRIVATE"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PGDATA_PRIVATE"
    log "starting a private PostgreSQL cluster on port $PRIVATE_PGPORT"
    as_postgres "$bin/initdb" -D "$PGDATA_PRIVATE" -U "$PGUSER" --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    local settings
    settings=$(local_server_settings) || die "cannot read the local server's settings (PGHOST=$PGHOST PGPORT=$PGPORT)"
    {
        echo "$settings"
        echo "port = $PRIVATE_PGPORT"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = ''"
        echo "max_connections = $1"
        echo "shared_preload_libraries = 'pg_stat_statements'"
        printf '%s\n' "${@:2}"
    } | as_postgres tee -a "$PGDATA_PRIVATE/postgresql.conf" >/dev/null
    touch "$WORK/pg.log"; [[ $(id -u) -eq 0 ]] && chown postgres: "$WORK/pg.log"
    as_postgres "$bin/pg_ctl" -D "$PGDATA_PRIVATE" -l "$WORK/pg.log" -w start >/dev/null \
        || { cat "$WORK/pg.log" >&2; die "the private cluster did not start"; }
    PGHOST=127.0.0.1
    PGPORT=$PRIVATE_PGPORT
}

# For the caller's cleanup: stops the private cluster, if one was started, showing its log after a failure.
stop_private_cluster() { # exit-status
    [[ -n $PGDATA_PRIVATE ]] || return 0
    [[ $1 -ne 0 ]] && { log "last lines of the private cluster's log:"; tail -n 20 "$WORK/pg.log" >&2 || true; }
    as_postgres "$(pg_config --bindir)/pg_ctl" -D "$PGDATA_PRIVATE" -m fast -w stop >/dev/null 2>&1 || true
}

postmaster_pid() {
    local data; data=$(psql -d postgres -qtAX -c "SHOW data_directory")
    head -n 1 "$data/postmaster.pid" 2>/dev/null || echo ""
}

# CPU ticks of the whole server: the postmaster with its reaped children, plus the live backends.
pg_cpu_ticks() {
    [[ -n $POSTMASTER ]] || { echo 0; return; }
    local live
    live=$(awk -v pm="$POSTMASTER" '$4 == pm { t += $14 + $15 } END { print t + 0 }' /proc/[0-9]*/stat 2>/dev/null)
    echo $(( $(cpu_ticks "$POSTMASTER" tree) + live ))
}

# CPU seconds (user + system) of the shell's finished children, from the output of the builtin `times` (which
# must run in this shell, not in a command substitution's subshell): pgbench's own share.
children_cpu_seconds() { # times-output-file
    awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"
}

# Per-statement counters (pg_stat_statements) are exact and immediate, unlike pg_stat_database. Loaded in the
# private cluster; elsewhere, if present.
enable_statement_stats() {
    if [[ $(psql -d postgres -qtAX -c "SHOW shared_preload_libraries") == *pg_stat_statements* ]]; then
        q "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
        STATEMENT_STATS=1
    else
        log "pg_stat_statements is not loaded on this server: no per-statement figures"
    fi
}
