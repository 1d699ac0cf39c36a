#include <catch2/catch.hpp>

#include "core/bulletin/bulletin_targets.hpp"
#include "source_tree.hpp"

using namespace ccnt;
using ccnt::testing::source_registry;

namespace {

Target target(double value, std::string qualifier, std::optional<int> base_year,
              std::string scope) {
  Target t;
  t.indicator = "industrial-energy-intensity-reduction";
  t.value = value;
  t.unit = "%";
  t.kind = "reduction";
  t.qualifier = std::move(qualifier);
  t.base_year = base_year;
  t.target_year = 2025;
  t.scope = std::move(scope);
  return t;
}

Policy policy(std::string id, std::string region, std::string level, std::string added,
              std::vector<Target> targets) {
  Policy p;
  p.id = std::move(id);
  p.title = "标题" + p.id;
  p.region = std::move(region);
  p.level = std::move(level);
  p.added = *PartialDate::parse(added);
  p.targets = std::move(targets);
  return p;
}

}  // namespace

TEST_CASE("the month's local targets are set beside a national target on the same terms") {
  const std::vector<Policy> tree{
      policy("national", "national", "national", "2026-11",
             {target(13.5, "", 2020, "规模以上工业")}),
      policy("zhejiang", "zhejiang", "provincial", "2023-03",
             {target(16, "at-least", 2020, "规模以上工业"), target(18, "aim", 2020, "规上工业")}),
      policy("henan", "henan", "provincial", "2023-03", {target(12, "", 2020, "规上工业")}),
      policy("hunan", "hunan", "provincial", "2023-03", {target(14, "", 2020, "全行业")}),
      policy("guizhou", "guizhou", "provincial", "2023-02", {target(15, "", 2020, "规模以上工业")}),
  };
  const std::vector<const Policy*> month{&tree[1], &tree[2], &tree[3]};
  const auto rows = bulletin_target_rows(month, tree, source_registry());
  REQUIRE(rows.size() == 2);  // 湖南's scope differs; 贵州 is of another month
  CHECK(rows[0].region == "浙江");
  CHECK(rows[0].indicator == "规上工业单位增加值能耗下降率");
  CHECK(rows[0].terms == "规模以上工业，较 2020 年");
  CHECK(rows[0].year == 2025);
  CHECK(rows[0].value == "≥16%，力争18%");
  CHECK(rows[0].benchmark == "13.5%");
  CHECK(rows[0].benchmark_title == "标题national");
  CHECK(rows[0].verdict == "严于国家水平");
  CHECK(rows[1].region == "河南");
  CHECK(rows[1].verdict == "宽于国家水平");
}

TEST_CASE("no rows without local targets or without a benchmark") {
  const std::vector<Policy> tree{
      policy("zhejiang", "zhejiang", "provincial", "2023-03", {target(16, "", 2020, "")})};
  CHECK(bulletin_target_rows({&tree[0]}, tree, source_registry()).empty());
  CHECK(bulletin_target_rows({}, tree, source_registry()).empty());
}
