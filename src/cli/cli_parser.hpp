// The one place that knows the command-line syntax.
#pragma once

#include <optional>

#include "cli/command_line_spec.hpp"
#include "cli/options.hpp"

namespace ccnt::cli {

// Fills `options` from argv. Returns an exit code when the program should stop
// here (--help, --version, or a usage error already reported on stderr).
std::optional<int> parse_command_line(int argc, char** argv, Options& options);

// The subcommands and options parse_command_line accepts, for shell completion.
CommandLineSpec describe_command_line();

}  // namespace ccnt::cli
