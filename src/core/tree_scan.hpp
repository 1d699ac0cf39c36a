// Finding the policy files of a tree.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace ccnt {

// Decides from a first-level directory name (a region) whether to descend into it.
using RegionDirFilter = std::function<bool(std::string_view dir_name)>;

// Lists the .yaml/.yml files below `dir` in a stable order, following symbolic
// links but reporting (W003) and skipping directory loops; hidden entries are skipped.
std::vector<std::filesystem::path> find_policy_files(const std::filesystem::path& dir,
                                                     Diagnostics& diagnostics,
                                                     const RegionDirFilter& keep_region = {});

// True for the file names ccnt treats as policy files.
bool is_policy_file_name(const std::filesystem::path& file);

}  // namespace ccnt
