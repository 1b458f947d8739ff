#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, the fuzz preset: clang-16, ASan+UBSan) and runs each for
# FUZZ_SECONDS (default 30), FUZZ_JOBS (default 2, at most 2) targets at a time, from the seeds in
# fuzz/corpus/NAME and what earlier runs found (build/fuzz/corpus/NAME). A crash, sanitizer
# report, leak, slow input (over 10 s) or memory blow-up (over 2 GB) fails the run (exit 1) and
# prints the input that did it and the command that replays it. scripts/test.sh calls it;
# tests/README.md, "Fuzzing", says how to run one target and turn a crash into a regression test.
#   bash scripts/fuzz.sh                                # every target
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh multipart     # one target, longer
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MOTCUA_ROOT"
started=$SECONDS
seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-2}
[ "$jobs" -ge 1 ] && [ "$jobs" -le 2 ] || { echo "fuzz: FUZZ_JOBS is 1 or 2" >&2; exit 2; }

install_packages "${FUZZ_PACKAGES[@]}"
log "Building the fuzz targets (clang-16, libFuzzer, ASan+UBSan)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
build_seconds=$((SECONDS - started))

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cd fuzz && ls ./*_fuzz.cpp | sed 's|^\./||; s|_fuzz\.cpp$||')
fi
out=build/fuzz/runs
rm -rf "$out"
mkdir -p "$out"
export ASAN_OPTIONS=detect_leaks=1:detect_odr_violation=2:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
symbolizer=/usr/lib/llvm-16/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer

# The targets whose input is JSON text, which share the syntax dictionary.
json_targets="json_body history_line catalog_import"

# Runs target $1 for $seconds; its log, status and crash files go to $out/$1.
run_target() {
  local name=$1 binary=build/fuzz/fuzz/fuzz_$1 dict=$out/$1/dict
  mkdir -p "$out/$name/artifacts" "build/fuzz/corpus/$name"
  : >"$dict"
  case " $json_targets " in *" $name "*) cat fuzz/dict/json.dict >>"$dict" ;; esac
  [ -f "fuzz/dict/$name.dict" ] && cat "fuzz/dict/$name.dict" >>"$dict"
  local status=0
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$name/artifacts/" -dict="$dict" \
    "build/fuzz/corpus/$name" "fuzz/corpus/$name" >"$out/$name/log" 2>&1 || status=$?
  echo "$status" >"$out/$name/status"
}

log "Fuzzing ${#targets[@]} targets for ${seconds} s each, ${jobs} at a time"
for name in "${targets[@]}"; do
  [ -x "build/fuzz/fuzz/fuzz_$name" ] || { echo "fuzz: no target $name" >&2; exit 2; }
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "$name" &
done
wait

failed=0
for name in "${targets[@]}"; do
  stats=$(awk '/stat::number_of_executed_units/ {runs = $2} /stat::new_units_added/ {found = $2}
               END {printf "%s runs, %s new inputs", runs, found}' "$out/$name/log")
  printf '  %-16s %s\n' "$name" "$stats"
  if [ "$(cat "$out/$name/status")" != 0 ]; then
    failed=1
    echo "fuzz: $name FAILED; its report (full log: $out/$name/log):"
    grep -m1 -A40 -E '^==[0-9]+==|runtime error|ERROR: libFuzzer|assertion failed|terminate called' \
      "$out/$name/log" || tail -n 40 "$out/$name/log"
    for input in "$out/$name"/artifacts/*; do
      [ -f "$input" ] || continue
      echo "fuzz: the input ($input), first 512 bytes (cat -v):"
      head -c 512 "$input" | cat -v
      echo
      echo "fuzz: replay it with: build/fuzz/fuzz/fuzz_$name $input"
      echo "fuzz: then fix it, add it to fuzz/corpus/$name/ and a unit test (tests/README.md)"
    done
  fi
done
log "Fuzzing done in $((SECONDS - started)) s (build ${build_seconds} s)"
exit "$failed"
