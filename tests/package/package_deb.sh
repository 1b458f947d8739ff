#!/usr/bin/env bash
# ctest package_deb: the Debian package of cmake/packaging.cmake, end to end.
#  1. the packaged configuration (packaging/motcua.conf) lists every setting the binary knows —
#     read from the source of truth, DescribeSettings() in src/app/config.cpp — and no other;
#  2. `cmake --build BUILD --target package` builds the .deb; dpkg-deb shows its files, their
#     modes, the conffile, the maintainer scripts and the computed dependencies;
#  3. dpkg -i installs it on this machine: the motcua user, /var/lib/motcua, the configuration
#     readable by group motcua only, the unit enabled; systemd-analyze verify accepts the units;
#  4. the binary starts exactly as the unit's ExecStart, as its User=, with its UMask= and
#     systemd's clean environment, on a free loopback port with a temporary data folder (as
#     StateDirectory= makes it); /healthz answers 200 and / the packaged web application;
#     SIGTERM (systemctl stop) ends it with exit 0;
#  5. a reinstall (the upgrade path) keeps the configuration's group, dpkg -r keeps the data,
#     dpkg --purge removes the configuration and the data.
# Usage: package_deb.sh BUILD_DIR SOURCE_DIR WEB_DIST WITH_POSTGRES(0|1). Steps 2-5 need root,
# dpkg-dev and the built web application: skipped (exit 77) without them, and when a motcua
# package is already installed here (a real installation is never touched).
set -euo pipefail
build=$1 source=$2 web_dist=$3 with_postgres=$4
started=$SECONDS
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
skip() {
    echo "SKIPPED: $*"
    exit 77
}
oneline() { tr '\n' ' ' <<<"$1"; }
step() { printf '== %s (%d s)\n' "$*" $((SECONDS - started)); }
work=$(mktemp -d)
chmod 0711 "$work" # the motcua user reaches its data folder inside
installed=0 server=
cleanup() {
    [ -z "$server" ] || kill -KILL "$server" 2>/dev/null || true
    if [ "$installed" = 1 ]; then
        dpkg --purge motcua >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "the packaged configuration lists every setting of src/app/config.cpp and connector_config.cpp"
known=$({ sed -n '/DescribeSettings() {/,/return descriptions;/p' "$source/src/app/config.cpp"
          sed -n '/DescribeConnectorSettings() {/,/return descriptions;/p' \
              "$source/src/app/connector_config.cpp"; } |
    grep -oE '^ *\{"[a-z0-9_]+",' | grep -oE '[a-z0-9_]+' | sort -u)
listed=$(grep -oE '^[#;]? ?[a-z][a-z0-9_]* =' "$source/packaging/motcua.conf" |
    grep -oE '[a-z][a-z0-9_]*' | sort -u)
[ "$(wc -l <<<"$known")" -ge 20 ] || fail "could not read the settings from src/app/config.cpp"
missing=$(comm -23 <(echo "$known") <(echo "$listed"))
unknown=$(comm -13 <(echo "$known") <(echo "$listed"))
[ -z "$missing" ] ||
    fail "packaging/motcua.conf lacks: $(oneline "$missing")(add each, commented, with its default)"
[ -z "$unknown" ] ||
    fail "packaging/motcua.conf names settings the server does not know: $(oneline "$unknown")"
echo "$(wc -l <<<"$known") settings, all listed"

[ "$(id -u)" -eq 0 ] || skip "installing the package needs root"
for tool in dpkg dpkg-deb dpkg-shlibdeps dpkg-statoverride adduser setpriv curl; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install dpkg-dev adduser curl)"
done
[ -f "$web_dist/index.html" ] || skip "$web_dist is not built (cd web && npm ci && npm run build)"
if dpkg-query -W -f='${Status}' motcua 2>/dev/null | grep -q 'ok installed\|config-files'; then
    skip "a motcua package is installed on this machine; the test leaves it alone"
fi

