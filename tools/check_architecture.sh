#!/usr/bin/env bash
# A newcomer's tour stays true: the module diagram in docs/architecture.md (the mermaid block
# under "Modules and their arrows") must list exactly the arrows of src/CMakeLists.txt (each
# motcua_module's DEPS on other motcua:: modules, and target_link_libraries between them), and
# its include table exactly the rules of tools/check_layers.sh. Prints what differs; exit 1 then.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Arrows drawn in the diagram: "  a --> b".
awk '/^#+ .*Modules and their arrows/ {section = 1} section && /^```mermaid/ {block = 1; next}
     block && /^```/ {exit} block && $2 == "-->" {print $1 " " $3}' docs/architecture.md |
  sort -u >"$tmp/drawn"

# Arrows in CMake: DEPS of each motcua_module(NAME …), and target_link_libraries(motcua_NAME …).
awk '
  /motcua_module\(/ {
    sub(/.*motcua_module\(/, ""); module = $1; inside = 1; deps = 0
    if ($0 ~ /\)/) { inside = 2 }
    line = $0
  }
  inside {
    if (!line) line = $0
    n = split(line, words, /[ \t()]+/)
    for (i = 1; i <= n; i++) {
      if (words[i] == "DEPS") deps = 1
      else if (words[i] ~ /^(SOURCES|TESTS|TEST_DEPS)$/) deps = 0
      else if (deps && words[i] ~ /^motcua::/) { sub(/^motcua::/, "", words[i]); print module " " words[i] }
    }
    if (inside == 2 || line ~ /\)[ \t]*$/) inside = 0
    line = ""
  }
  /target_link_libraries\(motcua_[a-z_]+ (PUBLIC|PRIVATE|INTERFACE) motcua::/ {
    match($0, /motcua_[a-z_]+/); from = substr($0, RSTART + 7, RLENGTH - 7)
    match($0, /motcua::[a-z_]+/); print from " " substr($0, RSTART + 8, RLENGTH - 8)
  }' src/CMakeLists.txt | sort -u >"$tmp/built"

# Include rules: "check FOLDER 'a|b|c'" in check_layers.sh and "| folder | a, b, c |" rows of
# the table under "Include rules" in the doc (both without the folder itself).
awk '$1 == "check" && NF == 3 {gsub(/\x27/, "", $3); n = split($3, a, "|");
     for (i = 1; i <= n; i++) if (a[i] != $2) print $2 " " a[i]}' tools/check_layers.sh |
  sort -u >"$tmp/rules"
awk '/^#+ .*Include rules/ {t = 1; next} t && /^#/ {exit}
     t && /^\| *[a-z_]+ *\|/ {split($0, c, "|"); gsub(/ /, "", c[2]); gsub(/ /, "", c[3]); if (c[2] == "folder") next;
       n = split(c[3], a, ","); for (i = 1; i <= n; i++) if (a[i] != c[2] && a[i] != "—") print c[2] " " a[i]}' \
  docs/architecture.md | sort -u >"$tmp/documented"

status=0
compare() {  # compare NAME-OF-A FILE-A NAME-OF-B FILE-B
  if ! diff -q "$2" "$4" >/dev/null; then
    echo "architecture: $1 and $3 differ:"
    diff "$2" "$4" | sed -n "s|^< |  only in $1: |p; s|^> |  only in $3: |p"
    status=1
  fi
}
[ -s "$tmp/drawn" ] || { echo "architecture: no diagram found in docs/architecture.md"; exit 1; }
[ -s "$tmp/documented" ] || { echo "architecture: no include table in docs/architecture.md"; exit 1; }
compare "the diagram" "$tmp/drawn" "src/CMakeLists.txt" "$tmp/built"
compare "the include table" "$tmp/documented" "tools/check_layers.sh" "$tmp/rules"
[ $status -eq 0 ] && echo "architecture: the diagram and the include rules match the build ($(wc -l <"$tmp/built") arrows)"
exit $status
