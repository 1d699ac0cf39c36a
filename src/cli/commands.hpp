// The subcommands: each takes the parsed options and returns the exit code
// (see docs/errors.md): 0 success, 1 problems found, 2 usage or environment error.
#pragma once

#include "cli/options.hpp"

namespace ccnt::cli {

int run_validate(const Options& options);
int run_list(const Options& options);
int run_show(const Options& options);
int run_stats(const Options& options);
int run_targets(const Options& options);
int run_report(const Options& options);

}  // namespace ccnt::cli
