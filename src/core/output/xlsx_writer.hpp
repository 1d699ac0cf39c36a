// Excel workbooks (.xlsx), written with libxlsxwriter: one worksheet per Sheet, each with its
// header row bold and frozen, an autofilter over its columns and column widths fitted to their
// text as it displays (a Han character two columns); text cells are strings (never formulas),
// numbers numbers, dates dates formatted to their precision (yyyy, yyyy-mm, yyyy-mm-dd).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/output/sheet.hpp"

namespace ccnt {

// The widest a column is made, in Excel's units (about one Latin character): a summary of 4,000
// characters would otherwise make a column no screen shows.
inline constexpr double kMaxColumnWidth = 60;

// The width a column gets for `header` and `cells`: the widest display width plus a margin,
// at most kMaxColumnWidth.
double column_width(const std::string& header, const std::vector<const SheetCell*>& cells);

// `text` as a workbook's string, so that a spreadsheet shows exactly it: Excel reads `_xHHHH_`
// in a string as the character U+HHHH, so the `_` that starts such a run is written `_x005F_`.
std::string xlsx_text(std::string_view text);

// The bytes of a workbook of `sheets`. libxlsxwriter writes to a file: it writes into a private
// temporary directory (under TMPDIR, else /tmp) that is removed before this returns, and the
// caller installs the bytes with the one atomic writer. The workbook's creation time is today's
// date (CCNT_TODAY in tests), so that the same data gives the same bytes. nullopt with `error`
// when the workbook cannot be written.
std::optional<std::string> workbook_bytes(const std::vector<Sheet>& sheets, std::string& error);

}  // namespace ccnt
