#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diff/revision_diff.hpp"
#include "core/output/diff_output.hpp"
#include "core/output/visible_text.hpp"
#include "core/tree/source_file.hpp"

namespace ccnt::cli {
namespace {

// What git could not do, as a usage error: the message and what to do about it.
UsageError git_error(const GitError& error, const Project& project) {
  switch (error.kind) {
    case GitError::Kind::NoGit:
      return UsageError(trf("cannot run git: {}", error.detail),
                        trf("ccnt diff reads the history with git; install it "
                            "(tools/bootstrap.sh does)"));
    case GitError::Kind::NotARepository:
      return UsageError(
          trf("the data tree ({}) is not in a git work tree", display_path(project.root)),
          error.detail.empty() ? trf("run ccnt diff in a clone of the data repository")
                               : error.detail);
    case GitError::Kind::BadRevisionName:
      return UsageError(trf("`{}` is not a revision name ccnt passes to git", error.detail),
                        trf("give a branch, a tag or a commit (main, v1.0, HEAD~2, 1a2b3c4); a "
                            "range (a..b) or a path (rev:path) is not one"));
    case GitError::Kind::UnknownRevision:
      return UsageError(trf("git knows no commit `{}`", error.detail),
                        trf("`git log --oneline --all` lists the commits; in a shallow clone, "
                            "fetch it first (git fetch origin {})",
                            error.detail));
    case GitError::Kind::NoMainBranch:
      return UsageError(trf("no main branch to compare with: none of origin/HEAD, main or "
                            "master exists"),
                        trf("name it with --main BRANCH, or give REV1"));
    case GitError::Kind::NoMergeBase:
      return UsageError(trf("HEAD and {} have no commit in common", error.detail),
                        trf("in a shallow clone, fetch their history (git fetch --unshallow), "
                            "or give REV1"));
    case GitError::Kind::Failed:
      break;
  }
  return UsageError(trf("git failed: {}", error.detail));
}

}  // namespace

int run_diff(const Options& options) {
  const DiffOptions& opts = options.diff;
  if (!opts.revisions.empty() && !opts.main_branch.empty())
    throw UsageError(trf("--main chooses the default REV1; give either --main or REV1"));
  const Project project = open_project_or_throw(options.global);
  const DiffRequest request{opts.revisions, opts.main_branch, options.global.jobs};
  GitError error;
  const auto diff = diff_revisions(project, request, error);
  if (!diff) throw git_error(error, project);
  const auto format = parse_output_format(opts.format).value_or(OutputFormat::Text);
  std::cout << without_ci_commands(render_diff(*diff, project.registry, format));
  return kExitOk;
}

}  // namespace ccnt::cli
