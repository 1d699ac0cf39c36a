// The checks that span policy files, run once every file of the tree has passed its own
// checks (policy_checks.hpp): E050, an id used twice; E051, a title recorded twice in a region;
// the relations between records (E054-E058, W054, W055) and the national records of the policy
// series (E131).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/policy/series_registry.hpp"

namespace ccnt {

// Reports each policy whose id, or whose region and title, an earlier one (in `policies`'
// order) already has.
void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics);

// Checks the relations of the whole tree's `policies` (implements, supersedes, amends): each id
// names a record (E054; ids in `unreadable_ids`, files with errors of their own, are not
// reported); a record implements only one of a higher level (E055) whose region it lies in
// (E056); supersedes and amends stay in one region (E058) and form no cycle (E057); a superseded
// record says so in its status (W054); a record does not supersede, amend or implement a later
// one (W055). Needs every record: `ccnt validate` runs it on the whole tree.
void check_relations(const std::vector<Policy>& policies, const Registry& registry,
                     const std::unordered_set<std::string>& unreadable_ids,
                     Diagnostics& diagnostics);

// Checks that the national record a series of schemas/series.yaml names, when the tree has
// it, is a national record (E131). A tree without it is no error: coverage says so.
void check_series_records(const std::vector<Policy>& policies, const SeriesRegistry& series,
                          Diagnostics& diagnostics);

}  // namespace ccnt