step "cmake --build --target package"
rm -f "$build"/motcua_*.deb
cmake --build "$build" --target package >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    fail "the package target failed"
}
debs=("$build"/motcua_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then fail "no single motcua_*.deb in $build"; fi
deb=${debs[0]}
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"

step "dpkg-deb: files, modes, control"
dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' >"$work/contents"
expect_entry() { # MODE OWNER PATH
    grep -qxF -e "$1 $2 $3" "$work/contents" ||
        fail "$3 is not in the package as $1 $2: $(grep -F " $3" "$work/contents" || echo absent)"
}
expect_entry -rwxr-xr-x root/root ./usr/bin/motcua
expect_entry -rw-r--r-- root/root ./usr/share/motcua/web/index.html
expect_entry -rw-r----- root/root ./etc/motcua/motcua.conf
expect_entry -rw-r--r-- root/root ./lib/systemd/system/motcua.service
expect_entry -rw-r--r-- root/root ./lib/systemd/system/motcua-backup.service
expect_entry -rw-r--r-- root/root ./lib/systemd/system/motcua-backup.timer
expect_entry -rw-r--r-- root/root ./usr/share/doc/motcua/copyright
[ "$(grep -c ' ./usr/share/motcua/web/assets/' "$work/contents")" -ge 2 ] ||
    fail "the web application's assets are missing"
# Nothing but these folders and their parents (no staging path of the build machine).
owned='^\./(usr/bin|usr/share/motcua|usr/share/doc/motcua|etc/motcua|lib/systemd/system)(/|$)'
parents='^\./((usr|usr/share|usr/share/doc|etc|lib|lib/systemd)/)?$'
strays=$(awk '{print $3}' "$work/contents" | grep -vE "$owned|$parents" || true)
[ -z "$strays" ] || fail "unexpected paths in the package: $(oneline "$strays")"
cmp -s "$source/deploy/systemd/motcua.service" <(dpkg-deb --fsys-tarfile "$deb" |
    tar -xO ./lib/systemd/system/motcua.service) ||
    fail "the packaged unit differs from deploy/systemd/motcua.service"
dpkg-deb -e "$deb" "$work/control"
conffiles=$(cat "$work/control/conffiles")
[ "$conffiles" = /etc/motcua/motcua.conf ] || fail "conffiles: $conffiles"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "$script is missing or not executable"
    sh -n "$work/control/$script" || fail "$script does not parse"
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in adduser libsqlite3-0 libsodium23 libicu72 fonts-noto-core libpangocairo-1.0-0 libqrencode4; do
    grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package"
done
if [ "$with_postgres" = 1 ]; then
    grep -qE "(^|, )libpqxx-6.4( |,|$)" <<<"$depends" ||
        fail "this build has the PostgreSQL backend but Depends lacks libpqxx-6.4"
fi

step "dpkg -i"
installed=1
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || {
    cat "$work/dpkg.log"
    fail "dpkg -i failed"
}
[ "$(getent passwd motcua | cut -d: -f6,7)" = /var/lib/motcua:/usr/sbin/nologin ] ||
    fail "user motcua: $(getent passwd motcua)"
getent group motcua >/dev/null || fail "no group motcua"
expect_stat() { # PATH OWNER:GROUP MODE
    [ "$(stat -c '%U:%G %a' "$1")" = "$2 $3" ] || fail "$1 is $(stat -c '%U:%G %a' "$1"), not $2 $3"
}
expect_stat /var/lib/motcua motcua:motcua 700
expect_stat /var/backups/motcua motcua:motcua 700
expect_stat /etc/motcua/motcua.conf root:motcua 640
[ "$(/usr/bin/motcua version)" = "motcua $(dpkg-deb -f "$deb" Version)" ] ||
    fail "motcua version: $(/usr/bin/motcua version)"
if command -v deb-systemd-helper >/dev/null; then
    [ -L /etc/systemd/system/multi-user.target.wants/motcua.service ] ||
        fail "motcua.service is not enabled"
fi
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/motcua.service \
        /lib/systemd/system/motcua-backup.service /lib/systemd/system/motcua-backup.timer ||
        fail "systemd-analyze verify"
    systemd-analyze security --offline=true /lib/systemd/system/motcua.service 2>/dev/null |
        grep 'Overall exposure' || true
else
    echo "systemd-analyze is absent: the units are not verified"
fi
if [ -d /run/systemd/system ]; then
    # systemd runs here: the postinst started the unit on the configured address.
    for _ in $(seq 60); do
        systemctl is-active --quiet motcua && break
        sleep 0.5
    done
    systemctl is-active --quiet motcua || {
        journalctl -u motcua --no-pager -n 30 || true
        fail "motcua.service is not active"
    }
fi

step "the unit's ExecStart as its user, on a free port"
unit=/lib/systemd/system/motcua.service
unit_value() { sed -n "s/^$1=//p" "$unit"; }
read -ra exec_start <<<"$(unit_value ExecStart)"
[ "${exec_start[0]}" = /usr/bin/motcua ] || fail "ExecStart: ${exec_start[*]}"
user=$(unit_value User)
data="$work/state"
install -d -m "$(unit_value StateDirectoryMode)" -o "$user" -g "$(unit_value Group)" "$data"
(
    cd "$data"
    umask "$(unit_value UMask)"
    exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/var/lib/motcua USER="$user" LOGNAME="$user" SHELL=/usr/sbin/nologin \
        ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
        MOTCUA_LISTEN=127.0.0.1:0 MOTCUA_DATA_DIR="$data" \
        setpriv --reuid="$user" --regid="$(unit_value Group)" --init-groups --no-new-privs \
        "${exec_start[@]}"
) >"$work/serve.log" 2>&1 &
server=$!
port=
for _ in $(seq 300); do
    port=$(sed -n 's#^MotCua is serving .* at http://127\.0\.0\.1:\([0-9]*\)/$#\1#p' \
        "$work/serve.log")
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
done
[ -n "$port" ] || {
    cat "$work/serve.log"
    fail "the server did not start"
}
echo "serving on 127.0.0.1:$port as $(ps -o user= -p "$server")"
[ "$(ps -o user= -p "$server")" = "$user" ] || fail "the server does not run as $user"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
[ "$status" = 200 ] || fail "/healthz answered $status"
curl -fsS "http://127.0.0.1:$port/" -o "$work/index.html" || fail "GET / failed"
cmp -s "$work/index.html" /usr/share/motcua/web/index.html ||
    fail "GET / is not the packaged web application"
strangers=$(find "$data" ! -user "$user" -print)
[ -z "$strangers" ] || fail "files not owned by $user: $strangers"
expect_stat "$data/motcua.db" "$user:$user" 600
kill -TERM "$server"
code=0
wait "$server" || code=$?
server=
[ "$code" = 0 ] || {
    cat "$work/serve.log"
    fail "SIGTERM: exit $code"
}

step "reinstall, remove, purge"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || {
    cat "$work/dpkg.log"
    fail "the reinstall failed"
}
expect_stat /etc/motcua/motcua.conf root:motcua 640
dpkg -r motcua >"$work/dpkg.log" 2>&1 || {
    cat "$work/dpkg.log"
    fail "dpkg -r failed"
}
if [ -e /usr/bin/motcua ] || [ ! -d /var/lib/motcua ] || [ ! -f /etc/motcua/motcua.conf ]; then
    fail "dpkg -r must remove the binary and keep the configuration and the data"
fi
dpkg --purge motcua >"$work/dpkg.log" 2>&1 || {
    cat "$work/dpkg.log"
    fail "dpkg --purge failed"
}
installed=0
for path in /etc/motcua /var/lib/motcua /var/backups/motcua /usr/share/motcua \
    /etc/systemd/system/motcua.service \
    /etc/systemd/system/multi-user.target.wants/motcua.service; do
    if [ -e "$path" ] || [ -L "$path" ]; then fail "$path is left after the purge"; fi
done
! dpkg-statoverride --list /etc/motcua/motcua.conf >/dev/null || fail "the statoverride is left"

echo "package_deb: passed in $((SECONDS - started)) s"
