#include "cli/registry_names.hpp"

namespace ccnt::cli {

std::vector<Candidate> region_names(const Registry& registry) {
  std::vector<Candidate> names;
  // A name shared by several regions (朝阳) is left out: it would be refused.
  for (const Region& region : registry.regions()) {
    if (registry.find_region(region.name) == &region)
      names.push_back({region.name, registry.full_path_name(region)});
    if (registry.find_region(region.full_name) == &region)
      names.push_back({region.full_name, region.slug});
    names.push_back({region.slug, registry.full_path_name(region)});
  }
  return names;
}

std::vector<Candidate> sector_names(const Registry& registry) {
  std::vector<Candidate> names;
  for (const Sector& sector : registry.sectors()) names.push_back({sector.slug, sector.name});
  for (const Sector& sector : registry.sectors()) names.push_back({sector.name, sector.slug});
  return names;
}

std::vector<std::string> values_of(const std::vector<Candidate>& candidates) {
  std::vector<std::string> values;
  values.reserve(candidates.size());
  for (const Candidate& candidate : candidates) values.push_back(candidate.value);
  return values;
}

}  // namespace ccnt::cli
