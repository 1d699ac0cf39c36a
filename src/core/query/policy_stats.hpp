// Counts over a set of policies: region × sector, level, month added, and
// targets by indicator — the numbers behind `ccnt stats`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

namespace ccnt {

// One counted value (a level, or a month YYYY-MM) and how many policies carry it.
struct Count {
  std::string key;
  std::size_t count = 0;
};

struct IndicatorCount {
  const Indicator* indicator = nullptr;
  std::size_t targets = 0;
  std::size_t policies = 0;
};

struct PolicyStats {
  std::size_t policies = 0;
  // Regions and sectors that have policies, in registry order; cells[r][s] counts
  // the policies of region r whose primary sector is s (a policy whose region or
  // sector the registry does not know has no cell; the loader leaves none such).
  std::vector<const Region*> regions;
  std::vector<const Sector*> sectors;
  std::vector<std::vector<std::size_t>> cells;
  std::vector<Count> by_level;               // national, provincial, municipal, county, then others
  std::vector<Count> by_month_added;         // oldest first
  std::vector<IndicatorCount> by_indicator;  // registry order, indicators with targets only
};

// How many policies name one agency, under any of its names (an issuer placed by the registry),
// or one issuer string the registry cannot place.
struct AgencyCount {
  std::string id;    // canonical id; empty for an issuer that cannot be placed
  std::string name;  // canonical name, or the issuer as written when it cannot be placed
  std::string kind;  // government, party, ...; empty when it cannot be placed
  std::size_t policies = 0;
};

struct IssuerStats {
  std::vector<AgencyCount> agencies;  // most policies first, then by name
  std::size_t without_issuer = 0;     // policies that name no issuer
};

// Counts per canonical agency: a policy counts once for each agency it names, however many of
// its issuer strings name it; "X等部门" counts for X.
IssuerStats count_by_issuer(const std::vector<const Policy*>& policies, const Registry& registry);

PolicyStats compute_stats(const std::vector<const Policy*>& policies, const Registry& registry);

}  // namespace ccnt
