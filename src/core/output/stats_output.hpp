// `ccnt stats` rendered in each of its formats (kStatsFormats): tables for the terminal or
// Markdown, tidy CSV, JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/output/labels.hpp"
#include "core/output/output_format.hpp"
#include "core/output/sheet.hpp"
#include "core/query/policy_stats.hpp"

namespace ccnt {

// Which tables `stats --by` asks for; without --by, all but the issuer table.
struct StatsTables {
  bool region_sector = true, level = true, added = true, indicator = true, issuer = false;

  StatsTables() = default;
  // From the table names of --by (region-sector, level, added, indicator, issuer).
  explicit StatsTables(const std::vector<std::string>& by);
};

// The counts in `format` (`issuers` is read only when tables.issuer); the terminal table is fitted
// to `width` columns (0: no limit); CSV cells are guarded against spreadsheet formulas
// (csv_formula_guard) unless `formula_guard` is false. Titles, headers and ccnt's words are in
// `headers` (default: default_header_language(format)); CSV cells and JSON keys are keys.
std::string render_stats(const PolicyStats& stats, const IssuerStats& issuers,
                         const StatsTables& tables, OutputFormat format, std::size_t width,
                         bool formula_guard = true,
                         std::optional<HeaderLanguage> headers = std::nullopt);

// The workbook of `ccnt stats --format xlsx`: one sheet per table asked for, as tidy rows
// (region-sector: region, sector, policies; level; added, a month as a date; indicator; issuer),
// counts as numbers.
std::vector<Sheet> stats_sheets(const PolicyStats& stats, const IssuerStats& issuers,
                                const StatsTables& tables,
                                HeaderLanguage headers = HeaderLanguage::English);

}  // namespace ccnt
