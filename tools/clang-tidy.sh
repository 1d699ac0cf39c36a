#!/usr/bin/env bash
# Runs clang-tidy (the checks of .clang-tidy) over every source file of src/ on all cores, with
# the compile commands of BUILD_DIR (default build/, configured by tools/bootstrap.sh;
# CMakeLists.txt exports them). A file whose inputs are unchanged since a run found it clean is
# skipped: tools/clang_tidy_cache.py keeps the clean results, keyed by the preprocessed file,
# its compile command, .clang-tidy and the clang-tidy version, in
# ${XDG_CACHE_HOME:-~/.cache}/ccnt-clang-tidy (remove it to check everything again). A file
# with a finding is checked on every run. Prints each finding; exits 1 when there is any.
# Usage: tools/clang-tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
for tool in clang-tidy python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "clang-tidy.sh: $tool is not installed; run tools/bootstrap.sh" >&2
    exit 2
  fi
done
if [[ ! -f $build_dir/compile_commands.json ]]; then
  echo "clang-tidy.sh: no $build_dir/compile_commands.json; run tools/bootstrap.sh first" >&2
  exit 2
fi
if ! python3 tools/clang_tidy_cache.py "$PWD" "$build_dir"; then
  echo "clang-tidy.sh: findings above (checks: .clang-tidy)" >&2
  exit 1
fi
echo "clang-tidy.sh: no findings in src/" >&2
