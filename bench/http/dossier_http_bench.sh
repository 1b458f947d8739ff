#!/usr/bin/env bash
# Durable lifecycle actions and dossier lookups over HTTP, with wrk on loopback against a
# release build serving the demo province: desk receptions (POST /api/v1/dossiers, each one
# transaction acknowledged after its commit) and audited lookups by code: an official's (GET
# /api/v1/dossiers/{code}, bearer session) and a citizen's (?id_number=, no sign-in). Prints one
# RESULT line per route, the server's RSS and start-up time.
# Bounded: DURATION seconds per route (default 10).
# Usage: bench/http/dossier_http_bench.sh [path/to/motcua]
# Settings: SERVER_THREADS (I/O, default 2), HANDLER_THREADS (default 32), CONNECTIONS (64).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WRK_SCRIPTS=$here  # The wrk scripts load result.lua from here.
binary=${1:-$here/../../build/bench/src/motcua}
duration=${DURATION:-10}
server_threads=${SERVER_THREADS:-2}
handler_threads=${HANDLER_THREADS:-32}
connections=${CONNECTIONS:-64}
work=$(mktemp -d -p "${BENCH_TMP:-/var/tmp}")
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

export MOTCUA_DATA_DIR=$work MOTCUA_THREADS=$server_threads MOTCUA_HANDLER_THREADS=$handler_threads \
  MOTCUA_LOG_LEVEL=warn
source "$here/serve.sh"
start_motcua "$binary"
login_clerk

echo "machine: $(nproc) cores; server: $server_threads I/O threads, $handler_threads handler threads; wrk: 2 threads, $connections connections, ${duration}s; start-up to /healthz: ${startup_ms} ms"
printf '%-22s ' receive_at_desk
ROUTE=reception TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$here/route.lua" "$url" | grep RESULT
desk_codes
printf '%-22s ' dossier_by_code
ROUTE=lookup CODES=$codes TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$here/route.lua" "$url" | grep RESULT
printf '%-22s ' public_lookup
ROUTE=public_lookup CODES=$codes wrk -t2 -c"$connections" -d"${duration}s" -s "$here/route.lua" "$url" | grep RESULT
echo "server RSS after the runs: $(( $(grep VmRSS /proc/$server/status | awk '{print $2}') / 1024 )) MB"
