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
int run_coverage(const Options& options);
int run_report(const Options& options);
int run_new(const Options& options);
int run_import(const Options& options);
// Prints the completion script for a shell.
int run_completion(const Options& options);
// Prints the candidates for the word being completed (the hidden __complete).
int run_complete(const Options& options);
int run_cache(const Options& options);
// Writes the static website of the tree (docs/site.md).
int run_site(const Options& options);
int run_schema(const Options& options);
int run_diff(const Options& options);
// Prints the manual page in roff (the hidden __man; the build installs its output).
int run_man(const Options& options);

}  // namespace ccnt::cli
