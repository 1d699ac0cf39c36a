#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit from a scratch data
# repository (tests/e2e/fixtures/data-repo) whose .pre-commit-config.yaml names this repository's
# hooks by a local clone (no network), as a maintainer adopting ccnt would write it. Checks what
# a contributor sees when committing:
#   - a clean tree commits;
#   - a broken bulletins/ file is refused, by both hooks;
#   - a policy whose `added` month moved (the policy file itself valid) is refused by
#     ccnt-validate (E064 in the bulletin that lists it), while ccnt-validate-files, which reports
#     on the committed files only, lets it through;
#   - a broken .ccnt.yaml and a broken schemas/ file are refused.
#
#   pre_commit_test.sh CCNT SOURCE_DIR
set -euo pipefail
ccnt=$1 source_dir=$2
fail() { echo "pre_commit_test: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME=$work/pre-commit-home
export LANG=C.UTF-8 NO_COLOR=1
unset CCNT_ROOT
mkdir -p "$HOME" "$work/bin"
git config --global user.email test@example.org
git config --global user.name test
git config --global init.defaultBranch main
ln -s "$ccnt" "$work/bin/ccnt"  # the hooks run `ccnt` from PATH (language: system)
export PATH=$work/bin:$PATH

# The hook repository: what pre-commit reads of it is .pre-commit-hooks.yaml, at a commit.
hooks=$work/ccnt-hooks
mkdir "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# The data repository.
data=$work/data
mkdir "$data"
cp -a "$source_dir/tests/e2e/fixtures/data-repo/." "$data/"
cp -a "$source_dir/schemas" "$data/"
cd "$data"
printf '.ccnt-cache/\n' > .gitignore
config() {  # the hook ids to use
  {
    echo "repos:"
    echo "  - repo: $hooks"
    echo "    rev: $rev"
    echo "    hooks:"
    for id in "$@"; do echo "      - id: $id"; done
  } > .pre-commit-config.yaml
  # pre-commit refuses to run with its configuration unstaged.
  [[ ! -d .git ]] || git add .pre-commit-config.yaml
}
config ccnt-validate
git init -q
pre-commit install >/dev/null

commit() {  # MESSAGE: commits what is staged; the hooks' output is in $work/out
  git commit -qm "$1" > "$work/out" 2>&1
}
expect_refused() {  # WHAT PATTERN...: the commit is refused and the output has each pattern
  local what=$1
  shift
  local head
  head=$(git rev-parse HEAD)
  if commit "$what"; then fail "$what: the commit was made ($(cat "$work/out"))"; fi
  [[ $(git rev-parse HEAD) == "$head" ]] || fail "$what: HEAD moved"
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$work/out" || fail "$what: the output lacks '$pattern': $(cat "$work/out")"
  done
}

git add -A
commit "a clean tree" || fail "a clean tree was refused: $(cat "$work/out")"
grep -q "ccnt validate (the whole tree).*Passed" "$work/out" ||
  fail "the hook did not run on the first commit: $(cat "$work/out")"
[[ -d .ccnt-cache ]] || fail "the hook left no cache (.ccnt-cache/)"

# A broken editorial file: the issue's "(no files to check) Skipped" must not happen again.
cp bulletins/2023-04.yaml "$work/bulletin.yaml"
printf 'appendx: []\n' >> bulletins/2023-04.yaml
git add bulletins/2023-04.yaml
expect_refused "a broken bulletin" "bulletins/2023-04.yaml:" "E060" "did you mean \`appendix\`"
config ccnt-validate-files
expect_refused "a broken bulletin, per file" "bulletins/2023-04.yaml:" "E060"
cp "$work/bulletin.yaml" bulletins/2023-04.yaml
git add bulletins/2023-04.yaml
config ccnt-validate

# A policy moved to another month: valid by itself, but the tree is not.
policy=policies/hebei/industry/hebei-fixture-march-plan.yaml
sed -i 's/^added: "2023-03"/added: "2023-04"/' "$policy"
git add "$policy"
expect_refused "a moved added month" "bulletins/2023-03.yaml:" "E064" "E065"
config ccnt-validate-files
commit "a moved added month, per file" ||
  fail "ccnt-validate-files refused a valid policy file: $(cat "$work/out")"
git reset -q --hard HEAD~1  # undo the commit the quick hook let through
config ccnt-validate

# A broken .ccnt.yaml and a broken registry are files ccnt checks too.
printf 'warnigns:\n  W060: off\n' > .ccnt.yaml
git add .ccnt.yaml
expect_refused "a broken .ccnt.yaml" ".ccnt.yaml:1:1" "E140" "did you mean \`warnings\`"
git rm -q --cached .ccnt.yaml
rm .ccnt.yaml
printf '\n- {slug: : broken\n' >> schemas/sectors.yaml
git add schemas/sectors.yaml
expect_refused "a broken schemas/sectors.yaml" "schemas/sectors.yaml"
echo "pre_commit_test: all checks passed"
