#include "core/policy_stats.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace ccnt {

PolicyStats compute_stats(const std::vector<const Policy*>& policies, const Registry& registry) {
  PolicyStats stats;
  stats.policies = policies.size();

  std::unordered_map<std::string, std::size_t> region_row, sector_column;
  for (const Region& region : registry.regions())
    for (const Policy* policy : policies)
      if (policy->region == region.slug) {
        region_row.emplace(region.slug, stats.regions.size());
        stats.regions.push_back(&region);
        break;
      }
  for (const Sector& sector : registry.sectors())
    for (const Policy* policy : policies)
      if (policy->sector == sector.slug) {
        sector_column.emplace(sector.slug, stats.sectors.size());
        stats.sectors.push_back(&sector);
        break;
      }
  stats.cells.assign(stats.regions.size(), std::vector<std::size_t>(stats.sectors.size(), 0));

  std::map<std::string, std::size_t> levels, months;
  std::unordered_map<std::string, IndicatorCount> indicators;
  for (const Policy* policy : policies) {
    auto row = region_row.find(policy->region);
    auto column = sector_column.find(policy->sector);
    if (row != region_row.end() && column != sector_column.end())
      ++stats.cells[row->second][column->second];
    ++levels[policy->level];
    ++months[policy->added.to_string().substr(0, 7)];
    std::set<std::string> counted;
    for (const Target& target : policy->targets) {
      IndicatorCount& count = indicators[target.indicator];
      ++count.targets;
      if (counted.insert(target.indicator).second) ++count.policies;
    }
  }

  for (std::string_view level : {"national", "provincial", "municipal", "county"})
    if (auto it = levels.find(std::string(level)); it != levels.end())
      stats.by_level.push_back({it->first, it->second});
  for (const auto& [month, count] : months) stats.by_month_added.push_back({month, count});
  for (const Indicator& indicator : registry.indicators())
    if (auto it = indicators.find(indicator.slug); it != indicators.end()) {
      it->second.indicator = &indicator;
      stats.by_indicator.push_back(it->second);
    }
  return stats;
}

}  // namespace ccnt
