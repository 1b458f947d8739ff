#!/usr/bin/env bash
# Electronic results over HTTP (docs/e-results.md): how long finishing a dossier with a signed
# electronic result takes end to end (POST …/actions finish, result_kind=electronic: the finish,
# render, PAdES signature, stored file and register row in one transaction), and how many public
# verifications (GET /api/v1/results/{id}/verification) the release build answers per second,
# with wrk on loopback. Prints RESULT lines. Usage: bench/http/result_http_bench.sh [motcua]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WRK_SCRIPTS=$here
binary=${1:-$here/../../build/bench/src/motcua}
duration=${DURATION:-10}
results=${RESULTS:-40}
server_threads=${SERVER_THREADS:-1}
connections=${CONNECTIONS:-32}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

export MOTCUA_DATA_DIR=$work MOTCUA_THREADS=$server_threads MOTCUA_LOG_LEVEL=warn \
  MOTCUA_SUBMISSIONS_PER_MINUTE=0 MOTCUA_SUBMISSIONS_PER_DAY=0
source "$here/serve.sh"
start_motcua "$binary"

# Issues $results signed results through the API (citizen submits; clerk, specialist and head
# move the dossier on; the clerk finishes electronically) and prints their ids, then the finish
# latencies' median and 95th percentile.
ids=$(URL=$url RESULTS=$results python3 - <<'PY'
import json, os, time, urllib.request
url = os.environ["URL"]
def call(path, token=None, body=None):
    request = urllib.request.Request(url + path, method="POST" if body is not None else "GET")
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(request, data) as answer:
        return json.load(answer)
def login(name):
    return call("/api/v1/auth/login", body={"login": name, "password": "MotCua@2026", "session": "bearer"})["token"]
citizen, clerk, specialist, head = (login(n) for n in ("056095001234", "tiepnhan.bnt", "chuyenvien.bnt", "lanhdao.bnt"))
ids, finishes = [], []
for _ in range(int(os.environ["RESULTS"])):
    code = call("/api/v1/dossiers", citizen, {"procedure": "1.004873.000.00.00.H32", "agency": "H32.22333.01"})["code"]
    for token, action in ((clerk, "accept"), (clerk, "forward"), (specialist, "forward"), (head, "approve")):
        call(f"/api/v1/dossiers/{code}/actions", token, {"action": action})
    started = time.perf_counter()
    call(f"/api/v1/dossiers/{code}/actions", clerk, {"action": "finish", "result_kind": "electronic"})
    finishes.append((time.perf_counter() - started) * 1000)
    ids.append(call(f"/api/v1/dossiers/{code}/results", citizen)["results"][0]["id"])
finishes.sort()
print(",".join(ids))
print(f"{finishes[len(finishes) // 2]:.1f} {finishes[int(len(finishes) * 0.95)]:.1f}")
PY
)
result_ids=$(echo "$ids" | sed -n 1p)
read -r p50 p95 <<<"$(echo "$ids" | sed -n 2p)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); server threads: $server_threads; wrk: 1 thread, $connections connections, ${duration}s"
echo "RESULT finish_electronic results=$results p50_ms=$p50 p95_ms=$p95"
printf '%-22s ' verification
RESULT_IDS=$result_ids wrk -t1 -c"$connections" -d"${duration}s" -s "$here/result_verification.lua" "$url" | grep RESULT
