// The checks that span policy files, run once every file of the tree has passed its own
// checks (policy_checks.hpp): E050, an id used twice; E051, a title recorded twice in a region.
#pragma once

#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"

namespace ccnt {

// Reports each policy whose id, or whose region and title, an earlier one (in `policies`'
// order) already has.
void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics);

}  // namespace ccnt
