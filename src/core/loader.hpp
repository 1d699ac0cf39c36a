// Loading a tree of policy files: read, parse and check every file once, on
// all cores, then run the checks that span files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/policy.hpp"
#include "core/project.hpp"
#include "core/tree_scan.hpp"

namespace ccnt {

struct LoadedPolicies {
  std::vector<Policy> policies;  // the files without errors, in path order
  std::size_t files = 0;         // files read, valid or not
};

// Loads the given files in parallel on `jobs` threads (0: one per core). A
// file with errors is reported and left out of the result.
LoadedPolicies load_policy_files(const Project& project,
                                 const std::vector<std::filesystem::path>& files, unsigned jobs,
                                 Diagnostics& diagnostics);

// Finds and loads every policy file of the project, then checks across files
// (unique ids, one title per region).
LoadedPolicies load_project_policies(const Project& project, unsigned jobs,
                                     Diagnostics& diagnostics,
                                     const RegionDirFilter& keep_region = {});

// The checks that span files: ids unique across the tree, no title twice in a region.
void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics);

}  // namespace ccnt
