// The subcommands not written yet; each is removed from here when its real
// cmd_<name>.cpp lands, and this file is deleted when it is empty.
#include "cli/commands.hpp"
#include "cli/usage_error.hpp"

namespace ccnt::cli {

int run_stats(const Options&) { throw UsageError("`stats` is not implemented yet"); }
int run_targets(const Options&) { throw UsageError("`targets` is not implemented yet"); }
int run_report(const Options&) { throw UsageError("`report` is not implemented yet"); }

}  // namespace ccnt::cli
