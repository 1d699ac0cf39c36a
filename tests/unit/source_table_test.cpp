#include <catch2/catch.hpp>

#include <string>

#include "core/import/source_table.hpp"

using namespace ccnt;

namespace {

SourceTable read_ok(std::string_view text, SourceFormat format) {
  Diagnostics diagnostics;
  auto table = read_source_table(text, format, "x", diagnostics);
  for (const Diagnostic& d : diagnostics.all()) UNSCOPED_INFO(d.code << " " << d.message);
  REQUIRE(diagnostics.empty());
  REQUIRE(table);
  return std::move(*table);
}

std::string first_code(std::string_view text, SourceFormat format) {
  Diagnostics diagnostics;
  read_source_table(text, format, "x", diagnostics);
  return diagnostics.empty() ? std::string() : diagnostics.all().front().code;
}

}  // namespace

TEST_CASE("source table: CSV") {
  SECTION("with a byte-order mark, CRLF and RFC 4180 quoting") {
    const auto table = read_ok(
        "\xEF\xBB\xBFid,file_name,note\r\n1,\"A, with comma\",\"say \"\"hi\"\"\"\r\n2,B,\r\n",
        SourceFormat::Csv);
    REQUIRE(table.columns == std::vector<std::string>{"id", "file_name", "note"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == std::vector<std::string>{"1", "A, with comma", "say \"hi\""});
    CHECK(table.rows[1].cells == std::vector<std::string>{"2", "B", ""});
    CHECK(table.rows[1].line == 3);
  }
  SECTION("a quoted newline stays in the cell and lines are counted through it") {
    const auto table = read_ok("id,t\n1,\"two\nlines\"\n2,x\n", SourceFormat::Csv);
    CHECK(table.rows[0].cells[1] == "two\nlines");
    CHECK(table.rows[1].line == 4);
  }
  SECTION("short rows are padded; empty lines skipped") {
    const auto table = read_ok("a,b,c\n1\n\n2,3\n", SourceFormat::Csv);
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == std::vector<std::string>{"1", "", ""});
  }
  SECTION("TSV") {
    const auto table = read_ok("a\tb\n1,2\t3\n", SourceFormat::Tsv);
    CHECK(table.rows[0].cells == std::vector<std::string>{"1,2", "3"});
  }
  SECTION("problems") {
    CHECK(first_code("a,b\n1,2,3\n", SourceFormat::Csv) == "E101");
    CHECK(first_code("a,b\n1,\"open\n", SourceFormat::Csv) == "E101");
    CHECK(first_code("a,a\n1,2\n", SourceFormat::Csv) == "E101");
    CHECK(first_code("", SourceFormat::Csv) == "E113");
    CHECK(first_code("\xEF\xBB\xBF\n", SourceFormat::Csv) == "E113");
    // 政策 in GBK
    CHECK(first_code("id,t\n1,\xD5\xFE\xB2\xDF\n", SourceFormat::Csv) == "E100");
  }
}

TEST_CASE("source table: JSON and JSON Lines") {
  SECTION("an array of flat records; keys become columns as they appear") {
    const auto table = read_ok(
        R"([{"id": "a", "year_published": 2021, "note": null},
            {"id": "b", "file_name": "\u6d4b\u8bd5 \"x\"", "ok": true}])",
        SourceFormat::Json);
    REQUIRE(table.columns ==
            std::vector<std::string>{"id", "year_published", "note", "file_name", "ok"});
    CHECK(table.rows[0].cells == std::vector<std::string>{"a", "2021", "", "", ""});
    CHECK(table.rows[1].cells[3] == "测试 \"x\"");
    CHECK(table.rows[1].cells[4] == "true");
    CHECK(table.rows[1].line == 2);
  }
  SECTION("JSON Lines: a bad line is reported, the others read") {
    Diagnostics diagnostics;
    auto table = read_source_table("{\"id\": \"a\"}\n{\"id\": \n{\"id\": \"c\"}\n",
                                   SourceFormat::JsonLines, "x", diagnostics);
    REQUIRE(table);
    CHECK(table->rows.size() == 2);
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].code == "E102");
    CHECK(diagnostics.all()[0].mark.line == 2);
  }
  SECTION("problems") {
    CHECK(first_code(R"({"id": "a"})", SourceFormat::Json) == "E102");
    CHECK(first_code(R"([{"id": ["a"]}])", SourceFormat::Json) == "E103");
    CHECK(first_code(R"([{"id": "a"})", SourceFormat::Json) == "E102");
    CHECK(first_code(std::string(100, '['), SourceFormat::Json) == "E102");
    CHECK(first_code(R"([{"id": "\ud800"}])", SourceFormat::Json) == "E102");
  }
}
