// What every subcommand starts with: the data tree found from the global
// options, and whether output may be coloured.
#pragma once

#include <cstdio>

#include "cli/options.hpp"
#include "core/tree/project.hpp"

namespace ccnt::cli {

// Finds and opens the data tree, or throws UsageError (exit 2) after printing
// what is wrong with its schema or registries.
Project open_project_or_throw(const GlobalOptions& global);

// Colour on `stream` under the --color setting: auto means a terminal and no NO_COLOR.
bool use_color(ColorMode mode, std::FILE* stream);

}  // namespace ccnt::cli
