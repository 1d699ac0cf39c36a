#include "core/site/site_model.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace ccnt {

std::uint32_t date_key(const std::optional<PartialDate>& date) {
  if (!date) return 0;
  return static_cast<std::uint32_t>(date->year * 10000 + date->month * 100 + date->day);
}

bool is_safe_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 200 || slug.front() == '-') return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

namespace {

std::vector<const Policy*> pointers(const std::vector<Policy>& policies) {
  std::vector<const Policy*> out;
  out.reserve(policies.size());
  for (const Policy& policy : policies) out.push_back(&policy);
  return out;
}

}  // namespace

SiteModel::SiteModel(const std::vector<Policy>& policies, const Registry& registry)
    : registry_(registry), policies_(pointers(policies)), relations_(policies_) {
  std::sort(policies_.begin(), policies_.end(), [](const Policy* a, const Policy* b) {
    const std::uint32_t pa = date_key(a->published), pb = date_key(b->published);
    return std::tuple(pa, a->added, std::string_view(b->id)) >
           std::tuple(pb, b->added, std::string_view(a->id));
  });
  by_id_.reserve(policies_.size());
  index_.reserve(policies_.size());
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    by_id_.emplace(policies_[i]->id, i);
    index_.emplace(policies_[i], i);
  }
  index_regions();
  index_sectors();
  index_issuers();
  index_months();
  index_targets();
}

const Policy* SiteModel::find(std::string_view id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : policies_[found->second];
}

std::uint32_t SiteModel::index_of(const Policy& policy) const {
  return index_.at(&policy);
}

void SiteModel::index_regions() {
  // Each policy counts for its region and every region enclosing it.
  std::unordered_map<const Region*, std::vector<std::uint32_t>> own, all;
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    const Region* region = registry_.find_region(policies_[i]->region);
    if (!region) continue;
    own[region].push_back(i);
    // The nation does not enclose the provinces here: its page has the central government's.
    for (const Region* r = region; r && (r == region || registry_.parent_of(*r));
         r = registry_.parent_of(*r))
      all[r].push_back(i);
  }
  for (const Region& region : registry_.regions()) {
    const auto found = all.find(&region);
    if (found == all.end() || !is_safe_slug(region.slug)) continue;
    SiteRegion entry;
    entry.region = &region;
    if (auto o = own.find(&region); o != own.end()) entry.own = std::move(o->second);
    entry.all = std::move(found->second);
    region_index_.emplace(region.slug, regions_.size());
    regions_.push_back(std::move(entry));
  }
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    const Region* parent = registry_.parent_of(*regions_[i].region);
    if (!parent || !registry_.parent_of(*parent)) continue;  // the nation: see above
    if (auto found = region_index_.find(parent->slug); found != region_index_.end()) {
      regions_[i].parent = static_cast<std::ptrdiff_t>(found->second);
      regions_[found->second].children.push_back(i);
    }
  }
}

const SiteRegion* SiteModel::find_region(std::string_view slug) const {
  const auto found = region_index_.find(slug);
  return found == region_index_.end() ? nullptr : &regions_[found->second];
}

std::vector<const SiteRegion*> SiteModel::top_regions() const {
  std::vector<const SiteRegion*> top;
  for (const SiteRegion& region : regions_)
    if (region.parent < 0) top.push_back(&region);
  return top;
}

std::vector<const SiteRegion*> SiteModel::lineage(const SiteRegion& region) const {
  std::vector<const SiteRegion*> chain;
  for (const SiteRegion* r = &region; r;
       r = r->parent < 0 ? nullptr : &regions_[static_cast<std::size_t>(r->parent)])
    chain.push_back(r);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void SiteModel::index_sectors() {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_slug;
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    const Policy& policy = *policies_[i];
    if (!policy.sector.empty()) by_slug[policy.sector].push_back(i);
    for (const std::string& further : policy.sectors)
      if (further != policy.sector) by_slug[further].push_back(i);
  }
  for (const Sector& sector : registry_.sectors()) {
    auto found = by_slug.find(sector.slug);
    if (found == by_slug.end() || !is_safe_slug(sector.slug)) continue;
    std::vector<std::uint32_t> list = std::move(found->second);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    sector_index_.emplace(sector.slug, sectors_.size());
    sectors_.push_back({&sector, std::move(list)});
  }
}

