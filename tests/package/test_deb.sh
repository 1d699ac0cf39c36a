#!/usr/bin/env bash
# Builds the Debian package, installs it, runs the installed ccnt on a copy of
# the policies outside the source tree (so it must find its installed schemas
# and template), then removes the package.
#
#   tests/package/test_deb.sh [BUILD_DIR]     (default: build-package)
#
# Needs root for dpkg -i / dpkg -r and a machine where a ccnt package may be
# installed and removed; without root it says it is skipped and exits 77, which
# .ci/run counts as a failure. It refuses to run when a ccnt package is already
# installed. Every tool it uses must be there (tools/bootstrap.sh installs them):
# a check is never left out because a tool is missing.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-$source_dir/build-package}

say() { echo "test_deb: $*"; }
fail() { echo "test_deb: FAIL: $*" >&2; exit 1; }

if ((EUID != 0)); then
  say "skipped: installing the package needs root (dpkg -i); run as root on a disposable machine"
  exit 77
fi
if dpkg-query -W -f='${Status}' ccnt 2>/dev/null | grep -q "install ok installed"; then
  fail "a ccnt package is already installed; remove it first (dpkg -r ccnt)"
fi
for tool in cpack dpkg-deb dpkg-shlibdeps file man; do
  command -v "$tool" >/dev/null || fail "$tool is missing (tools/bootstrap.sh installs it)"
done

say "building in $build_dir (prefix /usr)"
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX=/usr -DCCNT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" -j "$(nproc)" >/dev/null
rm -f "$build_dir"/ccnt_*.deb
(cd "$build_dir" && cpack -G DEB >/dev/null)
deb=$(ls "$build_dir"/ccnt_*.deb)
say "built $(basename "$deb")"

# The version from the release tag (cmake/version.cmake), or the -DCCNT_VERSION of the build.
expected_version=$(cmake -DSOURCE_DIR="$source_dir" \
  -DCCNT_VERSION="$(sed -n 's/^CCNT_VERSION:STRING=//p' "$build_dir/CMakeCache.txt")" \
  -P "$source_dir/cmake/version.cmake")
version=$(dpkg-deb -f "$deb" Version)
[[ $version == "$expected_version" ]] ||
  fail "the package's version is $version, the source's $expected_version"
depends=$(dpkg-deb -f "$deb" Depends)
say "Depends: $depends"
# The libraries by name, whatever their version (bookworm: libyaml-cpp0.7, libfmt9, libutf8proc2,
# libxlsxwriter4; tools/release.sh builds the package on Ubuntu too).
for library in libyaml-cpp0. libfmt libutf8proc libxlsxwriter libc6 libstdc++6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/ccnt \
            ./usr/share/ccnt/schemas/policy.schema.json \
            ./usr/share/ccnt/schemas/regions.yaml \
            ./usr/share/ccnt/schemas/sectors.yaml \
            ./usr/share/ccnt/schemas/indicators.yaml \
            ./usr/share/ccnt/schemas/series.yaml \
            ./usr/share/bash-completion/completions/ccnt \
            ./usr/share/zsh/vendor-completions/_ccnt \
            ./usr/share/fish/vendor_completions.d/ccnt.fish \
            ./usr/share/man/man1/ccnt.1; do
  grep -qxF -- "$path" <<<"$contents" || fail "the package lacks $path"
done

work=$(mktemp -d)
cleanup() {
  dpkg -r ccnt >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
say "installed"

cp -r "$source_dir/policies" "$work/"  # the data without schemas/ beside it
[[ ! -e $work/schemas ]] || fail "the copy must not bring schemas/"
cd "$work"
unset CCNT_ROOT
export NO_COLOR=1
/usr/bin/ccnt --version
[[ $(/usr/bin/ccnt --version | head -1) == "ccnt $version" ]] ||
  fail "ccnt --version does not print the package's version, $version"
output=$(/usr/bin/ccnt validate) || fail "ccnt validate failed: $output"
echo "$output"
[[ $output == *"no problems found"* ]] || fail "ccnt validate reported problems"
/usr/bin/ccnt report --month 2023-03 >/dev/null || fail "ccnt report (built-in template)"
/usr/bin/ccnt list --region 浙江 --format ids | grep -q zhejiang || fail "ccnt list --region 浙江"
man -w ccnt >/dev/null || fail "man does not find ccnt(1)"
bash -c 'source /usr/share/bash-completion/completions/ccnt && complete -p ccnt' >/dev/null ||
  fail "the installed bash completion does not load"

cd /
dpkg -r ccnt >/dev/null || fail "dpkg -r ccnt"
[[ ! -e /usr/bin/ccnt && ! -e /usr/share/ccnt ]] || fail "dpkg -r left files behind"
say "removed; all checks passed"
