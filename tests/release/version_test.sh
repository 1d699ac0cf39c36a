#!/usr/bin/env bash
# The version has one source, the release tag (cmake/version.cmake). Checks what `ccnt --version`
# prints against the build's version file, then the version script on scratch repositories:
# on a tag, after it, without a tag, in a `git archive` tarball (no .git), in a plain copy, inside
# another repository, and with -DCCNT_VERSION.
#
#   version_test.sh CCNT SOURCE_DIR BUILT_VERSION_FILE
set -euo pipefail
ccnt=$1 source_dir=$2 built=$3
fail() { echo "version_test: FAIL: $*" >&2; exit 1; }

expected="ccnt $(cat "$built")"
[[ $("$ccnt" --version | head -n 1) == "$expected" ]] ||
  fail "ccnt --version prints '$("$ccnt" --version | head -n 1)', the build says '$expected'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME=$work  # no user's git configuration
git config --global user.email test@example.org
git config --global user.name test
git config --global init.defaultBranch main

version_of() {  # DIR [cmake -D...]: what cmake/version.cmake says for the tree at DIR
  local dir=$1
  shift
  cmake -DSOURCE_DIR="$dir" "$@" -P "$source_dir/cmake/version.cmake" 2>"$work/stderr"
}
expect() {  # WHAT EXPECTED ACTUAL
  [[ $3 == "$2" ]] || fail "$1: expected '$2', got '$3' ($(cat "$work/stderr"))"
}

repo=$work/repo
mkdir -p "$repo/cmake"
cp "$source_dir/cmake/version.cmake" "$source_dir/cmake/version_archive.txt" "$repo/cmake/"
cp "$source_dir/.gitattributes" "$repo/"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" commit -qm first
commit=$(git -C "$repo" rev-parse --short=7 HEAD)
expect "a repository without a tag" "0.0.0+g$commit" "$(version_of "$repo")"

git -C "$repo" archive --prefix=untagged/ HEAD | tar -x -C "$work"
expect "git archive without a tag" "0.0.0+g$commit" "$(version_of "$work/untagged")"

git -C "$repo" tag -a v9.8.7 -m "release 9.8.7"
expect "on the tag" "9.8.7" "$(version_of "$repo")"
git -C "$repo" tag not-a-version  # tags not of the form vX.Y.Z are not versions
expect "a later tag that is no version" "9.8.7" "$(version_of "$repo")"

git -C "$repo" archive --prefix=tarball/ v9.8.7 | tar -x -C "$work"
[[ ! -e $work/tarball/.git ]] || fail "the archive holds .git"
expect "git archive of the tag (no .git)" "9.8.7" "$(version_of "$work/tarball")"

git -C "$repo" commit -q --allow-empty -m second
git -C "$repo" commit -q --allow-empty -m third
later=$(git -C "$repo" rev-parse --short=7 HEAD)
expect "two commits after the tag" "9.8.7+2.g$later" "$(version_of "$repo")"

mkdir "$work/copy"
cp -r "$repo/cmake" "$work/copy/"
expect "a copy without .git, never archived" "0.0.0+unknown" "$(version_of "$work/copy")"
grep -q "configure with -DCCNT_VERSION" "$work/stderr" || fail "no warning for an unknown version"

# Unpacked inside another repository: not that repository's tag.
mv "$work/copy" "$repo/vendored"
expect "inside another repository" "0.0.0+unknown" "$(version_of "$repo/vendored")"

expect "-DCCNT_VERSION" "1.2.3" "$(version_of "$repo" -DCCNT_VERSION=v1.2.3)"
if version_of "$repo" '-DCCNT_VERSION=1.2"; x' >/dev/null; then
  fail "a -DCCNT_VERSION with a quote is accepted"
fi
echo "version_test: all checks passed"
