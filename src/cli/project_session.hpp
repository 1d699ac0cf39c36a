// What every subcommand starts with: the data tree found from the global
// options, and whether output may be coloured.
#pragma once

#include <cstdio>

#include "cli/options.hpp"
#include "core/tree/project.hpp"

namespace ccnt::cli {

// What a command does when the tree's .ccnt.yaml has errors: refuse to run (its settings would
// be half applied), or go on and report them among its own problems (`ccnt validate`).
enum class SettingsErrors { Refuse, Report };

// Finds and opens the data tree, or throws UsageError (exit 2) after printing
// what is wrong with its schema or registries (or, unless `settings` says Report, its
// .ccnt.yaml).
Project open_project_or_throw(const GlobalOptions& global,
                              SettingsErrors settings = SettingsErrors::Refuse);

// Colour on `stream` under the --color setting: auto means a terminal and no NO_COLOR.
bool use_color(ColorMode mode, std::FILE* stream);

}  // namespace ccnt::cli
