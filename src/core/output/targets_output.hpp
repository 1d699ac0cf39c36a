// `ccnt targets` rendered in each of its formats (kTargetsFormats): per indicator, the
// national benchmarks and the targets compared with them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/output/labels.hpp"
#include "core/output/output_format.hpp"
#include "core/output/sheet.hpp"
#include "core/policy/registry.hpp"
#include "core/query/target_comparison.hpp"

namespace ccnt {

// The comparisons in `format`; terminal tables are fitted to `width` columns (0: no limit);
// CSV cells are guarded against spreadsheet formulas unless `formula_guard` is false. Headings,
// headers, verdicts and reasons are in `headers` (default: default_header_language(format));
// CSV keeps its cells (verdicts as keys, reasons in English), JSON its keys and values.
std::string render_targets(const std::vector<IndicatorComparison>& comparisons,
                           const Registry& registry, OutputFormat format, std::size_t width,
                           bool formula_guard = true,
                           std::optional<HeaderLanguage> headers = std::nullopt);

// The workbook of `ccnt targets --format xlsx`: the sheet `targets`, the CSV's columns with
// values and years as numbers.
std::vector<Sheet> targets_sheets(const std::vector<IndicatorComparison>& comparisons,
                                  const Registry& registry,
                                  HeaderLanguage headers = HeaderLanguage::English);

}  // namespace ccnt
