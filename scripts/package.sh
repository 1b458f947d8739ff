#!/usr/bin/env bash
# Builds the Debian package: installs what is missing, builds the web application and the
# release binary (SQLite and PostgreSQL backends), then `cmake --build --preset release --target
# package` (cmake/packaging.cmake). Prints the .deb's path; install it with
#   apt-get install ./build/release/motcua_<version>_<arch>.deb
# (README, "Install as a service"). Run from a clone, as root or a sudoer, on Debian 12.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MOTCUA_ROOT"

install_packages "${BUILD_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
install_node
build_web
build_release --target package
ls "$MOTCUA_ROOT"/build/release/motcua_*.deb
