#!/usr/bin/env bash
# Builds the release+bench preset and prints every benchmark's figures (docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset bench >/dev/null
cmake --build --preset bench
echo "== Google Benchmark: text index"
./build/bench/bench/text_index_bench
echo "== HTTP (wrk on loopback)"
bash bench/http/catalog_http_bench.sh build/bench/src/motcua
