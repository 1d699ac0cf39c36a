// Writing a list of policies in the machine-readable formats of `ccnt list`
// (documented in docs/commands/list.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// Formats `ccnt list --format` accepts besides the table.
enum class ExportFormat { Json, Jsonl, Csv, Tsv, Yaml, Markdown, Ids };

// Parses a format name ("json", "csv", ...); false for an unknown name.
bool parse_export_format(std::string_view name, ExportFormat& format);

// One policy as a JSON object with the documented field names; absent optional
// fields are omitted. `pretty` indents by two spaces.
void append_policy_json(std::string& out, const Policy& policy, const Registry& registry,
                        bool pretty);

// The CSV/TSV columns, in order.
const std::vector<std::string>& policy_csv_columns();

// The whole list in `format`. CSV and TSV start with a UTF-8 byte-order mark when `bom`, and
// their cells are guarded against spreadsheet formulas (csv_formula_guard) unless
// `formula_guard` is false.
std::string export_policies(const std::vector<const Policy*>& policies, const Registry& registry,
                            ExportFormat format, bool bom = false, bool formula_guard = true);

}  // namespace ccnt
