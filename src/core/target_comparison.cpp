#include "core/target_comparison.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace ccnt {
namespace {

bool is_aim(const Target& target) { return target.qualifier == "aim"; }

// Groups one policy's targets of an indicator into its binding target and its aim.
std::vector<TargetEntry> entries_of(const Policy& policy, const std::string& indicator) {
  std::vector<TargetEntry> entries;
  std::vector<const Target*> aims;
  for (const Target& target : policy.targets) {
    if (target.indicator != indicator) continue;
    if (is_aim(target))
      aims.push_back(&target);
    else
      entries.push_back({&policy, &target, nullptr});
  }
  // An aim belongs to the binding target with the same terms; an aim alone stands for itself.
  for (const Target* aim : aims) {
    auto owner = std::find_if(entries.begin(), entries.end(), [&](const TargetEntry& e) {
      return !e.aim && e.target->target_year == aim->target_year &&
             e.target->base_year == aim->base_year && e.target->unit == aim->unit &&
             normalize_scope(e.target->scope) == normalize_scope(aim->scope);
    });
    if (owner != entries.end())
      owner->aim = aim;
    else
      entries.push_back({&policy, aim, nullptr});
  }
  return entries;
}

std::string year_text(const std::optional<int>& year) {
  return year ? std::to_string(*year) : std::string("none");
}

// Why `target` cannot be compared with `benchmark`, or "" when it can.
std::string difference(const Target& target, const Target& benchmark) {
  if (target.unit != benchmark.unit)
    return fmt::format("unit {} differs from the national {}", target.unit, benchmark.unit);
  if (target.kind != benchmark.kind)
    return fmt::format("kind {} differs from the national {}", target.kind, benchmark.kind);
  if (target.base_year != benchmark.base_year)
    return fmt::format("base year {} differs from the national {}", year_text(target.base_year),
                       year_text(benchmark.base_year));
  if (target.target_year != benchmark.target_year)
    return fmt::format("target year {} differs from the national {}", target.target_year,
                       benchmark.target_year);
  const std::string scope = normalize_scope(target.scope);
  const std::string national = normalize_scope(benchmark.scope);
  if (scope != national)
    return fmt::format("scope {} differs from the national {}", scope.empty() ? "(none)" : scope,
                       national.empty() ? "(none)" : national);
  return {};
}

Verdict judge(const Target& target, const Target& benchmark, bool higher_is_stricter) {
  if (target.value == benchmark.value) return Verdict::Equal;
  const bool higher = target.value > benchmark.value;
  return higher == higher_is_stricter ? Verdict::Stricter : Verdict::Weaker;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Benchmark: return "benchmark";
    case Verdict::Stricter: return "stricter";
    case Verdict::Equal: return "equal";
    case Verdict::Weaker: return "weaker";
  }
  return "";
}

std::string normalize_scope(std::string_view scope) {
  while (!scope.empty() && scope.front() == ' ') scope.remove_prefix(1);
  while (!scope.empty() && scope.back() == ' ') scope.remove_suffix(1);
  std::string out(scope);
  constexpr std::string_view kShort = "规上";
  constexpr std::string_view kLong = "规模以上";
  if (out.starts_with(kShort)) out.replace(0, kShort.size(), kLong);
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
                                                 const Registry& registry,
                                                 const Indicator* only) {
  std::vector<IndicatorComparison> result;
  for (const Indicator& indicator : registry.indicators()) {
    if (only && only->slug != indicator.slug) continue;
    IndicatorComparison comparison;
    comparison.indicator = &indicator;
    std::vector<TargetEntry> regional;
    for (const Policy* policy : policies) {
      for (TargetEntry& entry : entries_of(*policy, indicator.slug)) {
        if (policy->region == "national")
          comparison.benchmarks.push_back(entry);
        else
          regional.push_back(entry);
      }
    }
    if (comparison.benchmarks.empty() && regional.empty()) continue;
    // Regions in registry order: provinces first, then cities, as the bulletin reads.
    const auto rank = [&](const TargetEntry& e) {
      const Region* region = registry.find_region(e.policy->region);
      return region ? region - registry.regions().data() : std::ptrdiff_t{-1};
    };
    std::stable_sort(regional.begin(), regional.end(),
                     [&](const TargetEntry& a, const TargetEntry& b) { return rank(a) < rank(b); });
    for (const TargetEntry& entry : regional) {
      if (comparison.benchmarks.empty()) {
        comparison.apart.push_back({entry, "no national target for this indicator"});
        continue;
      }
      std::string reason;
      const TargetEntry* match = nullptr;
      for (const TargetEntry& benchmark : comparison.benchmarks) {
        std::string why = difference(*entry.target, *benchmark.target);
        if (why.empty()) {
          match = &benchmark;
          break;
        }
        if (reason.empty()) reason = std::move(why);
      }
      if (match)
        comparison.compared.push_back(
            {entry, judge(*entry.target, *match->target, indicator.higher_is_stricter)});
      else
        comparison.apart.push_back({entry, reason});
    }
    result.push_back(std::move(comparison));
  }
  return result;
}

}  // namespace ccnt
