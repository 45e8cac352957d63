#!/usr/bin/env bash
# Makes sure the services the test suite talks to are up on loopback: PostgreSQL (5432, trust
# auth for local connections), Redis (6379) and RabbitMQ (5672, guest/guest). Starts a stopped
# one, installs a missing one from Debian's packages (as root), and says exactly what to do when
# it cannot. With LABELMINT_SERVICES=external (GitHub Actions' service containers) it only waits.
set -euo pipefail

say() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then say "$name is up"; return 0; fi
    sleep 1
  done
  return 1
}

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

apt_install() {
  can_install || die "$* missing: install it (Debian: sudo apt-get install -y $*) or point the tests at a running server"
  say "installing $* from Debian's packages"
  if [ -z "${LABELMINT_APT_UPDATED:-}" ]; then apt-get update -qq; export LABELMINT_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }
rabbit_port_open() { port_open 5672; }

ensure_postgres() {
  command -v pg_isready >/dev/null || apt_install postgresql postgresql-client
  pg_isready -h 127.0.0.1 -p 5432 -q && { pg_up || die "PostgreSQL on 127.0.0.1:5432 refuses user postgres without a password: allow 'trust' for local connections in pg_hba.conf"; say "PostgreSQL is up"; return; }
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -n1)
    [ -n "$version" ] || die "no PostgreSQL cluster found under /etc/postgresql"
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  wait_for PostgreSQL 60 pg_up || die "PostgreSQL is not reachable on 127.0.0.1:5432 with user postgres (trust): start it, e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start"
}

ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  redis_up && { say "Redis is up"; return; }
  say "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
  wait_for Redis 30 redis_up || die "Redis is not reachable on 127.0.0.1:6379: start it, e.g. redis-server --daemonize yes --port 6379"
}

ensure_rabbitmq() {
  if ! rabbit_port_open && ! command -v rabbitmq-server >/dev/null; then apt_install rabbitmq-server; fi
  rabbit_port_open && { say "RabbitMQ is up"; return; }
  say "starting RabbitMQ"
  rabbitmq-server -detached >/dev/null 2>&1 || true
  wait_for RabbitMQ 120 rabbit_port_open || die "RabbitMQ is not reachable on 127.0.0.1:5672: start it, e.g. rabbitmq-server -detached"
}

create_database() { # name
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $1"
}

if [ "${LABELMINT_SERVICES:-}" = external ]; then
  # Someone else runs the services (CI service containers): wait for their ports, install nothing.
  wait_for PostgreSQL 90 port_open 5432 || die "nothing listens on 127.0.0.1:5432"
  wait_for Redis 90 port_open 6379 || die "nothing listens on 127.0.0.1:6379"
  wait_for RabbitMQ 120 port_open 5672 || die "nothing listens on 127.0.0.1:5672"
  command -v psql >/dev/null || die "psql is needed to create the test database (Debian: postgresql-client)"
else
  ensure_postgres
  ensure_redis
  ensure_rabbitmq
fi
for db in "$@"; do create_database "$db"; done
