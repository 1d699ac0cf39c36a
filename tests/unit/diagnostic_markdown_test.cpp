// The validation report in Markdown (validate --format markdown, --summary): every problem is
// one row, the counts add up, data stays text, and a report too big for GitHub says what it left.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/diag/diagnostic_format.hpp"
#include "core/diag/diagnostic_markdown.hpp"

using namespace ccnt;

namespace {

std::string markdown(const Diagnostics& diagnostics, std::size_t max_bytes = 1 << 30) {
  std::ostringstream out;
  write_diagnostics_markdown(out, diagnostics, 19, 16, 0, max_bytes);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The rows of the problems' table: the lines after its header and separator.
std::vector<std::string> problem_rows(const std::string& text) {
  const std::vector<std::string> lines = lines_of(text);
  std::vector<std::string> rows;
  bool in_table = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with("| file | line |")) {
      in_table = true;
      ++i;  // the separator
      continue;
    }
    if (in_table && lines[i].starts_with("| ")) rows.push_back(lines[i]);
  }
  return rows;
}

}  // namespace

TEST_CASE("markdown: the counts, then every problem as one row with its file, line and code") {
  Diagnostics diagnostics;
  diagnostics.error("E030", "policies/a.yaml", {3, 9}, "unknown region `zhejang`",
                    "did you mean zhejiang?");
  diagnostics.error("E030", "policies/b.yaml", {4, 9}, "unknown region `x`");
  diagnostics.warning("W060", "bulletins/2023-03.yaml", {44, 10}, "credits still holds a TODO");
  diagnostics.error("E005", "policies/c.yaml", {}, "the file is empty");
  const std::string text = markdown(diagnostics);
  CHECK(text.starts_with("### ccnt validate\n\nchecked 19 files: 3 errors, 1 warning\n"));
  CHECK(text.find("| E005 | error | 1 |\n| E030 | error | 2 |\n| W060 | warning | 1 |\n") !=
        std::string::npos);
  const std::vector<std::string> rows = problem_rows(text);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] ==
        "| policies/a.yaml | 3 | E030 | error | unknown region \\`zhejang\\`<br>hint: did you "
        "mean zhejiang? |");
  CHECK(rows[2] == "| bulletins/2023-03.yaml | 44 | W060 | warning | credits still holds a TODO |");
  CHECK(rows[3] == "| policies/c.yaml | – | E005 | error | the file is empty |");
  std::ostringstream through_format;
  write_diagnostics(through_format, diagnostics, DiagnosticFormat::Markdown, 19, 16, false);
  CHECK(through_format.str() == text);
}

TEST_CASE("markdown: a clean tree is the summary line alone") {
  CHECK(markdown(Diagnostics{}) ==
        "### ccnt validate\n\nchecked 16 policies in 19 files: no problems found\n");
}

TEST_CASE(
    "markdown: a file name or message with markup, pipes or line breaks stays one cell of text") {
  Diagnostics diagnostics;
  diagnostics.error("E036", "policies/a|b<img src=x>_*.yaml", {1, 5},
                    "title `x` | <script>alert(1)</script>\nsecond line", "::error::forged");
  const std::vector<std::string> rows = problem_rows(markdown(diagnostics));
  REQUIRE(rows.size() == 1);
  const std::string& row = rows[0];
  CHECK(row.starts_with("| policies/a\\|b\\<img src=x>\\_\\*.yaml | 1 | E036 | error | "));
  CHECK(row.find("\\<script>") != std::string::npos);
  CHECK(row.find(" \\| ") != std::string::npos);
  CHECK(row.find("<script>") == row.find("\\<script>") + 1);  // only the escaped one
  CHECK(row.find("\\nsecond line") != std::string::npos);     // the break shown, not made
  // Five cells: the row's unescaped pipes are its six borders.
  std::size_t borders = 0;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++borders;
  CHECK(borders == 6);
}

TEST_CASE("markdown: a report over the size limit ends its table with how many rows it left out") {
  Diagnostics diagnostics;
  for (int i = 0; i < 5000; ++i)
    diagnostics.error("E021", fmt::format("policies/zhejiang/industry/p{:04}.yaml", i), {1, 1},
                      "missing required field `title`");
  const std::size_t limit = 64 * 1024;
  const std::string text = markdown(diagnostics, limit);
  CHECK(text.size() <= limit);
  const std::vector<std::string> rows = problem_rows(text);
  REQUIRE(rows.size() > 100);
  const std::size_t shown = rows.size() - 1;
  CHECK(rows.back() == fmt::format("| … | | | | and {} more problems, left out to keep this report "
                                   "under GitHub's size limit; `ccnt validate` lists them all |",
                                   5000 - shown));
  CHECK(text.find("| E021 | error | 5000 |") != std::string::npos);  // the counts are whole
  CHECK(problem_rows(markdown(diagnostics)).size() == 5000);         // no limit: every row
}
