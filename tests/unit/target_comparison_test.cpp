#include <catch2/catch.hpp>

#include "core/target_comparison.hpp"
#include "source_tree.hpp"

using namespace ccnt;

namespace {

Target energy_target(double value, std::string qualifier = "", std::string scope = "规模以上工业",
                     std::optional<int> base_year = 2020, int target_year = 2025) {
  Target target;
  target.indicator = "industrial-energy-intensity-reduction";
  target.value = value;
  target.unit = "%";
  target.kind = "reduction";
  target.qualifier = std::move(qualifier);
  target.base_year = base_year;
  target.target_year = target_year;
  target.scope = std::move(scope);
  return target;
}

Policy policy_in(std::string region, std::vector<Target> targets) {
  Policy policy;
  policy.id = region + "-fixture";
  policy.region = std::move(region);
  policy.targets = std::move(targets);
  return policy;
}

IndicatorComparison only(std::vector<IndicatorComparison> comparisons) {
  REQUIRE(comparisons.size() == 1);
  return std::move(comparisons[0]);
}

}  // namespace

TEST_CASE("targets are judged against the national benchmark with the same terms") {
  const Registry& registry = testing::source_registry();
  const Policy national = policy_in("national", {energy_target(13.5)});
  const Policy henan = policy_in("henan", {energy_target(18)});
  const Policy weak = policy_in("guizhou", {energy_target(12)});
  const Policy same = policy_in("zhejiang", {energy_target(13.5, "", "规上工业")});
  const auto c = only(compare_targets({&henan, &national, &weak, &same}, registry));
  REQUIRE(c.benchmarks.size() == 1);
  CHECK(c.benchmarks[0].policy == &national);
  REQUIRE(c.compared.size() == 3);
  // Registry order: 浙江, 河南, 贵州.
  CHECK(c.compared[0].entry.policy == &same);
  CHECK(c.compared[0].verdict == Verdict::Equal);
  CHECK(c.compared[1].verdict == Verdict::Stricter);
  CHECK(c.compared[2].verdict == Verdict::Weaker);
  CHECK(c.apart.empty());
}

TEST_CASE("the binding target is compared and the aim shown beside it") {
  const Policy national = policy_in("national", {energy_target(13.5)});
  const Policy zhejiang =
      policy_in("zhejiang", {energy_target(16, "at-least"), energy_target(18, "aim")});
  const auto c = only(compare_targets({&national, &zhejiang}, testing::source_registry()));
  REQUIRE(c.compared.size() == 1);
  CHECK(c.compared[0].entry.target->value == 16);
  REQUIRE(c.compared[0].entry.aim);
  CHECK(c.compared[0].entry.aim->value == 18);
}

TEST_CASE("targets on other terms are set apart with the reason, never compared") {
  const Policy national = policy_in("national", {energy_target(13.5)});
  const Policy scope = policy_in("hunan", {energy_target(14, "", "全行业")});
  const Policy base = policy_in("henan", {energy_target(18, "", "规模以上工业", 2015)});
  const Policy year = policy_in("hebei", {energy_target(20, "", "规模以上工业", 2020, 2030)});
  const auto c =
      only(compare_targets({&national, &scope, &base, &year}, testing::source_registry()));
  CHECK(c.compared.empty());
  REQUIRE(c.apart.size() == 3);
  // Registry order: 河北, 河南, 湖南.
  CHECK(c.apart[0].reason == "target year 2030 differs from the national 2025");
  CHECK(c.apart[1].reason == "base year 2015 differs from the national 2020");
  CHECK(c.apart[2].reason == "scope 全行业 differs from the national 规模以上工业");
}

TEST_CASE("without a national target nothing is compared") {
  const Policy henan = policy_in("henan", {energy_target(18)});
  const auto c = only(compare_targets({&henan}, testing::source_registry()));
  REQUIRE(c.apart.size() == 1);
  CHECK(c.apart[0].reason == "no national target for this indicator");
}

TEST_CASE("target values read as people write them") {
  CHECK(format_target_value(energy_target(16, "at-least")) == "≥16%");
  CHECK(format_target_value(energy_target(13.5)) == "13.5%");
  CHECK(format_target_value(energy_target(18, "aim")) == "18%（力争）");
  CHECK(format_target_value(energy_target(250, "about")) == "约250%");
  CHECK(normalize_scope(" 规上工业 ") == "规模以上工业");
}
