#!/usr/bin/env bash
# Tests the completion scripts, one part per run:
#
#   completion_test.sh CCNT SOURCE_DIR PART
#
#   bash        `ccnt completion SHELL` prints the scripts of completions/; the bash script
#               loads, and its completion function, called as bash does on TAB, offers the
#               expected candidates
#   shellcheck  shellcheck accepts completions/ccnt.bash
#   zsh, fish   the script's syntax (zsh -n, fish -n) and the candidates for a command line
# CMake runs the parts that need another program through tests/require.sh, so that on a machine
# without it the test is reported as skipped, not passed.
set -u
ccnt=$1 source_dir=$2 part=$3
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cd "$source_dir" || exit 1  # the source tree's registries and policies
unset CCNT_ROOT
bin_dir=$(mktemp -d)
trap 'rm -rf "$bin_dir"' EXIT
ln -s "$ccnt" "$bin_dir/ccnt"

# Sets up COMP_WORDS as bash does for `ccnt WORD...` with the cursor at the end.
candidates() {
  COMP_WORDS=(ccnt "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  PATH=$bin_dir:$PATH _ccnt
  printf '%s\n' "${COMPREPLY[@]}"
}

# expect "WORDS" "CANDIDATE..." : each candidate must be offered.
expect() {
  local words=$1
  shift
  local got
  read -r -a args <<<"$words"
  [[ $words == *' ' ]] && args+=("")
  got=$(candidates "${args[@]}")
  for want in "$@"; do
    grep -qxF -- "$want" <<<"$got" || fail "ccnt $words<TAB>: expected $want among: ${got//$'\n'/ }"
  done
}

# expect_exactly "WORDS" "CANDIDATES" : the whole list, one per line.
expect_exactly() {
  local got
  read -r -a args <<<"$1"
  [[ $1 == *' ' ]] && args+=("")
  got=$(candidates "${args[@]}")
  [[ $got == "$2" ]] || fail "ccnt $1<TAB>: expected [$2], got [$got]"
}

test_bash() {
  for shell_and_file in bash:ccnt.bash zsh:_ccnt fish:ccnt.fish; do
    local shell=${shell_and_file%%:*} file=${shell_and_file#*:}
    diff -u "completions/$file" <("$ccnt" completion "$shell") >/dev/null ||
      fail "ccnt completion $shell differs from completions/$file (re-run cmake)"
  done
  PATH=$bin_dir:$PATH bash -c 'source <(ccnt completion bash) && complete -p ccnt' >/dev/null 2>&1 ||
    fail "bash -c 'source <(ccnt completion bash)' did not load"

  # shellcheck source=/dev/null
  source <("$ccnt" completion bash)
  expect_exactly "list --region 浙" $'浙江\n浙江省'
  expect "list --region " 浙江 浙江省 zhejiang 广州 national
  expect "list --region = 浙" 浙江
  expect "list --region zhe" zhejiang
  expect_exactly "li" "list"
  expect "" validate list show new completion help
  expect "list --s" --sector --since --sort --search
  expect_exactly "list --sector ind" "industry"
  expect_exactly "validate --format g" "github"
  expect_exactly "show zhejiang-industry-c" "zhejiang-industry-carbon-peaking"
  expect "validate poli" policies
  expect_exactly "completion " $'bash\nzsh\nfish'
  expect_exactly "list --level p" "provincial"
  expect "list --type 实" 实施方案 实施意见
  expect_exactly "new --title " ""
}

test_shellcheck() {
  shellcheck -s bash completions/ccnt.bash || fail "shellcheck completions/ccnt.bash"
}

# fish completes a command line for us.
test_fish() {
  fish -n completions/ccnt.fish || fail "fish -n completions/ccnt.fish"
  local got
  got=$(PATH=$bin_dir:$PATH fish -c 'source completions/ccnt.fish
    complete -C "ccnt list --region 浙"; complete -C "ccnt list --region=zhej"')
  [[ $got == $'浙江\t浙江省\n浙江省\tzhejiang\n--region=zhejiang\t浙江省\n--region=zhejiang-taizhou\t浙江省台州市' ]] ||
    fail "fish: ccnt list --region 浙<TAB> gave [$got]"
}

# zsh's compadd is replaced by a stub that prints.
test_zsh() {
  zsh -n completions/_ccnt || fail "zsh -n completions/_ccnt"
  local got
  got=$(PATH=$bin_dir:$PATH zsh -f -c 'compdef() { : }
    source completions/_ccnt
    compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -l -- "$@" }
    words=(ccnt list --region 浙); CURRENT=4; _ccnt')
  [[ $got == $'浙江\n浙江省' ]] || fail "zsh: ccnt list --region 浙<TAB> gave [$got]"
}

case $part in
  bash | shellcheck | fish | zsh) "test_$part" ;;
  *) echo "completion_test.sh: PART must be bash, shellcheck, zsh or fish" >&2; exit 2 ;;
esac
if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
