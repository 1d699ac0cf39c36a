#include "core/query/coverage.hpp"

#include <algorithm>

#include "core/query/relation_index.hpp"
#include "core/util/text_normalize.hpp"

namespace ccnt {
namespace {

// Earliest published first; undated records last; then by id.
bool earlier(const Policy* a, const Policy* b) {
  if (a->published.has_value() != b->published.has_value()) return a->published.has_value();
  if (a->published && *a->published != *b->published) return *a->published < *b->published;
  return a->id < b->id;
}

bool inside_any(const Registry& registry, const Region& region,
                const std::vector<const Region*>& within) {
  return within.empty() || std::any_of(within.begin(), within.end(), [&](const Region* outer) {
           return registry.is_within(region, *outer);
         });
}

}  // namespace

CoverageMatrix compute_coverage(const std::vector<const Policy*>& policies,
                                const Registry& registry, const SeriesRegistry& series,
                                const CoverageQuery& query) {
  CoverageMatrix matrix;
  matrix.level = query.level;
  if (query.series.empty())
    for (const PolicySeries& entry : series.series()) matrix.series.push_back(&entry);
  else
    matrix.series = query.series;
  const std::size_t columns = matrix.series.size();
  const RelationIndex index(policies);
  for (const PolicySeries* entry : matrix.series)
    matrix.national.push_back(entry->national.empty() ? nullptr : index.find(entry->national));

  // The cells of every region that has a counterpart, by the region's place in the registry.
  std::vector<std::vector<CoverageCell>> by_region(registry.regions().size());
  for (const Policy* policy : policies) {
    if (policy->level != query.level || policy->status == "draft") continue;
    const Region* region = registry.find_region(policy->region);
    if (!region || !inside_any(registry, *region, query.within)) continue;
    const std::vector<std::string_view> implemented = index.implemented(*policy);
    const std::string title = comparison_form(policy->title);
    for (std::size_t s = 0; s < columns; ++s) {
      const PolicySeries& entry = *matrix.series[s];
      const bool by_relation =
          !entry.national.empty() &&
          std::find(implemented.begin(), implemented.end(), entry.national) != implemented.end();
      if (!by_relation && !meets_series_criteria(entry, *policy, title)) continue;
      std::vector<CoverageCell>& cells = by_region[registry.region_rank(region->slug)];
      cells.resize(columns);
      cells[s].policies.push_back(policy);
    }
  }

  matrix.issued.assign(columns, 0);
  for (std::size_t r = 0; r < registry.regions().size(); ++r) {
    const Region& region = registry.regions()[r];
    if (region.policy_level() != query.level || !inside_any(registry, region, query.within))
      continue;
    ++matrix.regions_at_level;
    if (by_region[r].empty() && !query.all_regions) continue;
    by_region[r].resize(columns);
    for (std::size_t s = 0; s < columns; ++s) {
      CoverageCell& cell = by_region[r][s];
      std::sort(cell.policies.begin(), cell.policies.end(), earlier);
      if (!cell.empty()) {
        cell.published = cell.policies.front()->published;
        ++matrix.issued[s];
      }
    }
    matrix.regions.push_back(&region);
    matrix.cells.push_back(std::move(by_region[r]));
  }
  return matrix;
}

}  // namespace ccnt
