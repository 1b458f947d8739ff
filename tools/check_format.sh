#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format-16's output (the pinned version).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
clang-format-16 --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files clean"
