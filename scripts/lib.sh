# Shared helpers for the set-up scripts. Sourced, not run.
# Everything installs from Debian 12's archive (apt) and the npm registry, nothing else.

set -euo pipefail
MOTCUA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive

# Packages needed to build and run the server, with both storage backends (libpqxx: PostgreSQL).
BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates curl
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libicu-dev libssl-dev libsodium-dev libzxcvbn-dev
  libspdlog-dev libfmt-dev libcli11-dev libxlsxwriter-dev libpqxx-dev libpq-dev
  libcairo2-dev libfontconfig-dev libpango1.0-dev libqrencode-dev libqpdf-dev zlib1g-dev
  fonts-noto-core
)
# The fuzz targets (scripts/fuzz.sh): clang-16 with its libFuzzer and sanitizer runtimes, and
# llvm-16's symbolizer for readable reports.
FUZZ_PACKAGES=(clang-16 libclang-rt-16-dev llvm-16)
# Building the Debian package (cmake/packaging.cmake): dpkg-shlibdeps computes its dependencies.
PACKAGE_PACKAGES=(dpkg-dev)
# Extra packages the test suite needs (tests, benchmarks smoke runs, format and tidy checks,
# wrk, fuzzing; adduser and systemd's systemd-analyze for the package test).
TEST_PACKAGES=(libgtest-dev libgmock-dev libbenchmark-dev clang-format-16 clang-tidy-16 wrk
               chromium libreoffice-calc-nogui "${FUZZ_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
               adduser systemd poppler-utils zbar-tools libnss3-tools)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are missing (apt-get update only when something is).
install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Node.js 18.19+ with npm: Debian 12's nodejs/npm packages are enough; a newer node is kept.
install_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    install_packages nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 18 ]; then
    echo "motcua: Node.js 18.19 or newer is needed (found $(node --version))" >&2
    exit 1
  fi
}

# npm ci in a folder whose lockfile is committed; quiet, no audit/fund noise.
npm_install() {
  (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
}

# Configures and builds the release build (build/release) with the PostgreSQL backend required,
# so that a missing libpqxx fails here rather than in front of a province's database.
build_release() {
  log "Building motcua (release, SQLite and PostgreSQL backends)"
  cmake --preset release -DMOTCUA_REQUIRE_POSTGRES=ON >/dev/null
  cmake --build --preset release "$@"
}

build_web() {
  log "Building the web application (web/dist)"
  npm_install "$MOTCUA_ROOT/web"
  (cd "$MOTCUA_ROOT/web" && npm run --silent build >/dev/null)
}

# ESLint over web/ (web/eslint.config.js); needs build_web's npm ci first.
lint_web() {
  log "Linting the web application (eslint)"
  (cd "$MOTCUA_ROOT/web" && npm run --silent lint)
}
