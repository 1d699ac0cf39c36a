#!/usr/bin/env bash
# Installs ccnt for the GitHub Action (action.yml; docs/ci.md), in two steps that action.yml
# runs around actions/cache:
#
#   install.sh release   the released package for the version asked for: the .deb built for the
#                        runner's Debian or Ubuntu release when the release has one, else the
#                        static Linux tarball; each checked against the release's SHA256SUMS. A
#                        file that does not match fails the step. Writes to $GITHUB_OUTPUT:
#                        installed=true|false, and for the next step cache-key and cache-path.
#   install.sh source    when nothing was installed: ccnt built from the action's own source into
#                        cache-path (kept by actions/cache under cache-key), unless the cache
#                        brought it back.
# Both put ccnt on $GITHUB_PATH and write version= and method= (deb, static, cache, source).
#
# The version: $CCNT_INPUT_VERSION (the `version` input: 0.2.0, v0.2.0, or `source` to always
# build), else the ref the workflow uses the action at ($CCNT_ACTION_REF) when it is a release
# tag (v0.2.0, v0.2.0-rc1). A branch, a commit or `uses: ./` (no ref) builds from the source.
#
# Environment (action.yml sets it; the tests set it too):
#   CCNT_ACTION_PATH        the action's files: this repository's source at the ref used
#   CCNT_ACTION_REF         github.action_ref           CCNT_ACTION_REPOSITORY   github.action_repository
#   CCNT_INPUT_VERSION      inputs.version
#   CCNT_RELEASE_URL        where release files are (default https://github.com/<repository>/
#                           releases/download); the tests use a file:// directory
#   CCNT_OS_RELEASE         the os-release file (default /etc/os-release)
#   CCNT_INSTALL_DIR        where the tarball and source builds go (default $RUNNER_TOOL_CACHE/ccnt,
#                           else ~/.cache/ccnt-action)
#   CCNT_CACHE_PATH         (source) the cache-path the release step wrote
set -euo pipefail

say() { echo "ccnt-action: $*" >&2; }
fail() { echo "::error title=ccnt action::$*"; exit 1; }
output() { [[ -z ${GITHUB_OUTPUT:-} ]] || echo "$1=$2" >> "$GITHUB_OUTPUT"; }
add_path() {
  [[ -z ${GITHUB_PATH:-} ]] || echo "$1" >> "$GITHUB_PATH"
  export PATH="$1:$PATH"
}
as_root() {
  if ((EUID == 0)); then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else return 1; fi
}

