#include <catch2/catch.hpp>

#include "core/query/target_comparison.hpp"
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

TEST_CASE("each compared target names the benchmark it was compared with") {
  const Policy national = policy_in("national", {energy_target(13.5)});
  const Policy henan = policy_in("henan", {energy_target(18)});
  const auto c = only(compare_targets({&national, &henan}, testing::source_registry()));
  REQUIRE(c.compared.size() == 1);
  CHECK(c.compared[0].benchmark.policy == &national);
  CHECK(c.compared[0].benchmark.target == &national.targets[0]);
}

TEST_CASE("lower is stricter when the registry says so") {
  const Registry& registry = testing::source_registry();
  const Indicator* coal = registry.find_indicator("coal-consumption-share");
  REQUIRE(coal);
  REQUIRE_FALSE(coal->higher_is_stricter);
  const auto share = [](double value) {
    Target target = energy_target(value, "at-most", "");
    target.indicator = "coal-consumption-share";
    target.kind = "share";
    target.base_year.reset();
    return target;
  };
  const Policy national = policy_in("national", {share(50)});
  const Policy henan = policy_in("henan", {share(60)});
  const Policy guizhou = policy_in("guizhou", {share(45)});
  const auto c = only(compare_targets({&national, &henan, &guizhou}, registry, coal));
  REQUIRE(c.compared.size() == 2);
  CHECK(c.compared[0].verdict == Verdict::Weaker);    // 河南 60% > 50%
  CHECK(c.compared[1].verdict == Verdict::Stricter);  // 贵州 45% < 50%
}

TEST_CASE("an aim without a binding target is shown but never compared") {
  const Policy national = policy_in("national", {energy_target(13.5)});
  // The aim is for 2030, the binding target for 2025: the aim does not ride along.
  const Policy zhejiang = policy_in(
      "zhejiang",
      {energy_target(16, "at-least"), energy_target(25, "aim", "规模以上工业", 2020, 2030)});
  const auto c = only(compare_targets({&national, &zhejiang}, testing::source_registry()));
  REQUIRE(c.compared.size() == 1);
  CHECK(c.compared[0].entry.target->value == 16);
  CHECK_FALSE(c.compared[0].entry.aim);
  REQUIRE(c.apart.size() == 1);
  CHECK(c.apart[0].entry.target->value == 25);
  CHECK(c.apart[0].reason == "only an aim (力争), no binding target to compare");
}

TEST_CASE("a national aim is not a benchmark") {
  const Policy national = policy_in("national", {energy_target(15, "aim")});
  const Policy henan = policy_in("henan", {energy_target(18)});
  const auto c = only(compare_targets({&national, &henan}, testing::source_registry()));
  CHECK(c.benchmarks.empty());
  CHECK(c.compared.empty());
  REQUIRE(c.apart.size() == 2);
  CHECK(c.apart[0].entry.policy == &national);
  CHECK(c.apart[0].reason == "only an aim (力争), not a binding benchmark");
  CHECK(c.apart[1].reason == "no national target for this indicator");
}

TEST_CASE("national targets that disagree on the same terms leave the target apart") {
  Policy first = policy_in("national", {energy_target(13.5)});
  Policy second = policy_in("national", {energy_target(14)});
  second.id = "national-second";
  const Policy agreeing = policy_in("national", {energy_target(13.5)});
  const Policy henan = policy_in("henan", {energy_target(18)});
  const auto c = only(compare_targets({&first, &second, &henan}, testing::source_registry()));
  CHECK(c.benchmarks.size() == 2);
  REQUIRE(c.apart.size() == 1);
  CHECK(c.apart[0].reason ==
        "the national targets on these terms disagree: 13.5% in national-fixture, 14% in "
        "national-second");
  // Two national policies with the same value are one benchmark in effect.
  const auto same = only(compare_targets({&first, &agreeing, &henan}, testing::source_registry()));
  REQUIRE(same.compared.size() == 1);
  CHECK(same.compared[0].verdict == Verdict::Stricter);
}

TEST_CASE("a unit or kind of its own is a reason to set a target apart") {
  const Policy national = policy_in("national", {energy_target(13.5)});
  Target per_mille = energy_target(135);
  per_mille.unit = "‰";
  Target level = energy_target(0.5);
  level.kind = "level";
  const Policy henan = policy_in("henan", {per_mille});
  const Policy hunan = policy_in("hunan", {level});
  const auto c = only(compare_targets({&national, &henan, &hunan}, testing::source_registry()));
  REQUIRE(c.apart.size() == 2);
  CHECK(c.apart[0].reason == "unit ‰ differs from the national %");
  CHECK(c.apart[1].reason == "kind level differs from the national reduction");
}

TEST_CASE("a scope naming the whole region is no scope") {
  const Policy national = policy_in("national", {energy_target(13.5, "", "全国")});
  const Policy henan = policy_in("henan", {energy_target(14, "", "全省")});
  const Policy guangzhou = policy_in("guangzhou", {energy_target(13.5, "", "")});
  const Policy hunan = policy_in("hunan", {energy_target(14, "", "全行业")});
  const auto c =
      only(compare_targets({&national, &henan, &guangzhou, &hunan}, testing::source_registry()));
  REQUIRE(c.compared.size() == 2);
  CHECK(c.compared[0].verdict == Verdict::Stricter);  // 河南 (provinces before cities)
  CHECK(c.compared[1].verdict == Verdict::Equal);     // 广州
  REQUIRE(c.apart.size() == 1);
  CHECK(c.apart[0].reason == "scope 全行业 differs from the national (whole region)");
}

TEST_CASE("only the indicator asked for is compared, and indicators without targets are left out") {
  Target co2 = energy_target(20);
  co2.indicator = "industrial-co2-intensity-reduction";
  const Policy national = policy_in("national", {energy_target(13.5)});
  const Policy zhejiang = policy_in("zhejiang", {energy_target(16), co2});
  const Registry& registry = testing::source_registry();
  const auto all = compare_targets({&national, &zhejiang}, registry);
  REQUIRE(all.size() == 2);
  CHECK(all[0].indicator->slug == "industrial-energy-intensity-reduction");  // registry order
  CHECK(all[1].indicator->slug == "industrial-co2-intensity-reduction");
  const auto one = compare_targets({&national, &zhejiang}, registry,
                                   registry.find_indicator("industrial-co2-intensity-reduction"));
  REQUIRE(one.size() == 1);
  REQUIRE(one[0].apart.size() == 1);
  CHECK(one[0].apart[0].entry.target == &zhejiang.targets[1]);
}

TEST_CASE("target values read as people write them") {
  CHECK(format_target_value(energy_target(16, "at-least")) == "≥16%");
  CHECK(format_target_value(energy_target(13.5)) == "13.5%");
  CHECK(format_target_value(energy_target(18, "aim")) == "18%（力争）");
  CHECK(format_target_value(energy_target(250, "about")) == "约250%");
  CHECK(format_target_value(energy_target(50, "at-most")) == "≤50%");
}

TEST_CASE("scopes are normalised by the documented rule only") {
  CHECK(normalize_scope(" 规上工业 ") == "规模以上工业");
  CHECK(normalize_scope("规模以上工业") == "规模以上工业");
  CHECK(normalize_scope("\u3000全市\t") == "");
  CHECK(normalize_scope("全省城镇") == "全省城镇");
  CHECK(normalize_scope("全行业") == "全行业");
}
