#include "core/bulletin/bulletin_month.hpp"

namespace ccnt {

bool added_in_month(const Policy& policy, const PartialDate& month) {
  return policy.added.year == month.year && policy.added.month == month.month;
}

bool is_national_policy(const Policy& policy) {
  return policy.level == "national";
}

std::vector<const Policy*> policies_added_in(const std::vector<Policy>& policies,
                                             const PartialDate& month) {
  std::vector<const Policy*> selected;
  for (const Policy& policy : policies)
    if (!policy.stub && added_in_month(policy, month)) selected.push_back(&policy);
  return selected;
}

}  // namespace ccnt
