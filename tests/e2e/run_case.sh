#!/usr/bin/env bash
# Runs one end-to-end case: the real ccnt binary on a fixture tree, comparing
# stdout, stderr and the exit code with the files the case holds.
#
#   run_case.sh CCNT SOURCE_DIR CASE_DIR
#
# A case directory holds:
#   cmd              the arguments, one line, as a shell would split them
#   tree/            the data tree (copied to a scratch directory; run there)
#                    - without tree/, the project's own root is used read-only
#   setup            optional bash script run inside the scratch tree first ($CCNT is
#                    the ccnt binary, e.g. to fill the cache before the command runs)
#   cwd              optional: the directory, relative to the tree, to run in
#   env              optional: NAME=value lines set for the command, after the pinned ones
#                    (LANG=C.UTF-8 and the rest), e.g. LANG=zh_CN.UTF-8
#   expected_stdout  exact stdout
#   expected_stderr  exact stderr (optional: absent means it must be empty)
#   expected_status  exit code (default 0)
#                    (in expected_stdout and expected_stderr, @CCNT_VERSION@ stands for the
#                    version of the binary under test, which comes from the git tag)
#   check            optional bash script run inside the scratch tree after the command, to
#                    assert what the command left on disk (a device still a device, one file
#                    created, ...); the case fails when it exits non-zero, with its output
#   requires         optional: `root` when the case needs root (mknod); run_case.sh then exits
#                    77 when not root, which ctest reports as skipped (SKIP_RETURN_CODE), never
#                    as passed. Any other line names a program the case needs (git): without it
#                    on PATH the case exits 77 too, naming it
# The scratch tree gets the project's schemas/ unless tree/ brings its own. CCNT_DATA_DIR is
# pinned to a directory that does not exist (for setup too), so that a ccnt installed on the
# machine (its share/ccnt) never changes a result; a case's env may point it elsewhere.
# Set CCNT_UPDATE_GOLDEN=1 to rewrite the expected files from the actual run.
set -u
ccnt=$1 source_dir=$2 case_dir=$3
no_installed_data=/nonexistent/ccnt-data
if [[ -f $case_dir/requires ]] && grep -qx root "$case_dir/requires" && ((EUID != 0)); then
  echo "skipped: this case needs root (it creates device nodes with mknod)"
  exit 77
fi
if [[ -f $case_dir/requires ]]; then
  while read -r program; do
    [[ -z $program || $program == root ]] && continue
    if ! command -v "$program" >/dev/null 2>&1; then
      echo "skipped: not installed: $program (tools/bootstrap.sh installs it)"
      exit 77
    fi
  done < "$case_dir/requires"
fi
scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

if [[ -d $case_dir/tree ]]; then
  cp -a "$case_dir/tree/." "$scratch/"
  [[ -e $scratch/schemas ]] || cp -a "$source_dir/schemas" "$scratch/schemas"
  workdir=$scratch
else
  workdir=$source_dir
fi
if [[ -f $case_dir/setup ]]; then
  (cd "$scratch" && CCNT=$ccnt CCNT_TODAY=2026-11-24 CCNT_DATA_DIR=$no_installed_data \
   bash "$case_dir/setup") || { echo "setup failed"; exit 1; }
fi

[[ -f $case_dir/cwd ]] && workdir=$workdir/$(cat "$case_dir/cwd")
read -r -a args < "$case_dir/cmd"
extra_env=()
[[ -f $case_dir/env ]] && mapfile -t extra_env < "$case_dir/env"
(cd "$workdir" && env -u CCNT_ROOT -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 NO_COLOR=1 CCNT_TODAY=2026-11-24 COLUMNS=100 \
   CCNT_DATA_DIR=$no_installed_data \
   "${extra_env[@]}" "$ccnt" "${args[@]}" >"$scratch/.stdout" 2>"$scratch/.stderr" </dev/null)
status=$?

version=$("$ccnt" --version | sed -n '1s/^ccnt //p')
# The expected file with @CCNT_VERSION@ filled in, or the actual output with the version
# replaced by it (CCNT_UPDATE_GOLDEN).
with_version() { sed "s/@CCNT_VERSION@/$version/g" "$1"; }
without_version() { sed "s/ccnt ${version//./\\.}/ccnt @CCNT_VERSION@/g" "$1"; }
if [[ ${CCNT_UPDATE_GOLDEN:-0} == 1 ]]; then
  without_version "$scratch/.stdout" > "$case_dir/expected_stdout"
  if [[ -s $scratch/.stderr ]]; then without_version "$scratch/.stderr" > "$case_dir/expected_stderr"
  else rm -f "$case_dir/expected_stderr"; fi
  echo "$status" > "$case_dir/expected_status"
  exit 0
fi

failed=0
expected_status=$(cat "$case_dir/expected_status" 2>/dev/null || echo 0)
if [[ $status != "$expected_status" ]]; then
  echo "exit status: expected $expected_status, got $status"; failed=1
fi
if ! diff -u <(with_version "$case_dir/expected_stdout") "$scratch/.stdout"; then
  echo "(stdout differs)"; failed=1
fi
expected_stderr=$case_dir/expected_stderr
[[ -f $expected_stderr ]] || expected_stderr=/dev/null
if ! diff -u <(with_version "$expected_stderr") "$scratch/.stderr"; then
  echo "(stderr differs)"; failed=1
fi
if [[ -f $case_dir/check ]] && ! (cd "$scratch" && CCNT=$ccnt bash "$case_dir/check"); then
  echo "(check failed)"; failed=1
fi
exit $failed
