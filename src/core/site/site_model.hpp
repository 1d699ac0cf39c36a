// What the website shows, worked out once from the policies and the registries: the policies
// in the order readers see them, and the regions, sectors, issuers and months with their
// policies, so that every page, chart and index of `ccnt site` reads the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"
#include "core/query/relation_index.hpp"
#include "core/query/target_comparison.hpp"

namespace ccnt {

// The interface language of a page. Data is shown as recorded in both.
enum class SiteLanguage { Chinese, English };

// A region that has policies, itself or in a region within it.
struct SiteRegion {
  const Region* region = nullptr;
  std::vector<std::uint32_t> own;  // its government's policies (indexes into SiteModel::policies)
  // Its own and those of every region within it, in order (the nation's: its own only; the
  // provinces are not counted as within it).
  std::vector<std::uint32_t> all;
  std::vector<std::size_t> children;  // SiteModel::regions indexes of the regions just within
  std::ptrdiff_t parent = -1;  // SiteModel::regions index of the enclosing one; -1 at the top
};

// A sector and the policies that name it, as primary or further sector.
struct SiteSector {
  const Sector* sector = nullptr;
  std::vector<std::uint32_t> policies;
};

// An issuing agency as the registry places it, and the policies that name it.
struct SiteIssuer {
  PlacedAgency agency;
  std::vector<std::uint32_t> policies;
};

// A month (YYYY-MM) and the policies added in it.
struct SiteMonth {
  std::string month;
  std::vector<std::uint32_t> policies;
};

// A target set against the national benchmark, for the policy pages.
struct SiteTargetComparison {
  const TargetEntry* benchmark = nullptr;  // null: apart, for `reason`
  Verdict verdict = Verdict::Equal;
  std::string reason;
};

class SiteModel {
 public:
  // `policies` must outlive the model.
  SiteModel(const std::vector<Policy>& policies, const Registry& registry);

  const Registry& registry() const { return registry_; }
  // Newest publication first (unknown dates after the known ones), then newest added, then id.
  const std::vector<const Policy*>& policies() const { return policies_; }
  // The policy with this id, or nullptr.
  const Policy* find(std::string_view id) const;
  // The index of a policy in policies().
  std::uint32_t index_of(const Policy& policy) const;

  // Regions with policies, in registry order (全国, provinces, their cities, …).
  const std::vector<SiteRegion>& regions() const { return regions_; }
  const SiteRegion* find_region(std::string_view slug) const;
  // The provincial-level regions (and 全国) with policies, in registry order.
  std::vector<const SiteRegion*> top_regions() const;
  // The region and the regions enclosing it, from the provincial level down (those with pages).
  std::vector<const SiteRegion*> lineage(const SiteRegion& region) const;

  const std::vector<SiteSector>& sectors() const { return sectors_; }
  const SiteSector* find_sector(std::string_view slug) const;

  // Most policies first, then by name.
  const std::vector<SiteIssuer>& issuers() const { return issuers_; }
  // The issuers each policy names (indexes into issuers()), and its issuer strings the
  // registry cannot place, in the record's order.
  const std::vector<std::size_t>& issuers_of(std::uint32_t policy) const {
    return issuers_of_[policy];
  }
  const std::vector<std::string>& unplaced_issuers_of(std::uint32_t policy) const {
    return unplaced_of_[policy];
  }

  // Months with additions, newest first.
  const std::vector<SiteMonth>& months() const { return months_; }

  // `ccnt targets` over the whole tree: every indicator with targets, in registry order.
  const std::vector<IndicatorComparison>& comparisons() const { return comparisons_; }
  // How one target fares against the benchmark; nullptr for a national target or one of an
  // indicator without comparison.
  const SiteTargetComparison* comparison_of(const Target& target) const;

  // The relations between records (implements, supersedes, amends), both ways.
  const RelationIndex& relations() const { return relations_; }

 private:
  void index_regions();
  void index_sectors();
  void index_issuers();
  void index_months();
  void index_targets();

  const Registry& registry_;
  std::vector<const Policy*> policies_;
  std::unordered_map<std::string_view, std::uint32_t> by_id_;
  std::unordered_map<const Policy*, std::uint32_t> index_;
  std::vector<SiteRegion> regions_;
  std::unordered_map<std::string_view, std::size_t> region_index_;
  std::vector<SiteSector> sectors_;
  std::unordered_map<std::string_view, std::size_t> sector_index_;
  std::vector<SiteIssuer> issuers_;
  std::vector<std::vector<std::size_t>> issuers_of_;
  std::vector<std::vector<std::string>> unplaced_of_;
  std::vector<SiteMonth> months_;
  std::vector<IndicatorComparison> comparisons_;
  std::unordered_map<const Target*, SiteTargetComparison> target_comparisons_;
  RelationIndex relations_;
};

// A published date as a number for sorting and the search index: YYYYMMDD with unknown parts 0;
// 0 when unknown.
std::uint32_t date_key(const std::optional<PartialDate>& date);

// True when `slug` can be a file name of the site: lower-case ASCII letters, digits and
// hyphens, not starting with a hyphen (an id or slug from a tree's own schema may be anything).
bool is_safe_slug(std::string_view slug);

}  // namespace ccnt
