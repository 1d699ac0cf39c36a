// `ccnt diff`: the records and bulletins of two git revisions of a data tree, compared. The
// changed files are listed by git (core/git), their bytes taken from git's objects or, for the
// working tree, from the disk as `ccnt validate` reads them, and each is parsed and checked by
// the same readers as validate (parse_yaml, check_policy, parse_bulletin_editorial). Both
// revisions are read with the data tree's schemas and registries as they are now.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diff/bulletin_effect.hpp"
#include "core/diff/record_diff.hpp"
#include "core/git/git_repository.hpp"
#include "core/tree/project.hpp"

namespace ccnt {

// How the revisions are chosen (the command line's REV1 REV2 and --main).
struct DiffRequest {
  std::vector<std::string> revisions;  // none: the merge base of HEAD with the main branch and
                                       // the working tree; one: it and the working tree; two
  std::string main_branch;             // for no revision: the main branch; empty = found
  unsigned jobs = 0;                   // threads that read the changed files; 0 = one per core
};

// One side of the comparison.
struct DiffSide {
  std::string name;    // as the user gave it (main, HEAD~2), or the main branch for a merge base
  std::string commit;  // the full commit id; empty for the working tree
  bool merge_base = false;  // the merge base of HEAD with `name`

  bool working_tree() const { return commit.empty(); }
};

// A changed file under policies/ or bulletins/ that was not read in one revision.
struct SkippedFile {
  std::string path;
  std::string mode;  // git's mode: 120000 a symbolic link, 160000 a submodule
};

struct RevisionDiff {
  DiffSide from;
  DiffSide to;
  RecordDiff records;
  std::vector<BulletinEffect> bulletins;  // by month
  std::vector<std::string> schema_files;  // changed files under schemas/
  std::vector<SkippedFile> skipped;       // not followed: links, submodules (in a revision)
};

// Compares the two revisions the request names; nullopt with `error` when git cannot.
std::optional<RevisionDiff> diff_revisions(const Project& project, const DiffRequest& request,
                                           GitError& error);

}  // namespace ccnt
