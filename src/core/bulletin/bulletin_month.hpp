// Which policies a monthly bulletin covers: those whose `added` falls in its
// month, national ones in the national section and the rest in the local one.
#pragma once

#include <vector>

#include "core/policy/policy.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// True when the policy entered the tracker in `month` (year and month of `added`).
bool added_in_month(const Policy& policy, const PartialDate& month);

// True when the policy belongs in 碳中和国家行动一览 rather than 碳中和地方行动一览.
bool is_national_policy(const Policy& policy);

// The policies added in `month` that a bulletin covers (stubs are left out), in the order given.
std::vector<const Policy*> policies_added_in(const std::vector<Policy>& policies,
                                             const PartialDate& month);

}  // namespace ccnt
