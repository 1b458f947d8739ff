#!/usr/bin/env bash
# Set-up command 2: install what the tests need, build the sanitized debug build (ASan+UBSan,
# -Werror) and run the whole test suite: format check, layer check, clang-tidy, fuzzing, unit,
# storage, API (black-box, real binary), and benchmark smoke runs. .ci/run calls this and
# nothing else.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MOTCUA_ROOT"
started=$SECONDS

# postgresql-15 comes with the throwaway test server (scripts/pg_test_server.sh).
install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_node

log "Checking format (clang-format-16) and module layering"
bash tools/check_format.sh
bash tools/check_layers.sh
bash tools/check_architecture.sh
bash tools/check_messages.sh

build_web
lint_web
log "Installing test tooling (tests/node_modules)"
npm_install "$MOTCUA_ROOT/tests"
npm_install "$MOTCUA_ROOT/tests/ui"

log "Building motcua (debug, ASan+UBSan)"
cmake --preset debug >/dev/null
cmake --build --preset debug

# The .cpp files changed since tools/tidy-baseline (all of them when the clone lacks that commit).
log "Running clang-tidy-16 (tools/tidy.sh)"
bash tools/tidy.sh

# The parsers under libFuzzer, each for a bounded time (FUZZ_SECONDS, 30 by default).
bash scripts/fuzz.sh

log "Running the test suite"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_odr_violation=2:detect_leaks=1
(cd web && npm test --silent)
# A throwaway PostgreSQL for the storage contract suite and api_blackbox_pg (both skipped
# without PGHOST); stopped on exit.
log "Starting a throwaway PostgreSQL 15 (scripts/pg_test_server.sh)"
eval "$(as_root bash scripts/pg_test_server.sh start)"
trap 'as_root bash "$MOTCUA_ROOT/scripts/pg_test_server.sh" stop "$PG_TMP"' EXIT
ctest --test-dir build/debug --output-on-failure -j2 --timeout 900

log "All tests passed in $((SECONDS - started)) s"
