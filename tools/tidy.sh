#!/usr/bin/env bash
# clang-tidy-16 with the repository's .clang-tidy over the project's .cpp files, using the debug
# preset's compile database (build/debug/compile_commands.json; `cmake --preset debug` writes it).
#   tools/tidy.sh           files changed since the commit in tools/tidy-baseline (the last
#                           all-clean full run): committed, staged, unstaged and untracked
#   tools/tidy.sh --all     every .cpp under src/, tests/ and bench/ in the compile database
#   tools/tidy.sh FILE...   the given .cpp files
# A changed header tidies the .cpp files beside it and those that include it by name; a change
# to .clang-tidy or to this script tidies everything. With an unknown baseline (a shallow
# clone), it falls back to --all. Exits non-zero on any finding (WarningsAsErrors: '*').
# MOTCUA_TIDY_JOBS sets the parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

build=build/debug
jobs=${MOTCUA_TIDY_JOBS:-2}
tidy=${CLANG_TIDY:-clang-tidy-16}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json missing; run 'cmake --preset debug' first" >&2
  exit 2
fi

# The project's .cpp files the compile database knows, relative to the root.
mapfile -t known < <(python3 - "$build/compile_commands.json" "$root" <<'EOF'
import json, os, sys
root = sys.argv[2] + "/"
for entry in json.load(open(sys.argv[1])):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    if path.startswith(root):
        rel = path[len(root):]
        if rel.split("/")[0] in ("src", "tests", "bench") and rel.endswith(".cpp"):
            print(rel)
EOF
)
declare -A in_database=()
for file in "${known[@]}"; do in_database[$file]=1; done

changed_files() {  # Paths changed since the baseline, or "ALL" when everything must be tidied.
  local baseline
  baseline=$(tr -d '[:space:]' < tools/tidy-baseline 2>/dev/null || true)
  if [ -z "$baseline" ] || ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
    echo "tidy: baseline '${baseline:-none}' not in this clone's history; checking all" >&2
    echo ALL
    return
  fi
  { git diff --name-only "$baseline" HEAD; git diff --name-only HEAD;
    git ls-files --others --exclude-standard; } | sort -u
}

mode=changed
declare -a requested=()
if [ $# -gt 0 ] && [ "$1" = --all ]; then
  mode=all
elif [ $# -gt 0 ]; then
  mode=files; requested=("$@")
else
  mapfile -t requested < <(changed_files)
  if [ "${requested[*]-}" = ALL ]; then mode=all; requested=(); fi
  for path in "${requested[@]}"; do
    case $path in .clang-tidy | tools/tidy.sh) mode=all ;; esac
  done
fi

declare -A selected=()
if [ "$mode" = all ]; then
  for file in "${known[@]}"; do selected[$file]=1; done
else
  for path in "${requested[@]}"; do
    path=${path#./}
    case $path in
      *.cpp) selected[$path]=1 ;;
      src/*.hpp | tests/*.hpp | bench/*.hpp)
        # Beside the header, and anywhere it is included by its path under src/ (or tests/).
        include=${path#src/}; include=${include#tests/}
        for file in "${known[@]}"; do
          if [ "${file%/*}" = "${path%/*}" ]; then selected[$file]=1; fi
        done
        while IFS= read -r file; do selected[$file]=1; done \
          < <(git grep -l -F "#include \"$include\"" -- 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp' \
                || true)
        ;;
    esac
  done
fi

files=()
for file in "${!selected[@]}"; do
  if [ -n "${in_database[$file]-}" ] && [ -f "$file" ]; then
    files+=("$file")
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  echo "tidy: no files to check ($mode mode)"
  exit 0
fi
mapfile -t files < <(printf '%s\n' "${files[@]}" | sort)

echo "tidy: checking ${#files[@]} files ($mode mode, $jobs jobs, $("$tidy" --version \
  | grep -o 'version [0-9.]*'))"
started=$SECONDS
# One process per file; each file's output is printed whole, and only when it has findings.
# Findings in headers are reported for those under src/ (HeaderFilterRegex in .clang-tidy).
status=0
# Tests dereference optionals they have just asserted on, which bugprone-unchecked-optional-access
# cannot see through gtest's ASSERT/EXPECT macros: the check is off for tests and benchmarks.
# shellcheck disable=SC2016  # $0..$2 are expanded by sh -c, not here.
printf '%s\0' "${files[@]}" | xargs -0 -n 1 -P "$jobs" sh -c '
  case $2 in
    *_test.cpp | tests/* | bench/*) checks=-bugprone-unchecked-optional-access ;;
    *) checks= ;;
  esac
  out=$("$0" -p "$1" --quiet ${checks:+--checks="$checks"} "$2" 2>&1) && exit 0
  printf "%s\n" "$out" | grep -v -e "^[0-9]* warnings\? \(and [0-9]* errors\? \)\?generated\.$"
  exit 1' "$tidy" "$build" || status=$?
elapsed=$((SECONDS - started))
if [ "$status" -ne 0 ]; then
  echo "tidy: findings in ${#files[@]} files checked in ${elapsed} s (see above)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files clean in ${elapsed} s"
