#include "core/bulletin/bulletin_targets.hpp"

#include <unordered_set>

#include <fmt/format.h>

#include "core/bulletin/bulletin_month.hpp"
#include "core/output/labels.hpp"
#include "core/query/target_comparison.hpp"

namespace ccnt {
namespace {

// The bulletin is Chinese: the comparison words of `ccnt targets` in Chinese.
std::string verdict_text(Verdict verdict) {
  return std::string(label(to_string(verdict), HeaderLanguage::Chinese));
}

std::string entry_value(const TargetEntry& entry) {
  std::string value = format_target_value(*entry.target);
  // As `ccnt targets` shows it: ≥16%，力争18%.
  if (entry.aim && entry.aim != entry.target)
    value += fmt::format("，力争{}{}", entry.aim->value, entry.aim->unit);
  return value;
}

std::string terms(const Target& target) {
  std::string text = normalize_scope(target.scope);
  if (target.base_year)
    text += fmt::format("{}较 {} 年", text.empty() ? "" : "，", *target.base_year);
  return text;
}

}  // namespace

std::vector<BulletinTargetRow> bulletin_target_rows(const std::vector<const Policy*>& month,
                                                    const std::vector<Policy>& tree,
                                                    const Registry& registry) {
  // The month's local policies, and every national policy as a possible benchmark.
  std::vector<const Policy*> taking_part;
  std::unordered_set<const Policy*> local;
  for (const Policy* policy : month)
    if (!is_national_policy(*policy) && !policy->targets.empty()) {
      taking_part.push_back(policy);
      local.insert(policy);
    }
  if (local.empty()) return {};
  for (const Policy& policy : tree)
    if (is_national_policy(policy) && !policy.targets.empty()) taking_part.push_back(&policy);

  std::vector<BulletinTargetRow> rows;
  for (const IndicatorComparison& comparison : compare_targets(taking_part, registry)) {
    for (const ComparedTarget& compared : comparison.compared) {
      if (local.count(compared.entry.policy) == 0) continue;
      const Region* region = registry.find_region(compared.entry.policy->region);
      BulletinTargetRow row;
      row.region = region ? region->name : compared.entry.policy->region;
      row.indicator =
          comparison.indicator ? comparison.indicator->name : compared.entry.target->indicator;
      row.terms = terms(*compared.entry.target);
      row.year = compared.entry.target->target_year;
      row.value = entry_value(compared.entry);
      row.benchmark = entry_value(compared.benchmark);
      row.benchmark_title = compared.benchmark.policy->title;
      row.verdict = verdict_text(compared.verdict);
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace ccnt
