// `ccnt coverage` rendered in each of its formats (kCoverageFormats): regions × policy series,
// each cell the month the region's counterpart was published, with the national record's date
// and the totals (docs/commands/coverage.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/output/output_format.hpp"
#include "core/output/sheet.hpp"
#include "core/policy/registry.hpp"
#include "core/query/coverage.hpp"

namespace ccnt {

// The matrix in `format` (table, csv, tsv, json or markdown). The table and Markdown have a row
// for the nation (its records' dates) and one of totals, and the series under the matrix; CSV
// and TSV are the `coverage` sheet of coverage_sheets() as text, guarded against spreadsheet
// formulas unless `formula_guard` is false. The table is fitted to `width` columns (0: no limit).
std::string render_coverage(const CoverageMatrix& matrix, const Registry& registry,
                            OutputFormat format, std::size_t width, bool formula_guard = true);

// The workbook: `coverage` (a row per region, the nation's first: per series the date and the
// records' ids), `series` (each series with its national record and how many regions issued one)
// and `policies` (a row per region's record, the matrix's cells taken apart).
std::vector<Sheet> coverage_sheets(const CoverageMatrix& matrix, const Registry& registry);

}  // namespace ccnt
