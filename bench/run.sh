#!/usr/bin/env bash
# Builds the release+bench preset and prints every benchmark's figures (docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset bench >/dev/null
cmake --build --preset bench
echo "== Google Benchmark: text index"
./build/bench/bench/text_index_bench
echo "== Provincial dashboard at 1M dossiers (the file is filled on the first run, ~4 min)"
./build/bench/bench/dashboard_bench --dossiers 1000000 --db "${DASHBOARD_DB:-/var/tmp/motcua-bench-1m.db}"
echo "== Electronic results: rendered and signed, and verified, per second"
./build/bench/bench/result_sign_bench
echo "== HTTP (wrk on loopback)"
bash bench/http/catalog_http_bench.sh build/bench/src/motcua
echo "== Electronic results over HTTP: finish with a signed result, public verification"
bash bench/http/result_http_bench.sh build/bench/src/motcua
echo "== The outbox: the row's cost on receptions, delivery to the DVCQG simulator"
bash bench/http/outbox_bench.sh build/bench/src/motcua \
  build/bench/tests/simulators/dvcqg/dvcqg_simulator
echo "== Web bundle and page load (headless chromium on loopback)"
if [ -f web/dist/index.html ] && [ -d tests/ui/node_modules ] && command -v chromium >/dev/null; then
  (cd tests/ui && MOTCUA_BIN=../../build/bench/src/motcua node --import tsx \
    --test-reporter=tap --test-reporter-destination=/dev/null ../../bench/web/page_load.ts)
else
  echo "skipped: needs web/dist (npm run build in web/), npm ci in tests/ui and chromium"
fi
