// The validation report as Markdown: counts by severity and by code, then every problem as a
// table row (file, line, code, severity, message and hint). What `ccnt validate --format
// markdown` prints and `--summary FILE` appends, for GitHub's step summary
// ($GITHUB_STEP_SUMMARY), which shows every problem where annotations stop at 10 per step.
#pragma once

#include <cstddef>
#include <limits>
#include <ostream>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// What GitHub accepts in one step's summary is 1 MiB; a report stops its table early enough
// to stay below it, and says how many rows it left out.
inline constexpr std::size_t kStepSummaryMaxBytes = 1000 * 1000;

// Writes the report of `diagnostics` (sorted as validate sorts them) on `files` files, of which
// `policies` passed (`stubs` of them stubs). Every text from the data is escaped for Markdown,
// so a file name or message is never read as markup. When the report would exceed `max_bytes`,
// the table ends with a row saying how many problems it leaves out.
void write_diagnostics_markdown(std::ostream& stream, const Diagnostics& diagnostics,
                                std::size_t files, std::size_t policies, std::size_t stubs,
                                std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

}  // namespace ccnt
