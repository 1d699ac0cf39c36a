#include <catch2/catch.hpp>

#include "core/output/display_width.hpp"
#include "core/output/text_table.hpp"

using ccnt::csv_formula_guard;
using ccnt::display_width;
using ccnt::TextTable;

namespace {

TextTable mixed_table() {
  TextTable table;
  table.headers = {"region", "title", "id"};
  table.rows = {{"浙江", "浙江省工业领域碳达峰实施方案", "fixture-zhejiang-industry"},
                {"广州", "Guangzhou plan", "fixture-guangzhou"}};
  return table;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("TextTable aligns mixed Chinese and Latin cells by display width") {
  CHECK(mixed_table().render() ==
        "region  title                         id\n"
        "──────  ────────────────────────────  ─────────────────────────\n"
        "浙江    浙江省工业领域碳达峰实施方案  fixture-zhejiang-industry\n"
        "广州    Guangzhou plan                fixture-guangzhou\n");
}

TEST_CASE("TextTable right-aligns the columns asked for and leaves no trailing spaces") {
  TextTable table;
  table.headers = {"name", "n"};
  table.right_align = {false, true};
  table.rows = {{"a", "5"}, {"bb", "120"}};
  CHECK(table.render() ==
        "name    n\n"
        "────  ───\n"
        "a       5\n"
        "bb    120\n");
}

TEST_CASE("TextTable fits a narrow width by cutting the shrinkable column") {
  TextTable table = mixed_table();
  table.shrinkable = {false, true, false};
  const std::string out = table.render(50);
  CHECK(out ==
        "region  title            id\n"
        "──────  ───────────────  ─────────────────────────\n"
        "浙江    浙江省工业领域…  fixture-zhejiang-industry\n"
        "广州    Guangzhou plan   fixture-guangzhou\n");
  for (const std::string& line : lines_of(out)) CHECK(display_width(line) <= 50);
}

TEST_CASE("TextTable shrinks every column when narrowing the shrinkable ones is not enough") {
  TextTable table = mixed_table();
  table.shrinkable = {false, true, false};
  for (std::size_t width : {40u, 30u, 20u, 12u, 5u}) {
    INFO("width " << width);
    for (const std::string& line : lines_of(table.render(width)))
      CHECK(display_width(line) <= width);
  }
}

TEST_CASE("TextTable never cuts a whole column; the others give way, then lines overflow") {
  TextTable table = mixed_table();
  table.shrinkable = {false, true, true};
  table.whole = {false, false, true};
  const std::string out = table.render(40);
  CHECK(out ==
        "region  title  id\n"
        "──────  ─────  ─────────────────────────\n"
        "浙江    浙江…  fixture-zhejiang-industry\n"
        "广州    Guan…  fixture-guangzhou\n");
  // Too narrow for the whole id: the other columns stop at their header's width.
  const std::string narrow = table.render(12);
  CHECK(narrow.find("fixture-zhejiang-industry\n") != std::string::npos);
  CHECK(narrow.find("fixture-guangzhou\n") != std::string::npos);
}

TEST_CASE("TextTable with no width limit never cuts") {
  TextTable table = mixed_table();
  CHECK(table.render(0).find("…") == std::string::npos);
  CHECK(table.render(1000) == table.render(0));
}

TEST_CASE("TextTable keeps cells on one line") {
  TextTable table;
  table.headers = {"a", "b"};
  table.rows = {{"x\ny", "1\t2"}};
  CHECK(table.render() == "a    b\n───  ───\nx y  1 2\n");
}

TEST_CASE("TextTable renders GitHub Markdown with escaped pipes") {
  TextTable table;
  table.headers = {"title", "n"};
  table.right_align = {false, true};
  table.rows = {{"a|b", "1"}, {"浙江\n方案", "2"}};
  CHECK(table.render_markdown() ==
        "| title | n |\n"
        "| --- | ---: |\n"
        "| a\\|b | 1 |\n"
        "| 浙江 方案 | 2 |\n");
}

TEST_CASE("TextTable escapes hidden characters and CI commands on a terminal") {
  TextTable table;
  table.headers = {"a"};
  table.rows = {{"x\x1b[31my\u202Ez"}, {"::error::x"}};
  CHECK(table.render() == "a\n───────────────────\nx\\x1b[31my<U+202E>z\n\\x3a:error::x\n");
}

TEST_CASE("TextTable escapes Markdown in text cells but not in Markdown cells") {
  TextTable table;
  table.headers = {"text", "link"};
  table.markdown = {false, true};
  table.rows = {{"*a*|[b]", "[t](https://x)"}};
  CHECK(table.render_markdown() ==
        "| text | link |\n"
        "| --- | --- |\n"
        "| \\*a\\*\\|\\[b\\] | [t](https://x) |\n");
}

TEST_CASE("TextTable guards CSV and TSV cells against spreadsheet formulas") {
  TextTable table;
  table.headers = {"a", "b"};
  table.rows = {{"=1+1", "+1"}, {"-2", "-3.5"}, {"@SUM(A1)", "\tx"}, {"-1+2", "a=b"}};
  CHECK(table.render_csv(',') ==
        "a,b\r\n"
        "'=1+1,'+1\r\n"
        "-2,-3.5\r\n"
        "'@SUM(A1),'\tx\r\n"
        "'-1+2,a=b\r\n");
  CHECK(table.render_csv('\t') == "a\tb\n'=1+1\t'+1\n-2\t-3.5\n'@SUM(A1)\t' x\n'-1+2\ta=b\n");
  CHECK(table.render_csv(',', false) ==
        "a,b\r\n=1+1,+1\r\n-2,-3.5\r\n@SUM(A1),\tx\r\n-1+2,a=b\r\n");
  CHECK(csv_formula_guard("\rx") == "'\rx");
  CHECK(csv_formula_guard("-") == "'-");
  CHECK(csv_formula_guard("-.5") == "'-.5");
  CHECK(csv_formula_guard("12") == "12");
}

TEST_CASE("TextTable renders RFC 4180 CSV") {
  TextTable table;
  table.headers = {"id", "title"};
  table.rows = {{"a", "plain"},
                {"b", "with, comma"},
                {"c", "say \"hi\""},
                {"d", "two\nlines"},
                {"e", "浙江"}};
  CHECK(table.render_csv(',') ==
        "id,title\r\n"
        "a,plain\r\n"
        "b,\"with, comma\"\r\n"
        "c,\"say \"\"hi\"\"\"\r\n"
        "d,\"two\nlines\"\r\n"
        "e,浙江\r\n");
}

TEST_CASE("TextTable renders TSV without tabs or line breaks inside fields") {
  TextTable table;
  table.headers = {"id", "title"};
  table.rows = {{"a", "x\ty"}, {"b", "two\r\nlines \"q\""}};
  CHECK(table.render_csv('\t') ==
        "id\ttitle\n"
        "a\tx y\n"
        "b\ttwo lines \"q\"\n");
}
