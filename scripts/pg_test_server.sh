#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the storage tests (docs/OPERATIONS.md, "Tests against
# PostgreSQL"): initdb in a temporary folder, run as user postgres, unix socket only on a private
# port, no durability (test data), and never Debian's 'main' cluster.
#   eval "$(bash scripts/pg_test_server.sh start)"   # exports PGHOST PGPORT PGUSER PGDATABASE PG_TMP
#   bash scripts/pg_test_server.sh stop               # uses $PG_TMP (or the folder given as $2)
# Benchmarks: PG_DURABLE=1 (fsync on, 1 GB shared buffers), PG_PARENT=/var/tmp, PGPORT=55499.
# Run as root (CI); installs postgresql-15 when it is missing.
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin

start() {
  local t0=$SECONDS
  if [ ! -x "$PG_BIN/initdb" ]; then
    export DEBIAN_FRONTEND=noninteractive
    # Stop Debian creating and starting a 'main' cluster on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/50-ci-no-main.conf
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql-15 >&2
  fi
  local dir port durability
  # Tests need no durability; benchmarks (PG_DURABLE=1) keep PostgreSQL's defaults (fsync on).
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-0}" = 1 ] && durability="-c shared_buffers=1GB -c max_wal_size=4GB"
  dir=$(mktemp -d "${PG_PARENT:-/tmp}/motcua-pg.XXXXXX")
  port=${PGPORT:-55432}
  chown postgres:postgres "$dir"  # initdb and postgres refuse to run as root.
  chmod 755 "$dir"                # The socket is there; clients need not be root.
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses='' $durability -c max_connections=200" \
    >/dev/null
  runuser -u postgres -- "$PG_BIN/createdb" -h "$dir" -p "$port" motcua_test
  echo "pg_test_server: socket $dir/.s.PGSQL.$port, $((SECONDS - t0)) s" >&2
  echo "export PGHOST=$dir PGPORT=$port PGUSER=postgres PGDATABASE=motcua_test PG_TMP=$dir"
}

stop() {
  local dir=${1:-${PG_TMP:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  local pid
  pid=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null \
    || { [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; } || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