action_path=${CCNT_ACTION_PATH:?CCNT_ACTION_PATH must name the action\'s directory}
install_dir=${CCNT_INSTALL_DIR:-${RUNNER_TOOL_CACHE:-$HOME/.cache}/ccnt-action}
os_release=${CCNT_OS_RELEASE:-/etc/os-release}
os_id=unknown os_codename=unknown
if [[ -r $os_release ]]; then
  os_id=$(sed -n 's/^ID=//p' "$os_release" | tr -d '"')
  os_codename=$(sed -n 's/^VERSION_CODENAME=//p' "$os_release" | tr -d '"')
fi

# The release version to install, or nothing (build from source).
release_version() {
  local asked=${CCNT_INPUT_VERSION:-}
  if [[ $asked == source ]]; then return 0; fi
  if [[ -z $asked && ${CCNT_ACTION_REF:-} =~ ^v[0-9]+\.[0-9]+\.[0-9]+([.+~-][0-9A-Za-z.]+)?$ ]]; then
    asked=${CCNT_ACTION_REF}
  fi
  echo "${asked#v}"
}

# True when the release's SHA256SUMS ($2) lists the file $1.
listed() {
  awk -v name="$1" '$2 == name || $2 == "*" name { found = 1 } END { exit !found }' "$2"
}

# Downloads release file $2 of version $1 into $3; returns 1 when the release has no such file.
download() {
  local version=$1 name=$2 target=$3 base
  base=${CCNT_RELEASE_URL:-https://github.com/${CCNT_ACTION_REPOSITORY:-}/releases/download}
  command -v curl >/dev/null || { say "curl is missing: cannot download the release"; return 1; }
  curl --fail --silent --show-error --location --retry 3 --proto '=https,file' \
    --output "$target" "$base/v$version/$name" 2>/dev/null
}

# Checks $2 (a downloaded file named $1) against the release's SHA256SUMS in $3.
verify() {
  local name=$1 file=$2 sums=$3 expected actual
  expected=$(awk -v name="$name" '$2 == name || $2 == "*" name { print $1 }' "$sums")
  [[ -n $expected ]] || fail "the release's SHA256SUMS does not list $name"
  actual=$(sha256sum "$file" | awk '{ print $1 }')
  [[ $actual == "$expected" ]] ||
    fail "$name does not match the release's SHA256SUMS (expected $expected, got $actual): not installed"
}

installed_version() {  # the version the ccnt at $1 reports
  "$1" --version | sed -n '1s/^ccnt //p'
}

# The cache of a build from source: one entry per source tree and runner system.
source_cache() {
  local key
  key=$(cd "$action_path" &&
        find CMakeLists.txt cmake src schemas templates completions tools/release.sh -type f \
          -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-20)
  output cache-key "ccnt-source-${os_id}-${os_codename}-$(uname -m)-$key"
  output cache-path "$install_dir/source-$key"
}

install_release() {
  local version
  version=$(release_version)
  if [[ -n $version && ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([.+~-][0-9A-Za-z.]+)?$ ]]; then
    fail "version '$version' is not a release version such as 0.2.0 (or 'source')"
  fi
  source_cache
  if [[ -z $version ]]; then
    say "the action is used at '${CCNT_ACTION_REF:-this checkout}', not at a release tag: ccnt is built from its source"
    output installed false
    return 0
  fi
  local work
  work=$(mktemp -d)
  if ! download "$version" SHA256SUMS "$work/SHA256SUMS"; then
    say "no release v$version to download: ccnt is built from the action's source"
    output installed false
    return 0
  fi
  local arch deb
  arch=$(dpkg --print-architecture 2>/dev/null || echo unknown)
  deb=ccnt_${version}_${os_id}-${os_codename}_${arch}.deb
  if command -v apt-get >/dev/null && listed "$deb" "$work/SHA256SUMS" &&
     download "$version" "$deb" "$work/$deb"; then
    verify "$deb" "$work/$deb" "$work/SHA256SUMS"
    say "installing $deb"
    # Its dependencies (yaml-cpp, fmt, utf8proc) come from the system's archive.
    if as_root apt-get update -qq >&2 &&
       as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/$deb" >&2; then
      [[ $(installed_version /usr/bin/ccnt) == "$version" ]] || fail "the package does not say version $version"
      output installed true
      output method deb
      output version "$version"
      return 0
    fi
    say "could not install $deb (no root, or its dependencies); trying the static binary"
  fi
  local tarball
  tarball=ccnt-${version}-linux-$(uname -m)
  if download "$version" "$tarball.tar.gz" "$work/$tarball.tar.gz"; then
    verify "$tarball.tar.gz" "$work/$tarball.tar.gz" "$work/SHA256SUMS"
    mkdir -p "$install_dir"
    rm -rf "${install_dir:?}/$tarball"
    tar -xzf "$work/$tarball.tar.gz" -C "$install_dir"
    [[ $(installed_version "$install_dir/$tarball/bin/ccnt") == "$version" ]] ||
      fail "$tarball.tar.gz does not hold ccnt $version"
    add_path "$install_dir/$tarball/bin"
    say "installed $tarball.tar.gz in $install_dir"
    output installed true
    output method static
    output version "$version"
    return 0
  fi
  say "release v$version has neither $deb nor $tarball.tar.gz: ccnt is built from the action's source"
  output installed false
}

install_source() {
  local cache=${CCNT_CACHE_PATH:?CCNT_CACHE_PATH must name the cache-path of the release step}
  if [[ -x $cache/bin/ccnt ]] && "$cache/bin/ccnt" --version >/dev/null 2>&1; then
    add_path "$cache/bin"
    say "ccnt $(installed_version "$cache/bin/ccnt") from the cache"
    output method cache
    output version "$(installed_version "$cache/bin/ccnt")"
    return 0
  fi
  say "building ccnt from $action_path (static, so that the cached binary needs no library)"
  "$action_path/tools/bootstrap.sh" --build-only --deps-only >&2
  local work
  work=$(mktemp -d)
  "$action_path/tools/release.sh" --static -o "$work" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  tar -xzf "$work"/ccnt-*-linux-*.tar.gz -C "$cache" --strip-components=1
  add_path "$cache/bin"
  output method source
  output version "$(installed_version "$cache/bin/ccnt")"
}

case ${1:-} in
  release) install_release ;;
  source) install_source ;;
  *) echo "usage: install.sh release|source (see the comment at its top)" >&2; exit 2 ;;
esac
