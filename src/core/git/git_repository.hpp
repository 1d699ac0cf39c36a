// The git history of a data tree, read through git's plumbing commands (rev-parse,
// merge-base, diff-tree, diff-index, ls-files, ls-tree, cat-file), each run as its own process
// with an argument vector (no shell) and its output read as data. Nothing is checked out and
// nothing of a revision is run: no hooks, filters, text conversions or external diff programs
// take part in the commands used, and core.fsmonitor is switched off. The one module of ccnt
// that runs git (docs/commands/diff.md says why git rather than libgit2).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

// Why git could not give what was asked; the command line words it.
struct GitError {
  enum class Kind {
    NoGit,            // the git program cannot be run
    NotARepository,   // the data tree is not inside a git work tree
    BadRevisionName,  // a name ccnt does not pass to git (is_revision_name)
    UnknownRevision,  // a name git does not know as a commit
    NoMainBranch,     // none of origin/HEAD, main, master (or the --main name) exists
    NoMergeBase,      // HEAD and the main branch (`detail`) share no history (or a shallow
                      // clone lacks it)
    Failed,           // git failed; `detail` holds what it said
  };
  Kind kind = Kind::Failed;
  std::string detail;  // the revision concerned, or git's own message
};

// A file that differs between two revisions, under the data tree's root.
struct GitChange {
  std::string path;  // relative to the data tree's root, with '/'
  // The file in the old and the new revision: its mode (100644, 120000, ...) and object id;
  // empty when it does not exist there. The new side's object is empty for a file of the
  // working tree (read from the disk).
  std::string old_mode, old_object;
  std::string new_mode, new_object;

  bool in_old() const { return !old_mode.empty(); }
  bool in_new() const { return !new_mode.empty(); }
};

// True for a mode git gives a regular file (100644, 100755), as opposed to a symbolic link
// (120000) or a submodule (160000).
bool is_regular_file_mode(std::string_view mode);

// True when `revision` is a name ccnt passes to git: 1–200 characters of letters, digits and
// . _ / - ~ ^ @ { } +, not starting with - (no option), without `..` (a range) or `:` (a path
// inside a revision), and no control character or space.
bool is_revision_name(std::string_view revision);

class GitRepository {
 public:
  // The repository whose work tree holds `root`, the data tree.
  static std::optional<GitRepository> open(const std::filesystem::path& root, GitError& error);

  // The commit a revision name means, as a full object id.
  std::optional<std::string> resolve_commit(std::string_view revision, GitError& error) const;

  // The main branch: `name` when given (checked as a revision), else the first of origin/HEAD,
  // main, origin/main, master, origin/master that exists. Returns its name.
  std::optional<std::string> main_branch(std::string_view name, GitError& error) const;

  // The best common ancestor of two commits.
  std::optional<std::string> merge_base(const std::string& a, const std::string& b,
                                        GitError& error) const;

  // The files under `dirs` (relative to the root) that differ between commit `from` and commit
  // `to`, or, without `to`, the working tree: tracked files changed or deleted there, and
  // untracked files that .gitignore does not exclude. Renames are a deletion and an addition.
  // Files whose content is the same in both (a touched file) are still listed; compare them.
  std::optional<std::vector<GitChange>> changes(const std::string& from,
                                                const std::optional<std::string>& to,
                                                const std::vector<std::string>& dirs,
                                                GitError& error) const;

  // The entry of `path` (relative to the root) in a commit, as the new side of a GitChange, in
  // `found` (nullopt when the commit has no such file). False when git fails.
  bool entry(const std::string& commit, const std::string& path, std::optional<GitChange>& found,
             GitError& error) const;

  // The contents of blobs by object id, in order; nullopt for one larger than `max_bytes`
  // (not read) or missing. Two processes in all, whatever the number of blobs.
  std::optional<std::vector<std::optional<std::string>>> read_blobs(
      const std::vector<std::string>& objects, std::size_t max_bytes, GitError& error) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit GitRepository(std::filesystem::path root) : root_(std::move(root)) {}

  std::filesystem::path root_;  // the data tree; every command runs there (git -C)
};

}  // namespace ccnt
