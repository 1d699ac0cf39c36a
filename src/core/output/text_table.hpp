// A table of text cells rendered for a terminal (aligned by display width),
// as a GitHub-flavoured Markdown table, or as CSV/TSV.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccnt {

struct TextTable {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // each row has one cell per header
  std::vector<bool> right_align;               // per column; missing entries mean left
  // Per column: whether render() may narrow it before all others (long text
  // such as titles); empty means every column. Columns not marked shrink only
  // when narrowing the marked ones to their header's width is not enough.
  std::vector<bool> shrinkable;
  // Per column: whether the column is never narrowed nor cut (ids, which must stay
  // whole to be pasted into another command); empty means none. When the other
  // columns cannot make room, they are cut only to their header's width and the
  // lines are left wider than max_width.
  std::vector<bool> whole;

  // Columns separated by two spaces and aligned by display width, with a line
  // of "─" under the headers. When max_width > 0 and a line would be wider,
  // the widest columns are narrowed and their cells cut with "…" so that every
  // line fits (except for `whole` columns); max_width 0 never cuts. Every line
  // ends with "\n".
  std::string render(std::size_t max_width = 0) const;

  // Per column: whether its cells are Markdown already (a link, a code span) made safe for a
  // table cell by the caller; empty means none. Other cells are text, escaped here.
  std::vector<bool> markdown;

  // A GitHub-flavoured Markdown table. Text cells are escaped (markdown_escape_inline: markup,
  // "|", line breaks as spaces); Markdown cells only have their line breaks made spaces.
  std::string render_markdown() const;

  // Headers and rows as delimiter-separated values. With ',' (or any separator
  // but a tab): RFC 4180, CRLF line ends, fields quoted when they hold the
  // separator, a quote, CR or LF. With '\t': TSV, "\n" line ends, tabs and line
  // breaks inside fields replaced by spaces. With `formula_guard`, a cell that a spreadsheet
  // would take for a formula gets a leading "'" (csv_formula_guard).
  std::string render_csv(char separator = ',', bool formula_guard = true) const;
};

// A CSV/TSV cell made inert for spreadsheets, as OWASP recommends: a cell starting with `=`,
// `+`, `-`, `@`, a tab or CR gets a leading "'", except a plain number such as -3.5 (a
// spreadsheet reads it as the number, not as a formula).
std::string csv_formula_guard(std::string_view cell);

}  // namespace ccnt
