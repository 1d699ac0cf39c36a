#include "core/output/text_table.hpp"

#include <algorithm>
#include <numeric>

#include "core/output/display_width.hpp"
#include "core/output/markdown_escape.hpp"
#include "core/output/visible_text.hpp"

namespace ccnt {
namespace {

constexpr std::string_view kColumnGap = "  ";
constexpr std::string_view kRule = "─";

// A cell as one line: tabs and line breaks become spaces.
std::string spaced(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') continue;
    out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

// A cell as one line of a terminal: spaced, and every other hidden character escaped.
std::string one_line(std::string_view cell) {
  return visible_text(spaced(cell));
}

// A plain decimal number: -3, 12.5.
bool is_plain_number(std::string_view cell) {
  if (cell.starts_with('-')) cell.remove_prefix(1);
  const std::size_t dot = cell.find('.');
  const std::string_view whole = cell.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view("0") : cell.substr(dot + 1);
  auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return digits(whole) && digits(fraction);
}

// Narrows the chosen columns, widest first, until their total is at most
// `budget` or each is down to its floor. Returns the total width reached.
std::size_t narrow_columns(std::vector<std::size_t>& widths, const std::vector<bool>& chosen,
                           const std::vector<std::size_t>& floors, std::size_t budget) {
  auto total = [&] { return std::accumulate(widths.begin(), widths.end(), std::size_t{0}); };
  std::size_t sum = total();
  if (sum <= budget) return sum;
  // Find the largest cap such that capping every chosen column (not below its floor) fits.
  std::size_t fixed = 0;  // width of the columns the cap does not touch
  std::size_t widest = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (chosen[c])
      widest = std::max(widest, widths[c]);
    else
      fixed += widths[c];
  }
  auto width_at = [&](std::size_t cap) {
    std::size_t w = fixed;
    for (std::size_t c = 0; c < widths.size(); ++c)
      if (chosen[c]) w += std::max(floors[c], std::min(widths[c], cap));
    return w;
  };
  std::size_t low = 0, high = widest;  // width_at(high) == sum > budget
  while (low + 1 < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (width_at(mid) <= budget)
      low = mid;
    else
      high = mid;
  }
  const std::vector<std::size_t> before = widths;
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (chosen[c]) widths[c] = std::max(floors[c], std::min(widths[c], low));
  // The cap moves every cut column at once; hand the columns left over to the first cut ones.
  sum = total();
  for (std::size_t c = 0; c < widths.size() && sum < budget; ++c)
    if (chosen[c] && widths[c] < before[c]) {
      ++widths[c];
      ++sum;
    }
  return sum;
}

}  // namespace

std::string TextTable::render(std::size_t max_width) const {
  const std::size_t columns = headers.size();
  if (columns == 0) return {};
  std::vector<std::string> head(columns);
  std::vector<std::vector<std::string>> body(rows.size(), std::vector<std::string>(columns));
  std::vector<std::size_t> natural(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) {
    head[c] = one_line(headers[c]);
    natural[c] = display_width(head[c]);
  }
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < columns && c < rows[r].size(); ++c) {
      body[r][c] = one_line(rows[r][c]);
      natural[c] = std::max(natural[c], display_width(body[r][c]));
    }

  std::vector<std::size_t> widths = natural;
  const std::size_t gaps = kColumnGap.size() * (columns - 1);
  bool cut_lines = false;
  if (max_width > 0) {
    const std::size_t budget = max_width > gaps ? max_width - gaps : 0;
    const auto is_whole = [this](std::size_t c) { return c < whole.size() && whole[c]; };
    std::vector<bool> first(columns, true), cuttable(columns, true);
    for (std::size_t c = 0; c < columns; ++c) {
      cuttable[c] = !is_whole(c);
      if (!shrinkable.empty()) first[c] = c < shrinkable.size() && shrinkable[c];
      first[c] = first[c] && cuttable[c];
    }
    const bool has_whole = std::find(cuttable.begin(), cuttable.end(), false) != cuttable.end();
    std::vector<std::size_t> header_floors(columns), small_floors(columns);
    for (std::size_t c = 0; c < columns; ++c) {
      header_floors[c] = std::min(natural[c], std::max<std::size_t>(display_width(head[c]), 6));
      small_floors[c] = std::min<std::size_t>(natural[c], 3);
    }
    if (narrow_columns(widths, first, header_floors, budget) > budget) {
      const std::vector<std::size_t> readable = widths;
      if (narrow_columns(widths, cuttable, small_floors, budget) > budget) {
        // Even three columns each do not fit: cut whole lines, or, when a column must stay
        // whole, keep the other columns readable and let the lines run longer.
        if (has_whole)
          widths = readable;
        else
          cut_lines = true;
      }
    }
  }

  auto emit_line = [&](std::string& out, const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) line += kColumnGap;
      const bool right = c < right_align.size() && right_align[c];
      const std::string cell =
          widths[c] < natural[c] ? truncate_to_width(cells[c], widths[c]) : cells[c];
      if (c + 1 == columns && !right)
        line += cell;  // no trailing spaces
      else
        line += pad_to_width(cell, widths[c], right);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (cut_lines) line = truncate_to_width(line, max_width);
    out += line;
    out += '\n';
  };

  std::string out;
  emit_line(out, head);
  std::vector<std::string> rules(columns);
  for (std::size_t c = 0; c < columns; ++c)
    for (std::size_t i = 0; i < widths[c]; ++i) rules[c] += kRule;
  emit_line(out, rules);
  for (const auto& row : body) emit_line(out, row);
  return without_ci_commands(std::move(out));
}

std::string TextTable::render_markdown() const {
  const std::size_t columns = headers.size();
  if (columns == 0) return {};
  auto emit_row = [&](std::string& out, const std::vector<std::string>& cells, bool head) {
    out += '|';
    for (std::size_t c = 0; c < columns; ++c) {
      out += ' ';
      if (c < cells.size()) {
        const bool ready = !head && c < markdown.size() && markdown[c];
        out += ready ? spaced(cells[c]) : markdown_escape_inline(cells[c]);
      }
      out += " |";
    }
    out += '\n';
  };
  std::string out;
  emit_row(out, headers, true);
  out += '|';
  for (std::size_t c = 0; c < columns; ++c)
    out += (c < right_align.size() && right_align[c]) ? " ---: |" : " --- |";
  out += '\n';
  for (const auto& row : rows) emit_row(out, row, false);
  return out;
}

std::string TextTable::render_csv(char separator, bool formula_guard) const {
  const bool tsv = separator == '\t';
  const std::string_view line_end = tsv ? "\n" : "\r\n";
  auto field = [&](std::string_view raw) {
    const std::string guarded = formula_guard ? csv_formula_guard(raw) : std::string(raw);
    const std::string_view text = guarded;
    if (tsv) return spaced(text);
    const bool quote =
        text.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos;
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    return out;
  };
  auto emit_row = [&](std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < headers.size(); ++c) {
      if (c > 0) out += separator;
      if (c < cells.size()) out += field(cells[c]);
    }
    out += line_end;
  };
  std::string out;
  emit_row(out, headers);
  for (const auto& row : rows) emit_row(out, row);
  return out;
}

std::string csv_formula_guard(std::string_view cell) {
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos ||
      is_plain_number(cell))
    return std::string(cell);
  return "'" + std::string(cell);
}

}  // namespace ccnt
