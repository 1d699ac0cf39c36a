#!/usr/bin/env bash
# The GitHub Action's scripts, run as the runner runs them (no GitHub here): GITHUB_STEP_SUMMARY,
# GITHUB_OUTPUT and GITHUB_PATH are files, releases a file:// directory.
#   validate.sh  on a pull request with 18 problems (tests/e2e/fixtures/data-repo with
#                data-repo-eighteen-problems laid over it): all 18 are annotations, all 18 are
#                rows of the summary's table, with the counts, the step fails; what the summary
#                held before is kept; a file name with Markdown in it stays text; `strict`,
#                `summary: false`, `paths`, and a root that is not there.
#   install.sh   picks the release's .deb for the runner's Debian release, else its static
#                tarball (checked against SHA256SUMS, which a changed file fails), else the
#                build from source; a ccnt it finds in the cache is used.
#
#   action_test.sh CCNT SOURCE_DIR
set -euo pipefail
ccnt=$1 source_dir=$2
fail() { echo "action_test: FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=C.UTF-8 NO_COLOR=1 CCNT_TODAY=2026-11-24
unset CCNT_ROOT
mkdir "$work/bin"
ln -s "$ccnt" "$work/bin/ccnt"
export PATH=$work/bin:$PATH
validate=$source_dir/tools/action/validate.sh
install=$source_dir/tools/action/install.sh

# A data tree: the fixture, OVERLAY laid over it (or none), the project's schemas.
make_tree() {  # DIR [OVERLAY]
  mkdir -p "$1"
  cp -a "$source_dir/tests/e2e/fixtures/data-repo/." "$1/"
  [[ -z ${2:-} ]] || cp -a "$source_dir/tests/e2e/fixtures/$2/." "$1/"
  cp -a "$source_dir/schemas" "$1/"
}
# Runs validate.sh on a tree with fresh runner files; sets $status.
run_validate() {  # TREE [NAME=VALUE...]
  local tree=$1
  shift
  printf 'an earlier step wrote this\n' > "$work/summary.md"
  : > "$work/output"
  set +e
  env GITHUB_STEP_SUMMARY="$work/summary.md" GITHUB_OUTPUT="$work/output" \
    CCNT_INPUT_ROOT="$tree" "$@" bash "$validate" > "$work/stdout" 2> "$work/stderr"
  status=$?
  set -e
}
rows() {  # the problem rows of the summary's table (after its header `| file |`)
  sed -n '/^| file | line |/,$p' "$work/summary.md" | tail -n +3
}

# --- validate.sh: 18 problems ---
make_tree "$work/pr" data-repo-eighteen-problems
run_validate "$work/pr"
((status == 1)) || fail "18 problems: exit status $status, not 1 ($(cat "$work/stderr"))"
grep -qx "exit-code=1" "$work/output" || fail "no exit-code=1 in GITHUB_OUTPUT"
annotations=$(grep -c '^::\(error\|warning\) file=' "$work/stdout" || true)
((annotations == 18)) || fail "$annotations annotations, not 18"
[[ $(head -n 1 "$work/summary.md") == "an earlier step wrote this" ]] ||
  fail "the summary lost what an earlier step wrote"
grep -qx "checked 13 files: 14 errors, 4 warnings" "$work/summary.md" ||
  fail "the summary lacks the counts: $(cat "$work/summary.md")"
(($(rows | wc -l) == 18)) || fail "the summary's table has $(rows | wc -l) rows, not 18: $(cat "$work/summary.md")"
# Every annotation is a row: same file, line and code.
while IFS= read -r annotation; do
  file=$(sed -n 's/^::[a-z]* file=\([^,:]*\).*/\1/p' <<<"$annotation")
  line=$(sed -n 's/.*,line=\([0-9]*\),.*/\1/p' <<<"$annotation")
  code=$(sed -n 's/.*title=ccnt \([EW][0-9]*\)::.*/\1/p' <<<"$annotation")
  [[ -n $line ]] || line=–
  rows | grep -qF "| $file | $line | $code |" || fail "no row for $file:$line $code"
done < <(grep '^::\(error\|warning\) file=' "$work/stdout")
# The counts by code add up to the 18 too.
total=$(sed -n '/^| code | severity | count |/,/^$/p' "$work/summary.md" | tail -n +3 |
        awk -F'|' 'NF > 3 { sum += $4 } END { print sum }')
((total == 18)) || fail "the counts by code add up to $total, not 18"
# The annotations' texts reach the table escaped: `|` and `<` in a title stay text.
rows | grep -qF '关于测试样例 \| \<b>电网\</b>' || fail "the title with | and <b> is not escaped in the table"

# --- a file name is text too ---
make_tree "$work/hostile"
mkdir -p "$work/hostile/policies/zhejiang/industry"
cp "$work/hostile/policies/zhejiang/industry/zhejiang-fixture-industry-plan.yaml" \
   "$work/hostile/policies/zhejiang/industry/a|b<img src=x>_*.yaml"
run_validate "$work/hostile"
((status == 1)) || fail "a strange file name: exit status $status"
rows | grep -qF 'a\|b\<img src=x>\_\*.yaml' || fail "the file name is not escaped: $(rows)"
if rows | grep -qE '(^|[^\\])<img'; then fail "an unescaped <img reached the summary"; fi

# --- strict, summary, paths, root ---
make_tree "$work/warnings"
sed -i 's/^credits: .*/credits: "TODO: 整理人"/' "$work/warnings/bulletins/2023-04.yaml"
run_validate "$work/warnings"
((status == 0)) || fail "a warning alone failed the step (exit $status)"
(($(rows | wc -l) == 1)) || fail "the warning is not the summary's one row"
run_validate "$work/warnings" CCNT_INPUT_STRICT=true
((status == 1)) || fail "strict: a warning did not fail the step (exit $status)"
run_validate "$work/pr" CCNT_INPUT_SUMMARY=false
[[ $(cat "$work/summary.md") == "an earlier step wrote this" ]] || fail "summary: false wrote a summary"
run_validate "$work/pr" CCNT_INPUT_PATHS="policies/zhejiang bulletins"
(($(rows | wc -l) == 12)) || fail "paths: $(rows | wc -l) rows, not the 12 of policies/zhejiang and bulletins"
if rows | grep -q "^| policies/hebei"; then fail "paths: a row of policies/hebei"; fi
run_validate "$work/no-such-tree"
((status == 2)) || fail "a root that is not there: exit status $status"
grep -q "ccnt action::no directory" "$work/stdout" || fail "no annotation for a missing root"
run_validate "$work/pr/policies"  # found upward: the root is the tree above
((status == 1)) || fail "from a subdirectory: exit status $status"

# --- install.sh ---
version=$("$ccnt" --version | sed -n '1s/^ccnt //p')
machine=$(uname -m)
tarball=ccnt-$version-linux-$machine
release=$work/releases/v$version
mkdir -p "$release" "$work/stage"
cmake --install "$(dirname "$ccnt")" --prefix "$work/stage/$tarball" --strip >/dev/null
tar -C "$work/stage" -czf "$release/$tarball.tar.gz" "$tarball"
deb=ccnt_${version}_debian-bookworm_amd64.deb
printf 'not really a package\n' > "$release/$deb"
(cd "$release" && sha256sum "$tarball.tar.gz" "$deb" > SHA256SUMS)
printf 'ID=alpine\nVERSION_CODENAME=\n' > "$work/os-alpine"
printf 'ID=debian\nVERSION_CODENAME=bookworm\n' > "$work/os-bookworm"
# apt-get as the installer calls it for a .deb: recorded; `update` works, `install` fails (as a
# package whose dependencies cannot be had would), so that nothing is installed here.
mkdir "$work/fake"
cat > "$work/fake/apt-get" <<EOF
#!/bin/sh
echo "\$*" >> "$work/apt-calls"
[ "\$1" = update ]
EOF
chmod +x "$work/fake/apt-get"

run_install() {  # STEP [NAME=VALUE...]; sets $status
  local step=$1
  shift
  : > "$work/output"
  : > "$work/path"
  set +e
  env GITHUB_OUTPUT="$work/output" GITHUB_PATH="$work/path" CCNT_ACTION_PATH="$source_dir" \
    CCNT_RELEASE_URL="file://$work/releases" CCNT_INSTALL_DIR="$work/installed" \
    CCNT_ACTION_REPOSITORY=example/ccnt CCNT_OS_RELEASE="$work/os-alpine" \
    PATH="$work/fake:$PATH" "$@" bash "$install" "$step" > "$work/stdout" 2> "$work/stderr"
  status=$?
  set -e
}
out() { sed -n "s/^$1=//p" "$work/output"; }

run_install release CCNT_INPUT_VERSION="$version"
((status == 0)) || fail "install: exit status $status: $(cat "$work/stderr")"
[[ $(out installed) == true && $(out method) == static && $(out version) == "$version" ]] ||
  fail "install: the static tarball was not installed: $(cat "$work/output" "$work/stderr")"
[[ $(cat "$work/path") == "$work/installed/$tarball/bin" ]] || fail "install: GITHUB_PATH is $(cat "$work/path")"
# Unpacked where it was not built, it uses the schemas beside it (a tree without schemas/).
mkdir -p "$work/bare"
cp -a "$source_dir/tests/e2e/fixtures/data-repo/policies" "$work/bare/"
(cd "$work/bare" && env -u CCNT_DATA_DIR "$work/installed/$tarball/bin/ccnt" validate > "$work/bare.out") ||
  fail "the unpacked ccnt does not find its schemas: $(cat "$work/bare.out")"

run_install release CCNT_ACTION_REF="v$version"
[[ $(out method) == static ]] || fail "install: the action's tag was not taken as the version"

run_install release CCNT_INPUT_VERSION="$version" CCNT_OS_RELEASE="$work/os-bookworm"
grep -qF -- "/$deb" "$work/apt-calls" ||
  fail "install: the bookworm runner did not try the release's .deb: $(cat "$work/apt-calls" 2>/dev/null)"
[[ $(out method) == static ]] || fail "install: no fallback to the tarball when the .deb cannot be installed"

cp "$release/$tarball.tar.gz" "$work/good.tar.gz"
printf 'x' >> "$release/$tarball.tar.gz"
run_install release CCNT_INPUT_VERSION="$version"
((status == 1)) || fail "install: a changed tarball was accepted (exit $status)"
grep -q "does not match the release's SHA256SUMS" "$work/stdout" || fail "install: no message for a changed tarball"
[[ ! -s $work/path ]] || fail "install: a changed tarball was put on PATH"
cp "$work/good.tar.gz" "$release/$tarball.tar.gz"

run_install release CCNT_INPUT_VERSION=9.9.9
[[ $status == 0 && $(out installed) == false ]] || fail "install: a version with no release did not fall back"
[[ $(out cache-key) == ccnt-source-alpine-* && -n $(out cache-path) ]] || fail "install: no cache key: $(cat "$work/output")"
run_install release CCNT_ACTION_REF=main
[[ $(out installed) == false ]] || fail "install: the action at a branch did not build from source"
run_install release CCNT_INPUT_VERSION=source CCNT_ACTION_REF="v$version"
[[ $(out installed) == false ]] || fail "install: version: source did not build from source"
run_install release CCNT_INPUT_VERSION='1.2; rm -rf /'
((status == 1)) || fail "install: a version that is not one was accepted"

# The source step with what actions/cache restored: no build.
mkdir -p "$work/cache/bin"
ln -s "$ccnt" "$work/cache/bin/ccnt"
run_install source CCNT_CACHE_PATH="$work/cache"
[[ $status == 0 && $(out method) == cache && $(cat "$work/path") == "$work/cache/bin" ]] ||
  fail "install: the cached build was not used: $(cat "$work/output" "$work/stderr")"
echo "action_test: all checks passed"
