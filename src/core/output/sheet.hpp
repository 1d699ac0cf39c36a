// A table of typed cells (text, numbers, dates, true/false): the one model behind the
// spreadsheet-like exports, so that a command's CSV and its xlsx workbook carry the same fields.
// CSV and TSV render it as text (text_table.hpp); xlsx_writer.hpp writes it as a worksheet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/output/text_table.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// One cell; an empty one has no value at all.
struct SheetCell {
  enum class Kind { Empty, Text, Number, Date, Boolean };
  Kind kind = Kind::Empty;
  std::string text;   // Kind::Text
  double number = 0;  // Kind::Number; Kind::Boolean as 1 or 0
  PartialDate date;   // Kind::Date, as precise as its source (a year, a month or a day)

  // Text, empty when `value` is empty.
  static SheetCell of(std::string value);
  static SheetCell of_number(double value);
  // A date, empty when there is none.
  static SheetCell of_date(const std::optional<PartialDate>& value);
  static SheetCell of_bool(bool value);

  // The cell as CSV writes it: text as it is, a number as fmt's shortest form (16, 13.5), a date
  // as YYYY[-MM[-DD]], a boolean as true or false, an empty cell as nothing.
  std::string as_text() const;
};

// One table: a worksheet of a workbook, or a CSV file.
struct Sheet {
  std::string name;  // the worksheet's name: ASCII, at most 31 characters, none of []:*?/ and '\'
  std::vector<std::string> headers;
  std::vector<std::vector<SheetCell>> rows;  // each with one cell per header

  // The sheet as text, for render_csv.
  TextTable text_table() const;
};

// Items of a list field in one CSV cell, as docs/commands/list.md documents: joined by ";".
std::string join_list(const std::vector<std::string>& items);

}  // namespace ccnt
