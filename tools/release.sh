#!/usr/bin/env bash
# Builds ccnt's release artefacts into one directory; the release workflow
# (.github/workflows/release.yml) only calls this script, so a release can be rebuilt and checked
# on any Debian or Ubuntu machine (docs/install.md#releases):
#   ccnt_<version>_<os>-<codename>_<arch>.deb  the Debian package for this machine's Debian or
#                                              Ubuntu release (cmake/packaging.cmake), e.g.
#                                              ccnt_0.2.0_debian-bookworm_amd64.deb
#   ccnt-<version>-linux-<machine>.tar.gz      a statically linked ccnt with its schemas,
#                                              completions and manual page, for any Linux, e.g.
#                                              ccnt-0.2.0-linux-x86_64.tar.gz
#   SHA256SUMS                                 their checksums, for `sha256sum -c SHA256SUMS`
#
# Usage: tools/release.sh [--version X.Y.Z] [--deb] [--static] [--test] [-o DIR]
#   --version X.Y.Z  the version (default: from the git tag, cmake/version.cmake); the release
#                    workflow passes its tag's, since a shallow checkout has no tags to describe
#   --deb, --static  build only these (default: both)
#   --test           also install the package and check it (tests/package/test_deb.sh: needs
#                    root, on a machine where installing a package is harmless)
#   -o DIR           where the artefacts go (default: build-release/dist); build directories
#                    are build-release/deb and build-release/static
# The static tarball is always checked: unpacked elsewhere, its ccnt must report the version and
# validate the bundled policies with the schemas beside it and none installed.
# Build dependencies: tools/bootstrap.sh --deps-only (or --build-only for the build alone).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
out=$source_dir/build-release/dist
version=""
want_deb=0 want_static=0 want_test=0
while (($#)); do
  case $1 in
    --version) version=${2:?--version needs X.Y.Z}; shift ;;
    --deb) want_deb=1 ;;
    --static) want_static=1 ;;
    --test) want_test=1 ;;
    -o) out=${2:?-o needs a directory}; shift ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "release: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((want_deb || want_static)) || want_deb=1 want_static=1

say() { echo "release: $*" >&2; }
fail() { echo "release: FAIL: $*" >&2; exit 1; }

version=${version#v}
version=$(cmake -DSOURCE_DIR="$source_dir" -DCCNT_VERSION="$version" -P "$source_dir/cmake/version.cmake")
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || say "warning: $version is not a release version (no tag vX.Y.Z)"
if git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1 &&
   [[ -n $(git -C "$source_dir" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  say "warning: the tree has uncommitted changes: these artefacts are not those of a commit"
fi
# Reproducible archives: every file dated at the commit (or now, outside git).
epoch=$(git -C "$source_dir" log -1 --format=%ct 2>/dev/null || date +%s)
mkdir -p "$out"
out=$(cd "$out" && pwd)
builds=$source_dir/build-release
export SOURCE_DATE_EPOCH=$epoch

configure() {  # BUILD_DIR [cmake options...]
  local dir=$1
  shift
  cmake -S "$source_dir" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCNT_BUILD_TESTS=OFF \
    -DCCNT_VERSION="$version" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)" >/dev/null
  local built
  built=$("$dir/ccnt" --version | head -n 1)
  [[ $built == "ccnt $version" ]] || fail "$dir/ccnt says '$built', not 'ccnt $version'"
}

artefacts=()
if ((want_deb)); then
  # Which Debian or Ubuntu release the package is for: it depends on that release's libraries.
  # shellcheck source=/dev/null
  os=$(. /etc/os-release && echo "${ID}-${VERSION_CODENAME:-unknown}")
  arch=$(dpkg --print-architecture)
  say "building the Debian package for $os ($arch)"
  configure "$builds/deb" -DCMAKE_INSTALL_PREFIX=/usr
  rm -f "$builds/deb"/ccnt_*.deb
  (cd "$builds/deb" && cpack -G DEB >/dev/null)
  deb=$(ls "$builds/deb"/ccnt_*.deb)
  [[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "$deb is not version $version"
  name=ccnt_${version}_${os}_${arch}.deb
  cp "$deb" "$out/$name"
  artefacts+=("$name")
  if ((want_test)); then
    say "testing the package (tests/package/test_deb.sh)"
    "$source_dir/tests/package/test_deb.sh" "$builds/deb"
  fi
fi

if ((want_static)); then
  machine=$(uname -m)
  name=ccnt-${version}-linux-${machine}
  say "building the static binary ($name)"
  configure "$builds/static" -DCCNT_STATIC=ON -DCMAKE_INSTALL_PREFIX=/usr/local
  # A static executable names no program interpreter (ld-linux.so) and needs no library.
  ! readelf --program-headers "$builds/static/ccnt" | grep -q INTERP ||
    fail "$builds/static/ccnt is not statically linked"
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  cmake --install "$builds/static" --prefix "$stage/$name" --strip >/dev/null
  cp "$source_dir/README.md" "$stage/$name/"
  # Checked where nothing of ccnt is installed: the schemas come from beside the binary.
  mkdir "$stage/data" "$stage/elsewhere"
  cp -r "$source_dir/policies" "$stage/data/"
  mv "$stage/$name" "$stage/elsewhere/"
  report=$(cd "$stage/data" && env -u CCNT_DATA_DIR -u CCNT_ROOT NO_COLOR=1 \
    "$stage/elsewhere/$name/bin/ccnt" validate) || fail "the static ccnt's validate failed: $report"
  [[ $report == *"no problems found"* ]] || fail "the static ccnt reports problems: $report"
  [[ $("$stage/elsewhere/$name/bin/ccnt" --version | head -n 1) == "ccnt $version" ]] ||
    fail "the static ccnt does not say version $version"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -C "$stage/elsewhere" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
  artefacts+=("$name.tar.gz")
fi

(cd "$out" && sha256sum "${artefacts[@]}" > SHA256SUMS && sha256sum -c --quiet SHA256SUMS)
say "wrote to $out:"
(cd "$out" && ls -l "${artefacts[@]}" SHA256SUMS) >&2
