// `ccnt list --count-by FIELD` rendered: a two-column table for the terminal or Markdown, CSV or
// TSV with the field's keys, JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/output/labels.hpp"
#include "core/output/output_format.hpp"
#include "core/query/policy_tally.hpp"

namespace ccnt {

// True for the formats a tally is rendered in: table, markdown, csv, tsv, json.
bool tally_format_supported(OutputFormat format);

// The tally in `format` (tally_format_supported). The table and Markdown show each value by its
// name and end with the total (unless a policy may count several times); CSV and TSV give key,
// name and count, guarded against formulas unless `formula_guard` is false; JSON keys never
// change. Headers and ccnt's words are in `headers` (default: default_header_language(format)).
std::string render_tally(const Tally& tally, OutputFormat format, std::size_t width,
                         bool formula_guard = true,
                         std::optional<HeaderLanguage> headers = std::nullopt);

}  // namespace ccnt
