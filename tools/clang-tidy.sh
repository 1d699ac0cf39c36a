#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy) over every source file of src/ on two threads,
# with the compile commands of BUILD_DIR (default build/, configured by tools/bootstrap.sh;
# CMakeLists.txt exports them). Prints each finding; exits 1 when there is any.
# Usage: tools/clang-tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
if ! command -v run-clang-tidy >/dev/null; then
  echo "clang-tidy.sh: clang-tidy is not installed; run tools/bootstrap.sh" >&2
  exit 2
fi
if [[ ! -f $build_dir/compile_commands.json ]]; then
  echo "clang-tidy.sh: no $build_dir/compile_commands.json; run tools/bootstrap.sh first" >&2
  exit 2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run-clang-tidy -quiet -p "$build_dir" -j 2 "^$PWD/src/" >"$log" 2>&1 || status=$?
# The findings, without the command lines and counts run-clang-tidy prints around them.
grep -v -e '^clang-tidy' -e '^Running clang-tidy' -e '^[0-9]* warnings\? generated' \
  -e '^Suppressed [0-9]* warnings' -e '^Use -header-filter' "$log" || true
if ((status != 0)); then
  echo "clang-tidy.sh: findings above (checks: .clang-tidy)" >&2
  exit 1
fi
echo "clang-tidy.sh: no findings in src/" >&2
