// Quantitative targets side by side: for one indicator, each region's target
// beside the national benchmark, compared only where the comparison is sound.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// How a target relates to the national benchmark it is compared with.
enum class Verdict { Benchmark, Stricter, Equal, Weaker };

std::string_view to_string(Verdict verdict);

// One policy's target for an indicator: the binding value, and the value it
// aims for (力争) when the policy states one too.
struct TargetEntry {
  const Policy* policy = nullptr;
  const Target* target = nullptr;  // the binding target, or the aim when there is no other
  const Target* aim = nullptr;     // a further "aim" target on the same terms, if any
};

struct ComparedTarget {
  TargetEntry entry;
  TargetEntry benchmark;  // the national target it was compared with
  Verdict verdict = Verdict::Equal;
};

// A target that cannot be set against the benchmark, and why: in English (JSON, CSV and the
// English tables) and in Chinese (the Chinese tables).
struct ApartTarget {
  TargetEntry entry;
  std::string reason;
  std::string reason_zh;
};

struct IndicatorComparison {
  const Indicator* indicator = nullptr;
  std::vector<TargetEntry> benchmarks;   // binding national targets of the indicator
  std::vector<ComparedTarget> compared;  // each against the benchmark on the same terms
  std::vector<ApartTarget> apart;        // the rest, with the reason
};

// Compares the targets of `policies`, one result per indicator that has targets
// (in registry order; within one, regions in registry order). `only` non-null
// limits it to that indicator. The rules, which docs/commands/targets.md states
// for users:
//  - benchmarks are the binding targets of policies whose region is `national`;
//  - a policy's `aim` target on the same terms as a binding one rides along with
//    it; an aim with no binding target is never compared (set apart);
//  - a target is compared with a benchmark of the same unit, kind, base year,
//    target year and scope (after normalize_scope); when several benchmarks
//    match and their values differ, it is set apart rather than compared with
//    one of them at random;
//  - everything else is set apart with the reason of the first difference.
std::vector<IndicatorComparison> compare_targets(const std::vector<const Policy*>& policies,
                                                 const Registry& registry,
                                                 const Indicator* only = nullptr);

// The scope as compared: surrounding blanks removed, a leading 规上 spelled out
// (规上工业 = 规模以上工业), and a scope naming the whole issuing region (全国, 全省,
// 全市, 全区, 全县, 全自治区) made empty, since a target without a scope already
// covers the whole region.
std::string normalize_scope(std::string_view scope);

// A value as people read it: "≥16%", "约250万千瓦", "18%（力争）".
std::string format_target_value(const Target& target);

}  // namespace ccnt
