#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/usage_error.hpp"

namespace ccnt::cli {

int run_diff(const Options&) {
  throw UsageError(trf("ccnt diff is not built yet"));
}

}  // namespace ccnt::cli
