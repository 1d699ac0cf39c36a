#!/usr/bin/env bash
# Sets up a fresh Debian bookworm machine and builds ccnt: installs the Debian
# packages that the build and every test need (only those missing), configures
# and builds into build/. Quick when everything is already there. Runs as root,
# or as a user with sudo. tests/fresh_machine/run.sh checks, on a bare bookworm
# root, that nothing is missing here.
# Usage: tools/bootstrap.sh [--with-fuzz] [--build-only] [--deps-only] [BUILD_DIR]
#   --with-fuzz   also install clang and its fuzzer/sanitizer runtime (tests/fuzz/run.sh)
#   --build-only  only the packages the build needs, none for the tests (the GitHub Action's
#                 build from source on a runner, tools/action/install.sh)
#   --deps-only   install packages only; configure and build nothing
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
with_fuzz=0
deps_only=0
build_only=0
for arg in "$@"; do
  case $arg in
    --with-fuzz) with_fuzz=1 ;;
    --deps-only) deps_only=1 ;;
    --build-only) build_only=1 ;;
    *) build_dir=$arg ;;
  esac
done

# The build: compiler, CMake, Ninja, ccache (CMakeLists.txt compiles through it: a rebuild or
# a new build directory reuses earlier results) and the libraries (CMakeLists.txt finds each
# by name; libxlsxwriter-dev writes the workbooks of --format xlsx — its pkg-config file links
# -lz, but the package does not pull in zlib1g-dev, so it is named here —, libcmark-gfm-dev and
# libcmark-gfm-extensions-dev turn the bulletins into the website's HTML).
packages=(build-essential cmake ninja-build ccache pkg-config
          libyaml-cpp-dev libcli11-dev libfmt-dev libutf8proc-dev libkainjow-mustache-dev
          libxlsxwriter-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev)
build_packages=("${packages[@]}")
# The tests: Catch2 and nlohmann-json (unit tests); python3 (interactive.new); groff-base
# (man.renders); shellcheck, zsh and fish (completion.*); and for .ci/run: file (cpack's
# DEB generator), man-db (tests/package/test_deb.sh), debootstrap (tests/fresh_machine) and
# clang-tidy (tools/clang-tidy.sh).
packages+=(catch2 nlohmann-json3-dev python3 groff-base shellcheck zsh fish
           file man-db debootstrap clang-tidy)
# The website's tests (tests/site): chromium and chromium-driver drive the pages in a real
# headless browser, fonts-wqy-zenhei lets its screenshots show Chinese, tidy checks that every
# page is well-formed HTML.
packages+=(chromium chromium-driver fonts-wqy-zenhei tidy)
# ccnt diff runs git (and its tests build scratch repositories); the schema tests validate with
# an independent validator (tests/schema/schema_test.py: python3-jsonschema, python3-yaml); the
# editor test (tests/editor/lsp_test.py) runs yaml-language-server on Node.js (Debian's nodejs
# and npm, unless the machine has Node.js and npm already, e.g. from another source).
packages+=(git python3-jsonschema python3-yaml)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# python3-openpyxl reads the workbooks of --format xlsx back (xlsx.workbooks, tests/xlsx/).
packages+=(python3-openpyxl)
# The tests of what data repositories adopt (cmake/maintainer_tests.cmake): pre-commit (the
# hooks, run by the real pre-commit from a scratch git repository), curl (the action's
# installer, on file:// URLs); git and python3-yaml are above.
packages+=(pre-commit curl)
((build_only)) && packages=("${build_packages[@]}")
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
  # Other set-ups may hold the dpkg lock; wait for it rather than fail.
  apt=(apt-get -o DPkg::Lock::Timeout=600)
  "${sudo[@]}" "${apt[@]}" update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# yaml-language-server for tests/editor, from the npm registry, at the versions (and hashes)
# of tests/editor/package-lock.json; again only when the lock file changed.
if [[ ! -x tests/editor/node_modules/.bin/yaml-language-server ||
      tests/editor/package-lock.json -nt tests/editor/node_modules/.package-lock.json ]]; then
  echo "bootstrap: installing tests/editor/node_modules (npm ci)" >&2
  (cd tests/editor && npm ci --silent --no-audit --no-fund >/dev/null)
fi

((deps_only)) && exit 0

if [[ ! -f $build_dir/build.ninja ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
