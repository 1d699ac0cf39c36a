// Data-quality checks over the whole tree (docs/errors.md, W050-W053): problems real exports
// carry that no single field's rule catches. Each is a warning with a hint; --strict fails on
// them as on every warning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"

namespace ccnt {

// A year with at least this many records dated to the month, more than half of them in January,
// has its January months reported as likely placeholders (W053). Real publication months spread
// over the year (about 1 in 12 in January).
inline constexpr std::size_t kPlaceholderMonthMinRecords = 10;

// The title as a key for near-duplicates: without the record's issuer at its start, the wrapper
// 关于印发/发布/转发《…》的通知 (or 公告), book-title marks, quotes and spaces.
std::string duplicate_title_key(std::string_view title, const std::vector<std::string>& issuers);

// The first year of a Five-Year Plan named in a title (十四五 → 2021), or 0 when none is named.
int five_year_plan_start(std::string_view title);

// Runs every check on the loaded policies: near-duplicate titles (W050), a plan period that does
// not fit the publication date (W051), an imported record without an issuer (W052), a month that
// looks like a placeholder (W053). Hash maps keyed by the normalised title keep it linear in the
// number of records.
void check_data_quality(const std::vector<Policy>& policies, Diagnostics& diagnostics);

}  // namespace ccnt
