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
#include "core/output/sheet.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/query/relation_index.hpp"

namespace ccnt {

// One policy as a JSON object with the documented field names; absent optional
// fields are omitted. `pretty` indents by two spaces. With `relations` (`ccnt show`), the
// records that name this one too: implemented_by, superseded_by, amended_by, when there are any.
void append_policy_json(std::string& out, const Policy& policy, const Registry& registry,
                        bool pretty, const RelationIndex* relations = nullptr);

// The CSV/TSV columns, in order: every field of a record (docs/commands/list.md), lists joined
// by ";" (join_list), `targets` their number.
const std::vector<std::string>& policy_csv_columns();

// The columns of the targets table (`list --targets`, the workbook's second sheet): one row per
// target, keyed by its policy's id.
const std::vector<std::string>& target_csv_columns();

// The workbook of `ccnt list --format xlsx`: the sheet `policies` (the CSV's columns, dates as
// dates, numbers as numbers) and the sheet `targets` (target_csv_columns()); the headers are
// the keys, or their Chinese labels with `headers` Chinese (--headers zh).
std::vector<Sheet> policy_sheets(const std::vector<const Policy*>& policies,
                                 const Registry& registry,
                                 HeaderLanguage headers = HeaderLanguage::English);

// The targets of `policies` as CSV or TSV (`ccnt list --targets`), one row per target.
std::string export_policy_targets(const std::vector<const Policy*>& policies,
                                  const Registry& registry, OutputFormat format, bool bom = false,
                                  bool formula_guard = true,
                                  HeaderLanguage headers = HeaderLanguage::English);

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
