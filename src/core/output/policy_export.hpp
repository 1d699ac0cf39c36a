// Writing a list of policies in the machine-readable formats of `ccnt list`
// (documented in docs/commands/list.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/output/labels.hpp"
#include "core/output/output_format.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// One policy as a JSON object with the documented field names; absent optional
// fields are omitted. `pretty` indents by two spaces.
void append_policy_json(std::string& out, const Policy& policy, const Registry& registry,
                        bool pretty);

// The CSV/TSV columns, in order.
const std::vector<std::string>& policy_csv_columns();

// The whole list in `format` (one of kListFormats). CSV and TSV start with a UTF-8 byte-order
// mark when `bom`, and their cells are guarded against spreadsheet formulas (csv_formula_guard)
// unless `formula_guard` is false; the table is fitted to `width` columns (0: no limit; see
// policy_table.hpp). The headers of the table, Markdown, CSV and TSV are in `headers` (default:
// default_header_language(format)); JSON and YAML keys never change.
std::string export_policies(const std::vector<const Policy*>& policies, const Registry& registry,
                            OutputFormat format, bool bom = false, bool formula_guard = true,
                            std::size_t width = 0,
                            std::optional<HeaderLanguage> headers = std::nullopt);

}  // namespace ccnt
