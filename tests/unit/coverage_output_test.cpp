// `ccnt coverage` in each format (core/output/coverage_output.hpp): the nation's row, the cells
// (a date, `undated`, `-`), totals, the series under the matrix; CSV and the workbook's sheets.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/output/coverage_output.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using nlohmann::json;

namespace {

Policy record(std::string id, std::string region, std::string level, std::string title,
              std::optional<std::string> published = {}) {
  Policy p;
  p.id = std::move(id);
  p.region = std::move(region);
  p.level = std::move(level);
  p.title = std::move(title);
  p.sector = "industry";
  p.doc_type = "实施方案";
  if (published) p.published = PartialDate::parse(*published);
  return p;
}

// The nation's industry plan, 浙江's (dated) and 河南's (undated), in two series.
struct Fixture {
  std::vector<Policy> policies;
  CoverageMatrix matrix;

  Fixture() {
    policies.push_back(record("national-industry-carbon-peaking", "national", "national",
                              "工业领域碳达峰实施方案", "2022-07"));
    policies.push_back(record("zhejiang-plan", "zhejiang", "provincial",
                              "浙江省工业领域碳达峰实施方案", "2022-11"));
    policies.push_back(record("henan-plan", "henan", "provincial", "河南省工业领域碳达峰实施方案"));
    std::vector<const Policy*> all;
    for (const Policy& p : policies) all.push_back(&p);
    const SeriesRegistry& series = testing::source_project().series;
    CoverageQuery query;
    query.series = {series.find("industry-peaking"), series.find("urban-rural-peaking")};
    matrix = compute_coverage(all, testing::source_registry(), series, query);
  }
};

}  // namespace

TEST_CASE("the coverage table: the nation first, a date, undated or -, totals, the series") {
  const Fixture fixture;
  CHECK(render_coverage(fixture.matrix, testing::source_registry(), OutputFormat::Table, 0) ==
        "region  工业     城乡建设  total\n"
        "──────  ───────  ────────  ─────\n"
        "全国    2022-07  -\n"
        "浙江    2022-11  -             1\n"
        "河南    undated  -             1\n"
        "total   2        0             2\n"
        "2 of 34 provincial-level regions have issued a plan of these series; --all-regions "
        "lists every one\n"
        "\n"
        "series    group  name                        national record\n"
        "────────  ─────  ──────────────────────────  ────────────────────────────────\n"
        "工业      N      工业领域碳达峰实施方案      national-industry-carbon-peaking\n"
        "城乡建设  N      城乡建设领域碳达峰实施方案  -\n");
}

TEST_CASE("the coverage in Markdown has the same rows") {
  const Fixture fixture;
  const std::string md =
      render_coverage(fixture.matrix, testing::source_registry(), OutputFormat::Markdown, 0);
  CHECK(md.starts_with("| region | 工业 | 城乡建设 | total |\n"));
  CHECK(md.find("| 全国 | 2022-07 | - |  |\n") != std::string::npos);
  CHECK(md.find("| 河南 | undated | - | 1 |\n") != std::string::npos);
  CHECK(md.find("| 工业 | N | 工业领域碳达峰实施方案 | national-industry-carbon-peaking |") !=
        std::string::npos);
}

TEST_CASE("the coverage as CSV: a row per region, the nation's first, date and ids per series") {
  const Fixture fixture;
  CHECK(render_coverage(fixture.matrix, testing::source_registry(), OutputFormat::Csv, 0) ==
        "region,region_name,level,industry-peaking,industry-peaking_policies,"
        "urban-rural-peaking,urban-rural-peaking_policies,issued\r\n"
        "national,全国,national,2022-07,national-industry-carbon-peaking,,,\r\n"
        "zhejiang,浙江,provincial,2022-11,zhejiang-plan,,,1\r\n"
        "henan,河南,provincial,,henan-plan,,,1\r\n");
}

TEST_CASE("the coverage as JSON") {
  const Fixture fixture;
  const json out = json::parse(
      render_coverage(fixture.matrix, testing::source_registry(), OutputFormat::Json, 0));
  CHECK(out["level"] == "provincial");
  CHECK(out["regions_at_level"] == 34);
  REQUIRE(out["series"].size() == 2);
  CHECK(out["series"][0]["national"]["published"] == "2022-07");
  CHECK(out["series"][0]["issued"] == 2);
  CHECK(out["series"][1]["national"].is_null());
  REQUIRE(out["regions"].size() == 2);
  CHECK(out["regions"][0]["cells"]["industry-peaking"]["published"] == "2022-11");
  CHECK(out["regions"][1]["cells"]["industry-peaking"].count("published") == 0);
  CHECK(out["regions"][1]["cells"]["industry-peaking"]["policies"] == json::array({"henan-plan"}));
  CHECK(out["regions"][1]["cells"].count("urban-rural-peaking") == 0);
}

TEST_CASE("the coverage workbook: the matrix, the series, the records") {
  const Fixture fixture;
  const std::vector<Sheet> sheets = coverage_sheets(fixture.matrix, testing::source_registry());
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[0].name == "coverage");
  CHECK(sheets[0].rows.size() == 3);
  CHECK(sheets[0].rows[1][3].kind == SheetCell::Kind::Date);
  CHECK(sheets[0].rows[1][7].kind == SheetCell::Kind::Number);
  CHECK(sheets[1].name == "series");
  CHECK(sheets[1].rows[0][7].date.to_string() == "2022-07");  // national_published
  CHECK(sheets[1].rows[0][8].number == 2);                    // issued
  CHECK(sheets[2].name == "policies");
  REQUIRE(sheets[2].rows.size() == 2);
  CHECK(sheets[2].rows[1][3].text == "henan-plan");
}
