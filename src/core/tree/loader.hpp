// Loading a tree of policy files: read, parse and check every file once, on
// all cores (or take the result from the cache when the file is unchanged),
// then run the checks that span files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/tree/project.hpp"
#include "core/tree/tree_scan.hpp"

namespace ccnt {

struct LoadedPolicies {
  std::vector<Policy> policies;  // the files without errors, in path order
  std::size_t files = 0;         // files read, valid or not
  std::size_t from_cache = 0;    // files whose result came from the cache, unread
};

// How load_project_policies works.
struct LoadOptions {
  unsigned jobs = 0;                 // worker threads; 0 = one per core
  bool use_cache = false;            // read and update <root>/.ccnt-cache (see policy_cache.hpp)
  RegionDirFilter keep_region = {};  // region directories to descend into; empty = all
  // Which policies keep their text (summary, targets, tags, ...) once checked; the others keep
  // only what identifies them (drop_text), which is all cross-file and bulletin checks read.
  // Empty: all. 100,000 summaries are most of a run's memory.
  std::function<bool(const Policy&)> keep_text = {};
  // False when no policy keeps its text (`ccnt validate`), so that the cache need not decode it.
  bool text = true;
};

// Loads the given files in parallel on `jobs` threads (0: one per core). A
// file with errors is reported and left out of the result.
LoadedPolicies load_policy_files(const Project& project,
                                 const std::vector<std::filesystem::path>& files, unsigned jobs,
                                 Diagnostics& diagnostics);

// Finds and loads every policy file of the project (through the cache when asked), then
// checks across files (cross_file_checks.hpp).
LoadedPolicies load_project_policies(const Project& project, const LoadOptions& options,
                                     Diagnostics& diagnostics);

// The same without the cache.
LoadedPolicies load_project_policies(const Project& project, unsigned jobs,
                                     Diagnostics& diagnostics,
                                     const RegionDirFilter& keep_region = {});

}  // namespace ccnt
