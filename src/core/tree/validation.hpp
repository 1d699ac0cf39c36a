// Validation of a tree or of some of its files: what `ccnt validate` reports and what
// `ccnt new` shows for the file it wrote.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/project.hpp"

namespace ccnt {

// The diagnostics of the files validated, sorted, and how many files were checked and passed.
struct Validation {
  Diagnostics diagnostics;
  std::size_t files = 0;  // policy and bulletin files checked, and .ccnt.yaml
  std::size_t valid = 0;  // policy files without errors
  std::size_t stubs = 0;  // of those, the records marked `stub: true`
};

// Validates the whole tree when `paths` is empty: every policy file, the checks across files
// and the data-quality checks (check_data_quality),
// and the bulletin's editorial files (bulletins/*.yaml). Otherwise reports on the given files
// and directories only (absolute, existing paths): the whole tree is still loaded, so that the
// checks across files see every file, and then only the diagnostics of the selected files are
// kept; files outside policies/ are checked on their own, bulletin files against the policies.
Validation validate_paths(const Project& project, const std::vector<std::filesystem::path>& paths,
                          const LoadOptions& load);

}  // namespace ccnt
