#!/usr/bin/env bash
# The check of the GitHub Action (action.yml; docs/ci.md): `ccnt validate --format github` on the
# data tree, whose problems GitHub shows as annotations on the files (at most 10 of each kind per
# step), and the same report with every problem in a table added to the step's summary
# ($GITHUB_STEP_SUMMARY; ccnt writes the Markdown: core/diag/diagnostic_markdown). Exits as ccnt
# does, so that errors (or warnings, with `strict`) fail the step; writes exit-code= to
# $GITHUB_OUTPUT.
#
# Environment (action.yml sets it from the inputs; the tests set it too):
#   CCNT_INPUT_ROOT     the data tree (inputs.root; default: the working directory)
#   CCNT_INPUT_PATHS    files or directories to report on, separated by spaces (inputs.paths;
#                       default: the whole tree)
#   CCNT_INPUT_STRICT   true: warnings fail the step too (inputs.strict)
#   CCNT_INPUT_SUMMARY  false: no step summary (inputs.summary; default true)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   set by the runner
set -uo pipefail

root=${CCNT_INPUT_ROOT:-.}
args=(validate --format github)
[[ ${CCNT_INPUT_STRICT:-false} == true ]] && args+=(--strict)
summary=${GITHUB_STEP_SUMMARY:-}
[[ ${CCNT_INPUT_SUMMARY:-true} == false ]] && summary=""
[[ -n $summary ]] && args+=(--summary "$summary")
paths=()
[[ -n ${CCNT_INPUT_PATHS:-} ]] && read -r -a paths <<<"$CCNT_INPUT_PATHS"

cd "$root" || { echo "::error title=ccnt action::no directory '$root' (input root)"; exit 2; }
ccnt "${args[@]}" -- "${paths[@]}"
status=$?
[[ -z ${GITHUB_OUTPUT:-} ]] || echo "exit-code=$status" >>"$GITHUB_OUTPUT"
# Exit code 2: ccnt could not check the tree (no policies/, broken schemas/, a bad flag); what
# is wrong is in the log, not in a report.
if ((status >= 2)) && [[ -n $summary ]]; then
  printf '### ccnt validate\n\nccnt could not check the tree (exit code %d): see the log of this step.\n' \
    "$status" >>"$summary"
fi

# ---- ccnt diff: what the pull request changes (issue 17, item 5) ----
# Reserved for `ccnt diff --format markdown`, being built on another branch: once it exists, the
# action adds to the same summary, after the problems, the policies the pull request adds,
# changes, moves or removes, and what that does to the month's bulletin. The input `diff` of
# action.yml is reserved for it and does nothing yet.
# ----

exit "$status"
