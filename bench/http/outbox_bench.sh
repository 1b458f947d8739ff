#!/usr/bin/env bash
# The transactional outbox (docs/connectors.md) against the release build: (1) what the outbox
# row costs a desk reception — wrk on POST /api/v1/dossiers with dvcqg_mode=off and =queue,
# alternating on fresh demo data, requests/s and the server's CPU per request; (2) how fast the
# dispatcher delivers a backlog to the DVCQG simulator — ROWS receptions queued, then the server
# restarted in deliver mode, timed until /metrics shows none pending. A reception is the
# heaviest message: a header create and a step (two portal calls) plus the sync_ack it records.
# Usage: bench/http/outbox_bench.sh [path/to/motcua] [path/to/dvcqg_simulator]
# Settings: DURATION (s per wrk run, default 8), ROUNDS (off/queue pairs, default 3),
# ROWS (backlog, default 20000), WORKERS (outbox_workers, default 8), CONNECTIONS (64).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WRK_SCRIPTS=$here
binary=${1:-$here/../../build/bench/src/motcua}
simulator=${2:-$here/../../build/bench/tests/simulators/dvcqg/dvcqg_simulator}
duration=${DURATION:-8}
rounds=${ROUNDS:-3}
rows=${ROWS:-20000}
workers=${WORKERS:-8}
connections=${CONNECTIONS:-64}
work=$(mktemp -d -p "${BENCH_TMP:-/var/tmp}")
server=
sim=
trap 'kill $server $sim 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source "$here/serve.sh"

"$simulator" --port 0 --unit H32 --username bench --password bench-secret >"$work/sim.out" 2>&1 &
sim=$!
until sim_url=$(grep -o 'http://[0-9.:]*' "$work/sim.out"); do sleep 0.05; done
export MOTCUA_THREADS=2 MOTCUA_HANDLER_THREADS=32 MOTCUA_LOG_LEVEL=warn \
  MOTCUA_DVCQG_URL=$sim_url MOTCUA_DVCQG_UNIT_CODE=H32 MOTCUA_DVCQG_USERNAME=bench \
  MOTCUA_DVCQG_PASSWORD=bench-secret MOTCUA_OUTBOX_WORKERS=$workers

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# fresh MODE: a new demo province in $work/data served with dvcqg_mode=MODE.
fresh() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work/data"
  export MOTCUA_DATA_DIR=$work/data MOTCUA_DVCQG_MODE=$1
  start_motcua "$binary"
  login_clerk
}

echo "machine: $(nproc) cores; wrk -t2 -c$connections, ${duration}s per run; outbox_workers $workers"
echo "## reception cost of the outbox row"
for round in $(seq "$rounds"); do
  for mode in off queue; do
    fresh "$mode"
    before=$(cpu_ticks "$server")
    result=$(ROUTE=reception TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" \
      -s "$here/route.lua" "$url" | grep RESULT)
    ticks=$(( $(cpu_ticks "$server") - before ))
    requests=$(grep -o 'requests=[0-9]*' <<<"$result" | cut -d= -f2)
    printf 'round %s dvcqg=%-5s %s cpu_us_per_request=%s\n' "$round" "$mode" "$result" \
      "$(( ticks * 10000 / (requests > 0 ? requests : 1) ))"
  done
done

echo "## delivery of a backlog of $rows receptions"
fresh queue
ROUTE=reception TOKEN=$token wrk -t2 -c"$connections" -d600s -s "$here/route.lua" "$url" \
  >/dev/null &
filler=$!
until [ "$(curl -fsS "$url/metrics" | grep -oP '^motcua_outbox_pending\{connector="dvcqg"\} \K[0-9]+' || echo 0)" -ge "$rows" ]; do
  sleep 0.2
done
kill "$filler"; wait "$filler" 2>/dev/null || true
kill "$server"; wait "$server" 2>/dev/null || true
export MOTCUA_DVCQG_MODE=deliver
MOTCUA_LISTEN=127.0.0.1:0 "$binary" serve >"$work/server.out" 2>&1 &
server=$!
until url=$(grep -o 'http://[0-9.:]*' "$work/server.out"); do sleep 0.01; done
# Timed from the first figure the serving process gives: what it delivered before is not counted.
start=$(date +%s%N)
queued=$(curl -fsS "$url/metrics" | grep -oP '^motcua_outbox_pending\{connector="dvcqg"\} \K[0-9]+')
while :; do
  pending=$(curl -fsS "$url/metrics" | grep -oP '^motcua_outbox_pending\{connector="dvcqg"\} \K[0-9]+' || echo 0)
  [ "$pending" -eq 0 ] && break
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "RESULT delivered=$queued elapsed_ms=$elapsed_ms rows_per_s=$(( queued * 1000 / elapsed_ms )) portal_requests=$(curl -fsS "$sim_url/_sim/summary" | grep -oP '"requests":\K[0-9]+')"
