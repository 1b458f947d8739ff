#!/usr/bin/env bash
# The demo province syncing with a simulated national portal (DVCQG): as scripts/start.sh, plus
# the DVCQG simulator (tests/simulators/dvcqg/) on 127.0.0.1:8090 and the server delivering its
# outbox to it (docs/connectors.md). Every dossier received in the demo then reaches the
# simulated portal; watch it at http://127.0.0.1:8090/_sim/summary, the outbox at
# /api/v1/outbox (province administrator) and the reconciliation on the dashboard's
# "Đồng bộ DVCQG" page. SIM_FAULT_RATE (e.g. 0.1) injects faults of every kind.
# BUILD_DIR=build/debug reuses an existing build instead of building the release.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MOTCUA_ROOT"

build=${BUILD_DIR:-}
if [ -z "$build" ]; then
  install_packages "${BUILD_PACKAGES[@]}"
  install_node
  build_web
  log "Building motcua and the simulator (release)"
  cmake --preset release -DMOTCUA_REQUIRE_POSTGRES=ON -DMOTCUA_SIMULATORS=ON >/dev/null
  cmake --build --preset release
  build=build/release
fi
simulator=$build/tests/simulators/dvcqg/dvcqg_simulator
[ -x "$simulator" ] || { echo "no simulator at $simulator" >&2; exit 1; }

log "Creating the demo province"
"$build/src/motcua" demo

log "Starting the simulated national portal on 127.0.0.1:8090"
password=$(head -c 18 /dev/urandom | base64)
"$simulator" --port "${SIM_PORT:-8090}" --unit H32 --username motcua-h32 \
  --password "$password" --fault-rate "${SIM_FAULT_RATE:-0}" &
sim=$!
trap 'kill $sim 2>/dev/null || true' EXIT

log "Starting the server, delivering to the portal (Ctrl-C stops both)"
MOTCUA_DEMO_MODE=true MOTCUA_DVCQG_MODE=deliver \
  MOTCUA_DVCQG_URL="http://127.0.0.1:${SIM_PORT:-8090}" MOTCUA_DVCQG_UNIT_CODE=H32 \
  MOTCUA_DVCQG_USERNAME=motcua-h32 MOTCUA_DVCQG_PASSWORD="$password" \
  "$build/src/motcua" serve