const SiteSector* SiteModel::find_sector(std::string_view slug) const {
  const auto found = sector_index_.find(slug);
  return found == sector_index_.end() ? nullptr : &sectors_[found->second];
}

void SiteModel::index_issuers() {
  issuers_of_.assign(policies_.size(), {});
  unplaced_of_.assign(policies_.size(), {});
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    const Policy& policy = *policies_[i];
    for (const std::string& issuer : policy.issuers) {
      const IssuerPlacement placement = registry_.place_issuer(issuer, policy.region);
      if (!placement.placed()) {
        unplaced_of_[i].push_back(issuer);
        continue;
      }
      for (const PlacedAgency& agency : placement.agencies) {
        auto [at, inserted] = by_id.emplace(agency.id, issuers_.size());
        if (inserted) issuers_.push_back({agency, {}});
        std::vector<std::uint32_t>& list = issuers_[at->second].policies;
        if (list.empty() || list.back() != i) list.push_back(i);
        std::vector<std::size_t>& mine = issuers_of_[i];
        if (std::find(mine.begin(), mine.end(), at->second) == mine.end())
          mine.push_back(at->second);
      }
    }
  }
  // Most policies first; the policies' lists of indexes follow the new order.
  std::vector<std::size_t> order(issuers_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const SiteIssuer &x = issuers_[a], &y = issuers_[b];
    if (x.policies.size() != y.policies.size()) return x.policies.size() > y.policies.size();
    return std::tie(x.agency.name, x.agency.id) < std::tie(y.agency.name, y.agency.id);
  });
  std::vector<std::size_t> new_index(order.size());
  std::vector<SiteIssuer> sorted;
  sorted.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    sorted.push_back(std::move(issuers_[order[i]]));
  }
  issuers_ = std::move(sorted);
  for (std::vector<std::size_t>& mine : issuers_of_)
    for (std::size_t& index : mine) index = new_index[index];
}

void SiteModel::index_months() {
  std::map<std::string, std::vector<std::uint32_t>, std::greater<>> by_month;
  for (std::uint32_t i = 0; i < policies_.size(); ++i) {
    const PartialDate& added = policies_[i]->added;
    if (added.year == 0) continue;
    by_month[PartialDate{added.year, added.month, 0}.to_string()].push_back(i);
  }
  for (auto& [month, list] : by_month) months_.push_back({month, std::move(list)});
}

void SiteModel::index_targets() {
  comparisons_ = compare_targets(policies_, registry_);
  for (const IndicatorComparison& comparison : comparisons_) {
    for (const ComparedTarget& compared : comparison.compared) {
      SiteTargetComparison entry{&compared.benchmark, compared.verdict, {}};
      target_comparisons_.emplace(compared.entry.target, entry);
      if (compared.entry.aim) target_comparisons_.emplace(compared.entry.aim, entry);
    }
    for (const ApartTarget& apart : comparison.apart) {
      target_comparisons_.emplace(apart.entry.target,
                                  SiteTargetComparison{nullptr, {}, apart.reason});
      if (apart.entry.aim)
        target_comparisons_.emplace(apart.entry.aim,
                                    SiteTargetComparison{nullptr, {}, apart.reason});
    }
  }
}

const SiteTargetComparison* SiteModel::comparison_of(const Target& target) const {
  const auto found = target_comparisons_.find(&target);
  return found == target_comparisons_.end() ? nullptr : &found->second;
}

}  // namespace ccnt
