// Quantitative targets side by side: for one indicator, each region's target
// beside the national benchmark, compared only where the comparison is sound.
#pragma once

#include <string>
#include <vector>

#include "core/policy.hpp"
#include "core/registry.hpp"

namespace ccnt {

// How a target relates to the national benchmark it is compared with.
enum class Verdict { Benchmark, Stricter, Equal, Weaker };

std::string_view to_string(Verdict verdict);

// One policy's target for an indicator: the binding value, and the value it
// aims for (力争) when the policy states one too.
struct TargetEntry {
  const Policy* policy = nullptr;
  const Target* target = nullptr;  // the binding target, or the aim when there is no other
  const Target* aim = nullptr;     // a further "aim" target of the same indicator, if any
};

struct ComparedTarget {
  TargetEntry entry;
  Verdict verdict = Verdict::Equal;
};

// A target that cannot be set against the benchmark, and why.
struct ApartTarget {
  TargetEntry entry;
  std::string reason;
};

struct IndicatorComparison {
  const Indicator* indicator = nullptr;
  std::vector<TargetEntry> benchmarks;   // national targets of the indicator
  std::vector<ComparedTarget> compared;  // each against the benchmark with the same terms
  std::vector<ApartTarget> apart;        // the rest, with the reason
};

// Compares the targets of `policies`, one result per indicator that has targets
// (in registry order); `indicator` non-null limits it to that one. Benchmarks
// are the targets of national policies; a target is compared with a benchmark
// of the same unit, base year, target year and scope (规上工业 and 规模以上工业
// being one scope), and set apart with the reason otherwise.
std::vector<IndicatorComparison> compare_targets(const std::vector<const Policy*>& policies,
                                                 const Registry& registry,
                                                 const Indicator* indicator = nullptr);

// The scope as compared: 规上 spelled out, surrounding blanks removed.
std::string normalize_scope(std::string_view scope);

// A value as people read it: "≥16%", "约250万千瓦", "18%（力争）".
std::string format_target_value(const Target& target);

}  // namespace ccnt
