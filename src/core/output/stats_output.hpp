// `ccnt stats` rendered in each of its formats (kStatsFormats): tables for the terminal or
// Markdown, tidy CSV, JSON.
#pragma once

#include <cstddef>
#include <string>

#include "core/output/output_format.hpp"
#include "core/query/policy_stats.hpp"

namespace ccnt {

// The counts in `format`; the terminal table is fitted to `width` columns (0: no limit); CSV
// cells are guarded against spreadsheet formulas (csv_formula_guard) unless `formula_guard` is
// false.
std::string render_stats(const PolicyStats& stats, OutputFormat format, std::size_t width,
                         bool formula_guard = true);

}  // namespace ccnt
