// Reading an export to import: CSV or TSV (RFC 4180 quoting, quoted newlines, with or without a
// UTF-8 byte-order mark), a JSON array of objects or JSON Lines, as one table of text cells.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

enum class SourceFormat { Csv, Tsv, Json, JsonLines };

// The format a file name implies (.csv, .tsv, .json, .jsonl/.ndjson); nullopt for another name.
std::optional<SourceFormat> source_format_of(std::string_view file_name);

// Parses "csv", "tsv", "json" or "jsonl".
std::optional<SourceFormat> parse_source_format(std::string_view name);

// One record of the export: its cells in the order of SourceTable::columns ("" when absent) and
// the line it starts on, for messages.
struct SourceRow {
  int line = 0;
  std::vector<std::string> cells;
};

// The export as a table: CSV/TSV columns from the header row; JSON columns in the order their
// keys first appear. JSON numbers and booleans become their text; null an empty cell.
struct SourceTable {
  std::vector<std::string> columns;
  std::vector<SourceRow> rows;

  // Index of a column, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const;
};

// Reads `bytes` (the whole file) as `format`. Problems (not UTF-8, unbalanced quotes, a row with
// more cells than the header, malformed JSON, a nested value) are reported under `display` with
// codes E100-E103; a row that cannot be read is left out, a file that cannot be read at all gives
// nullopt.
std::optional<SourceTable> read_source_table(std::string_view bytes, SourceFormat format,
                                             const std::string& display, Diagnostics& diagnostics);

}  // namespace ccnt
