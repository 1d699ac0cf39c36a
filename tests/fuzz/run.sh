#!/usr/bin/env bash
# Builds the libFuzzer target in build-fuzz (clang, ASan+UBSan) and runs it for a bounded time
# on the seed corpus; a crash, hang, leak or sanitizer report fails the run, and the input that
# caused it is left in build-fuzz/fuzz-artifacts/. Installs clang and its fuzzer runtime when
# they are missing.
#
# Usage: tests/fuzz/run.sh [SECONDS] [BUILD_DIR]   (default 60 s, build-fuzz)
# To keep a crashing input as a regression test, copy it to tests/fuzz/regressions/
# (tests/unit/fuzz_regressions_test.cpp parses every file there).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${2:-build-fuzz}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "tests/fuzz/run.sh: SECONDS must be a whole number" >&2; exit 2; }

tools/bootstrap.sh --with-fuzz --deps-only

if [[ ! -f $build/build.ninja ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCCNT_FUZZ=ON -DCCNT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target ccnt_policy_fuzzer

# The seed corpus stays as committed; what the fuzzer learns goes to a scratch corpus. It runs
# inside the build directory, where libFuzzer leaves its per-worker logs.
root=$PWD
cd "$build"
mkdir -p fuzz-corpus fuzz-artifacts
rm -f fuzz-*.log fuzz-artifacts/*
jobs=$(nproc)
echo "fuzz: running for ${seconds}s on $jobs workers" >&2
if ! ./ccnt_policy_fuzzer fuzz-corpus "$root/tests/fuzz/corpus" "$root/tests/fuzz/regressions" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -jobs="$jobs" -workers="$jobs" -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ \
    >fuzz.log 2>&1 || [[ -n $(ls fuzz-artifacts) ]]; then
  tail -n 60 fuzz-*.log >&2 || true
  echo "fuzz: FAILED; the input is in $build/fuzz-artifacts/ (keep it in tests/fuzz/regressions/)" >&2
  exit 1
fi
grep -h "stat::number_of_executed_units" fuzz-*.log >&2 || true
echo "fuzz: no crash, hang, leak or disagreement in ${seconds}s" >&2
