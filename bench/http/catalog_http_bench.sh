#!/usr/bin/env bash
# HTTP throughput and latency of the catalogue routes, with wrk on loopback against a release
# build serving the demo province. Prints one RESULT line per route. Bounded: DURATION seconds
# per route (default 10). Usage: bench/http/catalog_http_bench.sh [path/to/motcua]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WRK_SCRIPTS=$here  # The wrk scripts load result.lua from here.
binary=${1:-$here/../../build/bench/src/motcua}
duration=${DURATION:-10}
server_threads=${SERVER_THREADS:-1}
connections=${CONNECTIONS:-32}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

export MOTCUA_DATA_DIR=$work MOTCUA_THREADS=$server_threads MOTCUA_LOG_LEVEL=warn
source "$here/serve.sh"
start_motcua "$binary"
codes=$(curl -fsS "$url/api/v1/procedures?limit=100" | grep -o '"code":"[^"]*"' | cut -d'"' -f4 | paste -sd, -)
# Check the answer once before timing: the flagship query must rank its procedure first.
first=$(curl -fsS "$url/api/v1/procedures?q=dang%20ky%20khai%20sinh&limit=1" | grep -o '"name_vi":"[^"]*"' | head -1)
[ "$first" = '"name_vi":"Đăng ký khai sinh"' ] || { echo "unexpected first result: $first"; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); server threads: $server_threads; wrk: 1 thread, $connections connections, ${duration}s"
for route in procedures procedure_by_code; do
  printf '%-22s ' "$route"
  CODES=$codes wrk -t1 -c"$connections" -d"${duration}s" -s "$here/$route.lua" "$url" | grep RESULT
done
