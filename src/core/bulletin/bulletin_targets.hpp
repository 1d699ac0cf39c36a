// The optional part of the bulletin that sets the month's quantitative targets
// beside the national benchmark (appendix: [targets]), on the rules of
// compare_targets: same indicator, unit, kind, base and target year, scope.
#pragma once

#include <string>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// One local target of the month against its national benchmark, as displayed.
struct BulletinTargetRow {
  std::string region;     // short name: 浙江
  std::string indicator;  // Chinese name of the indicator
  std::string terms;  // scope and base year, e.g. 规模以上工业，较 2020 年; may be empty
  int year = 0;       // target year
  std::string value;  // ≥16%，18%（力争）
  std::string benchmark;        // 13.5%
  std::string benchmark_title;  // title of the national policy that sets it
  std::string verdict;          // 严于国家水平 | 与国家水平相同 | 宽于国家水平
};

// The targets of the month's local policies (`month`) that can be compared with
// a national target of `tree` (any month), in indicator then region order.
std::vector<BulletinTargetRow> bulletin_target_rows(const std::vector<const Policy*>& month,
                                                    const std::vector<Policy>& tree,
                                                    const Registry& registry);

}  // namespace ccnt
