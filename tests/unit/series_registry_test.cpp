// The registry of policy series (schemas/series.yaml): read like the other registries, every
// problem E130 at its line, and the criteria that recognise a regional counterpart.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "core/policy/series_registry.hpp"
#include "core/util/text_normalize.hpp"
#include "scratch_tree.hpp"
#include "source_tree.hpp"

using namespace ccnt;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kDocTypes = {"实施方案", "行动方案", "通知"};

// A series.yaml of `text` in a scratch schemas/ directory, read; the directory is removed after.
struct Loaded {
  std::optional<SeriesRegistry> registry;
  Diagnostics diagnostics;
};

Loaded load(const std::string& text) {
  std::random_device random;
  const fs::path root = fs::temp_directory_path() / fmt::format("ccnt-series-{}", random());
  testing::write_text(root / "schemas" / "series.yaml", text);
  Loaded loaded;
  loaded.registry = SeriesRegistry::load(root / "schemas" / "series.yaml",
                                         testing::source_registry(), kDocTypes, loaded.diagnostics);
  fs::remove_all(root);
  return loaded;
}

Policy record(std::string title, std::string sector, std::string doc_type,
              std::string subsector = {}) {
  Policy p;
  p.title = std::move(title);
  p.sector = std::move(sector);
  p.subsector = std::move(subsector);
  p.doc_type = std::move(doc_type);
  return p;
}

}  // namespace

TEST_CASE("the project's series registry reads, and names resolve in every form") {
  const SeriesRegistry& series = testing::source_project().series;
  REQUIRE(series.series().size() >= 5);
  const PolicySeries* industry = series.find("industry-peaking");
  REQUIRE(industry);
  CHECK(industry->group == "N");
  CHECK(industry->national == "national-industry-carbon-peaking");
  CHECK(series.find("工业") == industry);
  CHECK(series.find("工业领域碳达峰实施方案") == industry);
  CHECK(series.find("Carbon Peaking Plan for Industry") == industry);
  CHECK(series.find("peaking")->group == "1");
  CHECK(series.find("nonsense") == nullptr);
  CHECK(series.suggest("industry-peakin") == std::vector<std::string>{"industry-peaking"});
}

TEST_CASE("a tree without series.yaml has no series, which is no error") {
  Diagnostics diagnostics;
  const auto registry = SeriesRegistry::load("/nonexistent/schemas/series.yaml",
                                             testing::source_registry(), kDocTypes, diagnostics);
  REQUIRE(registry);
  CHECK(registry->series().empty());
  CHECK(registry->path().empty());
  CHECK(diagnostics.empty());
}

TEST_CASE("every problem of series.yaml is E130 at its line, all in one run") {
  const Loaded loaded = load(
      "series:\n"
      "  - slug: Bad_Slug\n"  // 2
      "    name: 甲\n"
      "    group: 2\n"     // 4
      "    colour: red\n"  // 5
      "    match:\n"
      "      sector: industri\n"  // 7
      "      doc_type: 方略\n"    // 8
      "  - slug: b\n"
      "    name: 乙\n"
      "    group: N\n"
      "    national: 乙方案\n"           // 12
      "    match: {subsector: solar}\n"  // 13
      "  - name: 丙\n"                   // 14
      "  - slug: d\n"
      "    name: 甲\n"  // the name of the first
      "    group: N\n"
      "    match: {sector: power, subsector: steel, title: [光伏]}\n");  // 18
  CHECK_FALSE(loaded.registry);
  std::vector<std::pair<int, std::string>> found;
  for (const Diagnostic& d : loaded.diagnostics.all()) {
    CHECK(d.code == "E130");
    CHECK(d.path.ends_with("schemas/series.yaml"));
    found.emplace_back(d.mark.line, d.message);
  }
  using P = std::pair<int, std::string>;
  CHECK(std::find(found.begin(), found.end(), P{5, "unknown key `colour`"}) != found.end());
  CHECK(std::find(found.begin(), found.end(), P{7, "unknown sector `industri`"}) != found.end());
  CHECK(std::find(found.begin(), found.end(), P{8, "unknown document type `方略`"}) != found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{2, "slug `Bad_Slug` is not lower-case ASCII letters, digits and -"}) !=
        found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{4, "series `Bad_Slug` needs `group: \"1\"` or `group: N`"}) != found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{12, "`national` must be the id of a record, not `乙方案`"}) != found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{13, "`subsector` needs the `sector` it belongs to"}) != found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{13, "`match` needs a `sector` or a `title`, or it would match every record"}) !=
        found.end());
  CHECK(std::find(found.begin(), found.end(), P{14, "a series needs a slug and a name"}) !=
        found.end());
  CHECK(std::find(found.begin(), found.end(), P{18, "`steel` is not a subsector of power"}) !=
        found.end());
  CHECK(std::find(found.begin(), found.end(),
                  P{15, "name `甲` of series `d` is already used by `Bad_Slug` (line 2)"}) !=
        found.end());
}

TEST_CASE("series.yaml needs its top-level list") {
  const Loaded loaded = load("serie:\n  - slug: a\n");
  CHECK_FALSE(loaded.registry);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics.all()[0].code == "E130");
  CHECK(loaded.diagnostics.all()[0].message == "registry needs a top-level list `series`");
}

TEST_CASE("a counterpart meets every criterion given, the title compared as a reader sees it") {
  const Loaded loaded = load(
      "series:\n"
      "  - slug: materials\n"
      "    name: 建材行业碳达峰实施方案\n"
      "    label: 建材\n"
      "    group: N\n"
      "    match:\n"
      "      sector: 工业\n"  // any name of the sector
      "      subsector: 建材\n"
      "      doc_type: [实施方案, 行动方案]\n"
      "      title: 建材行业碳达峰\n"
      "  - slug: relation-only\n"
      "    name: 只按关系\n"
      "    group: N\n");
  INFO(loaded.diagnostics.size());
  REQUIRE(loaded.registry);
  const PolicySeries& materials = *loaded.registry->find("建材");
  CHECK(materials.match->sector == "industry");
  CHECK(materials.match->subsector == "building-materials");
  const auto meets = [&](const Policy& p) {
    return meets_series_criteria(materials, p, comparison_form(p.title));
  };
  CHECK(
      meets(record("湖南省建材行业碳达峰实施方案", "industry", "实施方案", "building-materials")));
  CHECK(meets(
      record("湖南省建材行业碳达峰\u3000实施方案", "industry", "行动方案", "building-materials")));
  CHECK_FALSE(meets(record("湖南省建材行业碳达峰实施方案", "industry", "通知",
                           "building-materials")));  // another type
  CHECK_FALSE(meets(record("湖南省建材行业碳达峰实施方案", "industry", "实施方案")));  // subsector
  CHECK_FALSE(meets(record("湖南省钢铁行业碳达峰实施方案", "industry", "实施方案",
                           "building-materials")));  // title
  const PolicySeries& relation_only = *loaded.registry->find("relation-only");
  CHECK_FALSE(relation_only.match);
  CHECK(relation_only.label == "只按关系");  // the name, when no label is given
  CHECK_FALSE(
      meets_series_criteria(relation_only, record("只按关系", "industry", "实施方案"), "只按关系"));
}
