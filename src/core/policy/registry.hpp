// The registries of regions, sectors and target indicators (schemas/*.yaml):
// the names a policy may use, in every form a user may type them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/agency_registry.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// A region: the nation, a provincial-level, prefecture-level or county-level division.
struct Region {
  std::string slug;       // pinyin, unique: zhejiang, shaanxi, jinhua-yiwu
  std::string name;       // short Chinese name: 浙江; not unique (朝阳)
  std::string full_name;  // 浙江省
  std::string code;       // GB/T 2260, empty for the nation
  std::string level;      // national | province | municipality | autonomous-region | sar |
                          // prefecture | county
  std::string kind;       // 省, 地级市, 自治州, 市辖区, 县级市, 旗 …
  std::string parent;     // slug of the enclosing region; empty for the nation
  std::vector<std::string> aliases;
  std::string dir;  // its directory inside its parent's: the slug less `<parent slug>-`

  // The policy level a government of this region issues at: national, provincial, municipal
  // or county.
  std::string policy_level() const;
  // True for the nation and the provincial-level divisions, whose names win over a city's.
  bool is_provincial_or_above() const;
};

// What a region name resolves to: one region, or none with the regions it could mean.
struct RegionMatch {
  const Region* region = nullptr;
  std::vector<const Region*> candidates;  // when ambiguous: every region the name may mean
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
  // Reads regions.yaml, sectors.yaml, indicators.yaml and agencies.yaml from a schemas directory.
  static std::optional<Registry> load(const std::filesystem::path& schemas_dir,
                                      Diagnostics& diagnostics);

  // Finds a region by slug, short name, full name, alias (Latin case-insensitive) or a name
  // qualified by enclosing regions (北京朝阳, 北京市朝阳区). A provincial-level division wins
  // over others of the same name (吉林); any other shared name is ambiguous.
  RegionMatch match_region(std::string_view any_form) const;
  // The region `any_form` names when it names exactly one, else nullptr.
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
  // The enclosing region; nullptr for the nation.
  const Region* parent_of(const Region& region) const;
  // The regions from the provincial level down to `region` (the nation alone for the nation).
  std::vector<const Region*> lineage(const Region& region) const;
  // The directory of its policies under policies/: zhejiang/jinhua/yiwu, national.
  std::string directory_of(const Region& region) const;
  // The full names from the provincial level down: 北京市朝阳区, 浙江省金华市义乌市.
  std::string full_path_name(const Region& region) const;
  // `region` and every region inside it, at every depth.
  std::vector<const Region*> with_descendants(const Region& region) const;

  // Closest known names for an unknown one, for "did you mean" hints.
  // For regions, only near misses: a Latin typo, a part or a longer form of a name, or one
  // wrong character in a name of three or more; a name far from every region gets none.
  std::vector<std::string> suggest_regions(std::string_view unknown) const;
  std::vector<std::string> suggest_sectors(std::string_view unknown) const;
  std::vector<std::string> suggest_indicators(std::string_view unknown) const;

  // The agencies an issuer string names in a record of `region_slug` (see AgencyRegistry).
  IssuerPlacement place_issuer(std::string_view issuer, std::string_view region_slug) const {
    return agencies_.place(issuer, region_slug, *this);
  }
  const AgencyRegistry& agencies() const { return agencies_; }
  // `北京市朝阳区 (beijing-chaoyang), 辽宁省朝阳市 (chaoyang)`: the regions a name may mean.
  std::string describe_regions(const std::vector<const Region*>& regions) const;
  // The hint for a name several regions share: the message names them, the hint shows how to
  // write the first one unambiguously (北京朝阳).
  std::string ambiguity_hint(const std::vector<const Region*>& candidates) const;

  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Sector>& sectors() const { return sectors_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }

 private:
  // One name form of a region: its folded text in region_form_text_ and the region's index.
  struct RegionForm {
    std::uint32_t offset;
    std::uint32_t size;
    std::uint32_t region;
  };

  // Indexes every form of every region (slug, name, full name, aliases), sorted once.
  void index_regions();
  // The forms equal to `folded`, in the order of their regions.
  std::span<const RegionForm> regions_named(std::string_view folded) const;
  // Resolves parents, directory names and the checks that need every region (E091);
  // `by_slug` holds each region's slug and index, sorted.
  void link_regions(const std::string& path, const std::vector<Mark>& marks,
                    const std::vector<std::pair<std::string_view, std::uint32_t>>& by_slug,
                    Diagnostics& diagnostics);
  // The indexes of the regions a form names, taking a qualified form apart when needed.
  std::vector<std::size_t> region_candidates(std::string_view form) const;

  std::vector<Region> regions_;
  std::vector<Sector> sectors_;
  std::vector<Indicator> indicators_;
  AgencyRegistry agencies_;
  std::vector<std::ptrdiff_t> region_parents_;  // index of each region's parent; -1 for none
  // Every folded form of every region, one after the other, and the index over them: sorted
  // by form, then region (a form may name several regions: 朝阳, 鼓楼, 吉林). A flat sorted
  // list rather than a hash map of lists: some 10,000 forms are indexed on every run.
  std::string region_form_text_;
  std::vector<RegionForm> region_forms_;
  std::unordered_map<std::string, std::size_t> sector_index_;
  std::unordered_map<std::string, std::size_t> indicator_index_;
};

// Reads and parses one registry file of schemas/, reporting problems to diagnostics.
std::optional<Node> read_registry_yaml(const std::filesystem::path& file, Diagnostics& diagnostics);

// The Chinese name of the region or sector with this slug, or the slug when the registry lacks it.
std::string region_name_or_slug(const Registry& registry, const std::string& slug);
std::string sector_name_or_slug(const Registry& registry, const std::string& slug);

// Lower-cases ASCII letters, so that Zhejiang and zhejiang are one name.
std::string fold_name(std::string_view name);

}  // namespace ccnt
