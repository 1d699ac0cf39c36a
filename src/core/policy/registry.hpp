// The registries of regions, sectors and target indicators (schemas/*.yaml):
// the names a policy may use, in every form a user may type them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// A region: the nation, a provincial-level division or a city.
struct Region {
  std::string slug;       // pinyin, unique: zhejiang, shaanxi
  std::string name;       // short Chinese name: 浙江
  std::string full_name;  // 浙江省
  std::string code;       // GB/T 2260, empty when not certain
  std::string level;      // national | province | municipality | autonomous-region | sar | city
  std::string parent;     // slug of the enclosing region; empty for the nation
  std::vector<std::string> aliases;

  // The policy level a government of this region issues at: national, provincial or municipal.
  std::string policy_level() const;
};

// A second-level category inside a sector.
struct Subsector {
  std::string slug;
  std::string name;
  std::string name_en;
};

// A first-level category; a policy's primary sector is also its directory.
struct Sector {
  std::string slug;
  std::string name;
  std::string name_en;
  std::string description;
  std::vector<Subsector> subsectors;
  std::vector<std::string> aliases;
};

// A quantity that targets of different policies can be compared on.
struct Indicator {
  std::string slug;
  std::string name;
  std::string name_en;
  std::string unit;
  bool higher_is_stricter = true;
};

class Registry {
 public:
  // Reads regions.yaml, sectors.yaml and indicators.yaml from a schemas directory.
  static std::optional<Registry> load(const std::filesystem::path& schemas_dir,
                                      Diagnostics& diagnostics);

  // Finds a region by slug, short name, full name or alias (Latin case-insensitive).
  const Region* find_region(std::string_view any_form) const;
  const Sector* find_sector(std::string_view any_form) const;
  const Indicator* find_indicator(std::string_view slug) const;
  const Subsector* find_subsector(const Sector& sector, std::string_view any_form) const;

  // The place of the region or sector with this slug in the registry's order (全国, provinces,
  // cities; sectors as listed), for sorting; one past the last for a slug not in the registry.
  std::size_t region_rank(const std::string& slug) const;
  std::size_t sector_rank(const std::string& slug) const;

  // True when `region` is `ancestor` or lies inside it (广州 inside 广东).
  bool is_within(const Region& region, const Region& ancestor) const;

  // Closest known names for an unknown one, for "did you mean" hints.
  std::vector<std::string> suggest_regions(std::string_view unknown) const;
  std::vector<std::string> suggest_sectors(std::string_view unknown) const;
  std::vector<std::string> suggest_indicators(std::string_view unknown) const;

  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Sector>& sectors() const { return sectors_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }

 private:
  std::vector<Region> regions_;
  std::vector<Sector> sectors_;
  std::vector<Indicator> indicators_;
  std::unordered_map<std::string, std::size_t> region_index_;  // every folded form → index
  std::unordered_map<std::string, std::size_t> sector_index_;
  std::unordered_map<std::string, std::size_t> indicator_index_;
};

// Lower-cases ASCII letters, so that Zhejiang and zhejiang are one name.
std::string fold_name(std::string_view name);

}  // namespace ccnt
