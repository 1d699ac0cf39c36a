// Typed sheets (core/output/sheet.hpp) as CSV text, and the workbook writer: column widths by
// display width, a zip that is the same for the same data. The workbook's content as a
// spreadsheet reads it is checked with openpyxl (tests/xlsx/check_workbooks.py).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "core/output/sheet.hpp"
#include "core/output/xlsx_writer.hpp"

using namespace ccnt;

namespace fs = std::filesystem;

namespace {

// TMPDIR set for the scope of one test, restored after.
class TmpDir {
 public:
  explicit TmpDir(const fs::path& dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TmpDir() {
    if (old_)
      ::setenv("TMPDIR", old_->c_str(), 1);
    else
      ::unsetenv("TMPDIR");
  }
  TmpDir(const TmpDir&) = delete;
  TmpDir& operator=(const TmpDir&) = delete;

 private:
  std::optional<std::string> old_;
};

Sheet sample() {
  Sheet sheet{"policies", {"id", "title", "published", "targets", "stub"}, {}};
  sheet.rows.push_back({SheetCell::of("zhejiang-a"), SheetCell::of("=HYPERLINK(\"x\")"),
                        SheetCell::of_date(PartialDate::parse("2022-07")),
                        SheetCell::of_number(13.5), SheetCell::of_bool(true)});
  sheet.rows.push_back({SheetCell::of("b"), SheetCell::of(""), SheetCell::of_date(std::nullopt),
                        SheetCell::of_number(2025), SheetCell::of_bool(false)});
  return sheet;
}

}  // namespace

TEST_CASE("cells as CSV text: numbers shortest, dates as precise as known, empty as nothing") {
  const TextTable table = sample().text_table();
  CHECK(table.headers == std::vector<std::string>{"id", "title", "published", "targets", "stub"});
  CHECK(table.rows[0] ==
        std::vector<std::string>{"zhejiang-a", "=HYPERLINK(\"x\")", "2022-07", "13.5", "true"});
  CHECK(table.rows[1] == std::vector<std::string>{"b", "", "", "2025", "false"});
  CHECK(SheetCell::of("").kind == SheetCell::Kind::Empty);
  CHECK(join_list({"a", "b", "c"}) == "a;b;c");
  CHECK(join_list({}).empty());
  // The CSV guard still applies to the text cells.
  CHECK(table.render_csv().find("'=HYPERLINK") != std::string::npos);
}

TEST_CASE("a column is as wide as its widest text as displayed, within bounds") {
  const SheetCell latin = SheetCell::of("abcdef");
  const SheetCell han = SheetCell::of("浙江省工业领域碳达峰实施方案");  // 14 characters, 28 columns
  const SheetCell date = SheetCell::of_date(PartialDate::parse("2023-02-14"));
  CHECK(column_width("id", {&latin}) == 7);  // widest 6, plus one
  CHECK(column_width("title", {&latin, &han}) == 29);
  CHECK(column_width("published", {&date}) == 12);  // the header and its filter button
  const SheetCell summary = SheetCell::of(std::string(300, 'x'));
  CHECK(column_width("summary", {&summary}) == kMaxColumnWidth);
}

TEST_CASE("a workbook is a zip, the same bytes for the same data, and leaves no temporary file") {
  ::setenv("CCNT_TODAY", "2026-11-24", 1);
  const fs::path scratch = fs::temp_directory_path() / fmt::format("ccnt-xlsx-test-{}", ::getpid());
  fs::create_directories(scratch);
  const TmpDir tmpdir(scratch);
  std::string error;
  const auto first = workbook_bytes({sample(), Sheet{"targets", {"policy"}, {}}}, error);
  INFO(error);
  REQUIRE(first);
  CHECK(first->starts_with("PK\x03\x04"));
  CHECK(first->find("xl/worksheets/sheet2.xml") != std::string::npos);  // zip names are plain
  const auto second = workbook_bytes({sample(), Sheet{"targets", {"policy"}, {}}}, error);
  REQUIRE(second);
  CHECK(*first == *second);
  CHECK(fs::is_empty(scratch));  // the private directory and libxlsxwriter's files are gone
  fs::remove_all(scratch);
}

TEST_CASE("a workbook that cannot be written says why") {
  const TmpDir tmpdir("/nonexistent/ccnt-tmp");
  std::string error;
  CHECK_FALSE(workbook_bytes({sample()}, error));
  CHECK(error.starts_with("cannot make a temporary directory: "));
}

TEST_CASE("text that Excel would read as an escaped character is written so that it shows as is") {
  CHECK(xlsx_text("浙江省_x0041_方案") == "浙江省_x005F_x0041_方案");
  CHECK(xlsx_text("_x003D_HYPERLINK") == "_x005F_x003D_HYPERLINK");
  CHECK(xlsx_text("_x12_ _xZZZZ_ x0041_ _x0041") == "_x12_ _xZZZZ_ x0041_ _x0041");
  CHECK(xlsx_text("") == "");
}
