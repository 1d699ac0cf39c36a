#include "core/query/target_comparison.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/output/labels.hpp"

namespace ccnt {
namespace {

bool is_aim(const Target& target) {
  return target.qualifier == "aim";
}

bool same_terms(const Target& a, const Target& b) {
  return a.target_year == b.target_year && a.base_year == b.base_year && a.unit == b.unit &&
         a.kind == b.kind && normalize_scope(a.scope) == normalize_scope(b.scope);
}

// Groups one policy's targets of an indicator into binding targets, each with
// the aim on the same terms if there is one; an aim without one stands alone.
std::vector<TargetEntry> entries_of(const Policy& policy,
                                    const std::vector<const Target*>& targets) {
  std::vector<TargetEntry> entries;
  for (const Target* target : targets)
    if (!is_aim(*target)) entries.push_back({&policy, target, nullptr});
  for (const Target* aim : targets) {
    if (!is_aim(*aim)) continue;
    auto owner = std::find_if(entries.begin(), entries.end(), [&](const TargetEntry& e) {
      return !e.aim && !is_aim(*e.target) && same_terms(*e.target, *aim);
    });
    if (owner != entries.end())
      owner->aim = aim;
    else
      entries.push_back({&policy, aim, nullptr});
  }
  return entries;
}

std::string year_text(const std::optional<int>& year, bool chinese = false) {
  return year ? std::to_string(*year) : std::string(chinese ? "无" : "none");
}

std::string scope_text(const std::string& normalized, bool chinese = false) {
  return normalized.empty() ? std::string(chinese ? "（全域）" : "(whole region)") : normalized;
}

// A reason in both languages.
struct Reason {
  std::string english;
  std::string chinese;
};

// `field` (English and Chinese) of the target differs from the benchmark's.
Reason differs(std::string_view field, std::string_view field_zh, const std::string& value,
               const std::string& national, const std::string& value_zh,
               const std::string& national_zh) {
  return {fmt::format("{} {} differs from the national {}", field, value, national),
          fmt::format("{} {} 与国家的 {} 不同", field_zh, value_zh, national_zh)};
}

// Why `target` cannot be compared with `benchmark`, or nothing when it can.
std::optional<Reason> difference(const Target& target, const Target& benchmark) {
  if (target.unit != benchmark.unit)
    return differs("unit", "单位", target.unit, benchmark.unit, target.unit, benchmark.unit);
  if (target.kind != benchmark.kind)
    return differs("kind", "类别", target.kind, benchmark.kind,
                   std::string(value_label("kind", target.kind, HeaderLanguage::Chinese)),
                   std::string(value_label("kind", benchmark.kind, HeaderLanguage::Chinese)));
  if (target.base_year != benchmark.base_year)
    return differs("base year", "基准年", year_text(target.base_year),
                   year_text(benchmark.base_year), year_text(target.base_year, true),
                   year_text(benchmark.base_year, true));
  if (target.target_year != benchmark.target_year)
    return differs("target year", "目标年", std::to_string(target.target_year),
                   std::to_string(benchmark.target_year), std::to_string(target.target_year),
                   std::to_string(benchmark.target_year));
  const std::string scope = normalize_scope(target.scope);
  const std::string national = normalize_scope(benchmark.scope);
  if (scope != national)
    return differs("scope", "范围", scope_text(scope), scope_text(national),
                   scope_text(scope, true), scope_text(national, true));
  return std::nullopt;
}

Verdict judge(const Target& target, const Target& benchmark, bool higher_is_stricter) {
  if (target.value == benchmark.value) return Verdict::Equal;
  const bool higher = target.value > benchmark.value;
  return higher == higher_is_stricter ? Verdict::Stricter : Verdict::Weaker;
}

// Sets one regional target against the benchmarks: compared, or apart with the reason.
void place(const TargetEntry& entry, const Indicator& indicator, IndicatorComparison& comparison) {
  if (comparison.benchmarks.empty()) {
    comparison.apart.push_back(
        {entry, "no national target for this indicator", "该指标没有国家目标"});
    return;
  }
  if (is_aim(*entry.target)) {
    comparison.apart.push_back({entry, "only an aim (力争), no binding target to compare",
                                "仅有力争目标，没有可比较的约束性目标"});
    return;
  }
  std::optional<Reason> first_difference;
  std::vector<const TargetEntry*> matches;
  for (const TargetEntry& benchmark : comparison.benchmarks) {
    std::optional<Reason> why = difference(*entry.target, *benchmark.target);
    if (!why)
      matches.push_back(&benchmark);
    else if (!first_difference)
      first_difference = std::move(why);
  }
  if (matches.empty()) {
    comparison.apart.push_back(
        {entry, std::move(first_difference->english), std::move(first_difference->chinese)});
    return;
  }
  const bool agree = std::all_of(matches.begin(), matches.end(), [&](const TargetEntry* m) {
    return m->target->value == matches.front()->target->value;
  });
  if (!agree) {
    std::vector<std::string> values;
    std::vector<std::string> values_zh;
    for (const TargetEntry* m : matches) {
      values.push_back(fmt::format("{} in {}", format_target_value(*m->target), m->policy->id));
      values_zh.push_back(fmt::format("{}（{}）", format_target_value(*m->target), m->policy->id));
    }
    comparison.apart.push_back(
        {entry,
         fmt::format("the national targets on these terms disagree: {}", fmt::join(values, ", ")),
         fmt::format("国家在这些条件下的目标不一致：{}", fmt::join(values_zh, "、"))});
    return;
  }
  const TargetEntry& benchmark = *matches.front();
  comparison.compared.push_back(
      {entry, benchmark, judge(*entry.target, *benchmark.target, indicator.higher_is_stricter)});
}

// Targets of one indicator, national and regional, as they are collected.
struct Collected {
  std::vector<TargetEntry> national;
  std::vector<std::pair<std::ptrdiff_t, TargetEntry>> regional;  // with the region's rank
};

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Benchmark:
      return "benchmark";
    case Verdict::Stricter:
      return "stricter";
    case Verdict::Equal:
      return "equal";
    case Verdict::Weaker:
      return "weaker";
  }
  return "";
}

