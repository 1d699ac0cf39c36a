#!/usr/bin/env bash
# Sets up a fresh Debian bookworm machine and builds ccnt: installs the Debian
# packages ccnt needs (only those missing), configures and builds into build/.
# Quick when everything is already there.
# Usage: tools/bootstrap.sh [--with-fuzz] [--deps-only] [BUILD_DIR]
#   --with-fuzz   also install clang and its fuzzer/sanitizer runtime (tests/fuzz/run.sh)
#   --deps-only   install packages only; configure and build nothing
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
with_fuzz=0
deps_only=0
for arg in "$@"; do
  case $arg in
    --with-fuzz) with_fuzz=1 ;;
    --deps-only) deps_only=1 ;;
    *) build_dir=$arg ;;
  esac
done

packages=(build-essential cmake ninja-build pkg-config
          libyaml-cpp-dev libcli11-dev libfmt-dev catch2 libutf8proc-dev
          libkainjow-mustache-dev)
# The libFuzzer target of tests/fuzz needs clang and its runtime libraries (libFuzzer, ASan).
((with_fuzz)) && packages+=(clang libclang-rt-14-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

((deps_only)) && exit 0

if [[ ! -f $build_dir/build.ninja ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
