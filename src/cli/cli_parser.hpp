// The one place that knows the command-line syntax.
#pragma once

#include <optional>

#include "cli/options.hpp"

namespace ccnt::cli {

// Fills `options` from argv. Returns an exit code when the program should stop
// here (--help, --version, or a usage error already reported on stderr).
std::optional<int> parse_command_line(int argc, char** argv, Options& options);

}  // namespace ccnt::cli
