// The coverage matrix of `ccnt coverage`: for each region of one level and each policy series
// (schemas/series.yaml), the region's counterpart of the national document and when it was
// published — "which provinces have issued their industry carbon-peaking plan, and when".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/policy/series_registry.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

struct CoverageQuery {
  std::vector<const PolicySeries*> series;  // the columns; empty = every series
  std::string level = "provincial";         // provincial | municipal
  std::vector<const Region*> within;        // rows only inside these regions; empty = all
  bool all_regions = false;                 // every region of the level, not only those with one
};

// One region's counterparts of one series: normally one record, more when the region issued
// several (a plan and its revision).
struct CoverageCell {
  std::vector<const Policy*> policies;   // earliest published first, undated ones last
  std::optional<PartialDate> published;  // the earliest publication date, if any is known

  bool empty() const { return policies.empty(); }
};

struct CoverageMatrix {
  std::string level;
  std::vector<const PolicySeries*> series;
  std::vector<const Policy*> national;           // per series: its national record, or nullptr
  std::vector<const Region*> regions;            // the rows, in registry order
  std::vector<std::vector<CoverageCell>> cells;  // cells[row][series]
  std::vector<std::size_t> issued;               // per series: the rows with a counterpart
  std::size_t regions_at_level = 0;  // the registry's regions of the level (inside `within`)
};

// Places each record of the query's level in the series it belongs to: a record counts in a
// series when it implements the series' national record, directly or through the records it
// implements (a city's plan → its province's → the nation's), or when it meets the series'
// criteria (meets_series_criteria). Drafts (status: draft) do not count.
CoverageMatrix compute_coverage(const std::vector<const Policy*>& policies,
                                const Registry& registry, const SeriesRegistry& series,
                                const CoverageQuery& query);

}  // namespace ccnt
