#!/usr/bin/env bash
# A province's mixed traffic over HTTP with wrk on loopback against a release build: catalogue
# search, dossier lookups, desk receptions, lifecycle facts, the clerk's inbox and the public
# dashboard (bench/http/mixed.lua), then each route alone (route.lua) for its own throughput and
# p50/p99. Prints the server's start-up time and RSS, and the disk's limit for durable commits
# (bench/storage/sqlite_limits.py) measured in the same run. Bounded: DURATION seconds for the mix
# (default 20) and ROUTE_DURATION per route (default 8).
# Usage: bench/http/mixed_load.sh [path/to/motcua] [database URL]
#   database: omitted = a fresh demo SQLite file; sqlite:/var/tmp/motcua-5m.db (a file filled by
#   dashboard_bench: 5M dossiers) or postgresql://… — `motcua demo` adds the demo accounts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WRK_SCRIPTS=$here  # The wrk scripts load result.lua from here.
binary=${1:-$here/../../build/bench/src/motcua}
database=${2:-}
duration=${DURATION:-20}
route_duration=${ROUTE_DURATION:-8}
connections=${CONNECTIONS:-64}
work=$(mktemp -d -p "${BENCH_TMP:-/var/tmp}")
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
export MOTCUA_DATA_DIR=$work MOTCUA_LOG_LEVEL=warn
[ -n "$database" ] && export MOTCUA_DATABASE=$database

source "$here/serve.sh"
start_motcua "$binary"
login_clerk
# Dossiers of the clerk's desk for the lookups and facts.
ROUTE=reception TOKEN=$token wrk -t1 -c8 -d2s -s "$here/route.lua" "$url" >/dev/null
desk_codes

echo "database: ${database:-fresh demo SQLite}; machine: $(nproc) cores; wrk: 2 threads, $connections connections"
echo "physical limit of durable commits on this disk (same run, raw SQLite, WAL + synchronous=FULL):"
python3 "$here/../storage/sqlite_limits.py"
echo "start-up to /healthz: ${startup_ms} ms"
printf '%-12s ' mixed
CODES=$codes TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$here/mixed.lua" "$url" | grep RESULT
for route in search lookup reception action inbox dashboard; do
  printf '%-12s ' "$route"
  ROUTE=$route CODES=$codes TOKEN=$token wrk -t2 -c"$connections" -d"${route_duration}s" \
    -s "$here/route.lua" "$url" | grep RESULT
done
echo "server RSS: $(( $(grep VmRSS /proc/$server/status | awk '{print $2}') / 1024 )) MB"
# The machine's limit for small HTTP answers: nginx (one worker) serving a static file, when
# nginx is installed, with the same wrk settings.
if command -v nginx >/dev/null; then
  mkdir -p "$work/nginx/html" "$work/nginx/logs"
  echo '{"status":"ok"}' >"$work/nginx/html/healthz.json"
  chmod o+rx "$work" "$work/nginx" "$work/nginx/html"  # nginx's workers run unprivileged.
  chmod o+r "$work/nginx/html/healthz.json"
  printf 'worker_processes 1; pid %s/nginx/nginx.pid; error_log %s/nginx/logs/error.log;\nevents { worker_connections 1024; }\nhttp { access_log off; server { listen 127.0.0.1:%s; root %s/nginx/html; } }\n' \
    "$work" "$work" "${NGINX_PORT:-18900}" "$work" >"$work/nginx/nginx.conf"
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>/dev/null
  printf '%-12s ' nginx_static
  ROUTE=static wrk -t2 -c"$connections" -d"${route_duration}s" -s "$here/route.lua" \
    "http://127.0.0.1:${NGINX_PORT:-18900}" 2>/dev/null | grep RESULT || true
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop 2>/dev/null || true
fi
