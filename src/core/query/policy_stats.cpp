#include "core/query/policy_stats.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace ccnt {

PolicyStats compute_stats(const std::vector<const Policy*>& policies, const Registry& registry) {
  PolicyStats stats;
  stats.policies = policies.size();

  // One pass counting by slug; rows and columns are then laid out in registry order.
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> by_region;
  std::unordered_map<std::string, std::size_t> sector_used;
  std::map<std::string, std::size_t> levels, months;
  std::unordered_map<std::string, IndicatorCount> indicators;
  std::unordered_set<std::string_view> counted;
  for (const Policy* policy : policies) {
    ++by_region[policy->region][policy->sector];
    ++sector_used[policy->sector];
    ++levels[policy->level];
    ++months[fmt::format("{:04}-{:02}", policy->added.year, policy->added.month)];
    counted.clear();
    for (const Target& target : policy->targets) {
      IndicatorCount& count = indicators[target.indicator];
      ++count.targets;
      if (counted.insert(target.indicator).second) ++count.policies;
    }
  }

  for (const Sector& sector : registry.sectors())
    if (sector_used.count(sector.slug)) stats.sectors.push_back(&sector);
  for (const Region& region : registry.regions()) {
    auto row = by_region.find(region.slug);
    if (row == by_region.end()) continue;
    stats.regions.push_back(&region);
    std::vector<std::size_t>& cells = stats.cells.emplace_back();
    for (const Sector* sector : stats.sectors) {
      auto cell = row->second.find(sector->slug);
      cells.push_back(cell == row->second.end() ? 0 : cell->second);
    }
  }

  constexpr std::array<std::string_view, 4> kLevels{"national", "provincial", "municipal",
                                                    "county"};
  for (std::string_view level : kLevels)
    if (auto it = levels.find(std::string(level)); it != levels.end())
      stats.by_level.push_back({it->first, it->second});
  for (const auto& [level, count] : levels)  // any other value, so that no policy goes uncounted
    if (std::find(kLevels.begin(), kLevels.end(), level) == kLevels.end())
      stats.by_level.push_back({level, count});
  for (const auto& [month, count] : months) stats.by_month_added.push_back({month, count});
  for (const Indicator& indicator : registry.indicators())
    if (auto it = indicators.find(indicator.slug); it != indicators.end()) {
      it->second.indicator = &indicator;
      stats.by_indicator.push_back(it->second);
    }
  return stats;
}

IssuerStats count_by_issuer(const std::vector<const Policy*>& policies, const Registry& registry) {
  IssuerStats stats;
  std::unordered_map<std::string, std::size_t> index;  // id, or "\n" + unplaced text → row
  std::unordered_set<std::string> counted;
  for (const Policy* policy : policies) {
    if (policy->issuers.empty()) ++stats.without_issuer;
    counted.clear();
    const auto count = [&](std::string key, AgencyCount row) {
      if (!counted.insert(key).second) return;
      auto [it, inserted] = index.emplace(std::move(key), stats.agencies.size());
      if (inserted) stats.agencies.push_back(std::move(row));
      ++stats.agencies[it->second].policies;
    };
    for (const std::string& issuer : policy->issuers) {
      const IssuerPlacement placement = registry.place_issuer(issuer, policy->region);
      for (const PlacedAgency& agency : placement.agencies)
        count(agency.id, {agency.id, agency.name, agency.kind, 0});
      if (!placement.placed()) count("\n" + issuer, {"", issuer, "", 0});
    }
  }
  std::sort(stats.agencies.begin(), stats.agencies.end(),
            [](const AgencyCount& a, const AgencyCount& b) {
              if (a.policies != b.policies) return a.policies > b.policies;
              if (a.id.empty() != b.id.empty()) return b.id.empty();  // placed ones first
              return a.name < b.name;
            });
  return stats;
}

}  // namespace ccnt
