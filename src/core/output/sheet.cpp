#include "core/output/sheet.hpp"

#include <fmt/format.h>

namespace ccnt {

SheetCell SheetCell::of(std::string value) {
  SheetCell cell;
  if (!value.empty()) {
    cell.kind = Kind::Text;
    cell.text = std::move(value);
  }
  return cell;
}

SheetCell SheetCell::of_number(double value) {
  SheetCell cell;
  cell.kind = Kind::Number;
  cell.number = value;
  return cell;
}

SheetCell SheetCell::of_date(const std::optional<PartialDate>& value) {
  SheetCell cell;
  if (value) {
    cell.kind = Kind::Date;
    cell.date = *value;
  }
  return cell;
}

SheetCell SheetCell::of_bool(bool value) {
  SheetCell cell;
  cell.kind = Kind::Boolean;
  cell.number = value ? 1 : 0;
  return cell;
}

std::string SheetCell::as_text() const {
  switch (kind) {
    case Kind::Text:
      return text;
    case Kind::Number:
      return fmt::format("{}", number);
    case Kind::Date:
      return date.to_string();
    case Kind::Boolean:
      return number != 0 ? "true" : "false";
    case Kind::Empty:
      break;
  }
  return {};
}

TextTable Sheet::text_table() const {
  TextTable table;
  table.headers = headers;
  table.rows.reserve(rows.size());
  for (const std::vector<SheetCell>& row : rows) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const SheetCell& cell : row) cells.push_back(cell.as_text());
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

}  // namespace ccnt
