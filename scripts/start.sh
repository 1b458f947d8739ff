#!/usr/bin/env bash
# Set-up command 1: install what is missing, build MotCua in release mode (both storage
# backends), create the demo province on an embedded SQLite file and start the server. Run from a
# clone, as root or a sudoer, on Debian 12. Settings: MOTCUA_LISTEN (default 127.0.0.1:8080),
# MOTCUA_DATA_DIR (default ./data), or a config file via MOTCUA_CONFIG (see config/motcua.conf).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MOTCUA_ROOT"

install_packages "${BUILD_PACKAGES[@]}"
install_node
build_web

build_release

log "Creating the demo province"
./build/release/src/motcua demo

log "Starting the server (Ctrl-C stops it)"
MOTCUA_DEMO_MODE=true exec ./build/release/src/motcua serve