std::string normalize_scope(std::string_view scope) {
  const auto strip = [&](std::string_view blank, bool front) {
    while (front ? scope.starts_with(blank) : scope.ends_with(blank))
      front ? scope.remove_prefix(blank.size()) : scope.remove_suffix(blank.size());
  };
  for (int pass = 0; pass < 2; ++pass)
    for (std::string_view blank : {" ", "\t", "\u3000"}) {
      strip(blank, true);
      strip(blank, false);
    }
  constexpr std::array<std::string_view, 6> kWholeRegion{"全国", "全省", "全市",
                                                         "全区", "全县", "全自治区"};
  if (std::find(kWholeRegion.begin(), kWholeRegion.end(), scope) != kWholeRegion.end()) return {};
  std::string out(scope);
  constexpr std::string_view kShort = "规上";
  constexpr std::string_view kLong = "规模以上";
  if (out.starts_with(kShort) && !out.starts_with(kLong)) out.replace(0, kShort.size(), kLong);
  return out;
}

std::string format_target_value(const Target& target) {
  std::string value = fmt::format("{}{}", target.value, target.unit);
  if (target.qualifier == "at-least") return "≥" + value;
  if (target.qualifier == "at-most") return "≤" + value;
  if (target.qualifier == "about") return "约" + value;
  if (target.qualifier == "aim") return value + "（力争）";
  return value;
}

std::vector<IndicatorComparison> compare_targets(const std::vector<const Policy*>& policies,
                                                 const Registry& registry, const Indicator* only) {
  // One pass over the policies, grouping their targets by indicator.
  std::unordered_map<std::string, Collected> by_indicator;
  std::unordered_map<std::string, std::vector<const Target*>> of_policy;
  for (const Policy* policy : policies) {
    if (policy->targets.empty()) continue;
    of_policy.clear();
    std::vector<const std::string*> order;  // indicators in the order the policy states them
    for (const Target& target : policy->targets) {
      if (only && target.indicator != only->slug) continue;
      auto [it, inserted] = of_policy.try_emplace(target.indicator);
      if (inserted) order.push_back(&it->first);
      it->second.push_back(&target);
    }
    if (order.empty()) continue;
    const Region* region = registry.find_region(policy->region);
    const std::ptrdiff_t rank = region ? region - registry.regions().data() : -1;
    for (const std::string* slug : order) {
      Collected& collected = by_indicator[*slug];
      for (TargetEntry& entry : entries_of(*policy, of_policy[*slug])) {
        if (policy->region == "national")
          collected.national.push_back(entry);
        else
          collected.regional.emplace_back(rank, entry);
      }
    }
  }

  std::vector<IndicatorComparison> result;
  for (const Indicator& indicator : registry.indicators()) {
    auto found = by_indicator.find(indicator.slug);
    if (found == by_indicator.end()) continue;
    Collected& collected = found->second;
    IndicatorComparison comparison;
    comparison.indicator = &indicator;
    std::vector<TargetEntry> national_aims;
    for (const TargetEntry& entry : collected.national)
      (is_aim(*entry.target) ? national_aims : comparison.benchmarks).push_back(entry);
    for (const TargetEntry& entry : national_aims)
      comparison.apart.push_back(
          {entry, "only an aim (力争), not a binding benchmark", "仅为力争目标，不作为约束性基准"});
    // Regions in registry order (provinces, then cities, as the bulletin reads); stable, so
    // one region's targets keep their path and file order.
    std::stable_sort(collected.regional.begin(), collected.regional.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [rank, entry] : collected.regional) place(entry, indicator, comparison);
    result.push_back(std::move(comparison));
  }
  return result;
}

}  // namespace ccnt
