# Sourced by the bench/http scripts: starts the release binary on a free loopback port and
# signs in the demo desk clerk. The caller sets `work` (a temporary folder, removed by its trap,
# which also stops $server) and exports the MOTCUA_* settings it wants.

# start_motcua BINARY: creates the demo data, starts `serve` and waits for /healthz; sets
# `server` (its pid), `url` and `startup_ms` (process start to the first healthy answer).
start_motcua() {
  "$1" demo >/dev/null
  local start
  start=$(date +%s%N)
  MOTCUA_LISTEN=127.0.0.1:0 "$1" serve >"$work/server.out" 2>&1 &
  server=$!
  url=
  for _ in $(seq 1000); do
    url=$(grep -o 'http://[0-9.:]*/' "$work/server.out" || true)
    [ -n "$url" ] && break
    sleep 0.01
  done
  [ -n "$url" ] || { cat "$work/server.out"; exit 1; }
  url=${url%/}
  until curl -fsS "$url/healthz" >/dev/null 2>&1; do sleep 0.01; done
  startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}

# login_clerk: sets `token`, a bearer session of the demo desk clerk.
login_clerk() {
  token=$(curl -fsS -H 'content-type: application/json' \
    -d '{"login":"tiepnhan.bnt","password":"MotCua@2026","session":"bearer"}' \
    "$url/api/v1/auth/login" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  [ -n "$token" ] || { echo "login failed"; exit 1; }
}

# desk_codes: sets `codes`, up to 100 dossiers of the clerk's desk (comma-separated).
desk_codes() {
  codes=$(curl -fsS -H "authorization: Bearer $token" "$url/api/v1/dossiers?limit=100" \
    | grep -o '"code":"H32[^"]*"' | cut -d'"' -f4 | paste -sd, -)
  [ -n "$codes" ] || { echo "no dossiers at the desk"; exit 1; }
}
