#include "core/query/policy_tally.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/query/policy_stats.hpp"

namespace ccnt {
namespace {

// How the rows of a field are ordered.
enum class Order { Registry, Level, Time, Count };

// The values of one field of a policy, each with the name a reader knows it by.
using Values = std::vector<std::pair<std::string, std::string>>;

struct Field {
  std::string_view name;
  Order order;
  bool several;
};

constexpr Field kFields[] = {
    {"region", Order::Registry, false},  {"province", Order::Registry, false},
    {"level", Order::Level, false},      {"sector", Order::Registry, false},
    {"sectors", Order::Registry, true},  {"subsector", Order::Registry, false},
    {"doc_type", Order::Count, false},   {"published", Order::Time, false},
    {"added", Order::Time, false},       {"tag", Order::Count, true},
    {"issuer", Order::Count, true},      {"status", Order::Count, false},
    {"instrument", Order::Count, false},
};

// The values `field` has in `policy` (none, one or several).
Values values_of(const Policy& policy, const Registry& registry, std::string_view field) {
  const auto one = [](std::string key, std::string name) {
    if (key.empty()) return Values{};
    if (name.empty()) name = key;
    return Values{{std::move(key), std::move(name)}};
  };
  if (field == "region") return one(policy.region, region_name_or_slug(registry, policy.region));
  if (field == "province") {
    const Region* region = registry.find_region(policy.region);
    const Region* top = region ? registry.lineage(*region).front() : nullptr;
    return top ? one(top->slug, top->name) : one(policy.region, policy.region);
  }
  if (field == "level") return one(policy.level, policy.level);
  if (field == "sector") return one(policy.sector, sector_name_or_slug(registry, policy.sector));
  if (field == "sectors") {
    Values values = one(policy.sector, sector_name_or_slug(registry, policy.sector));
    for (const std::string& slug : policy.sectors)
      if (slug != policy.sector) values.emplace_back(slug, sector_name_or_slug(registry, slug));
    return values;
  }
  if (field == "subsector") {
    if (policy.subsector.empty()) return {};
    const Sector* sector = registry.find_sector(policy.sector);
    const Subsector* sub = sector ? registry.find_subsector(*sector, policy.subsector) : nullptr;
    return one(policy.sector + "/" + policy.subsector, sub ? sub->name : policy.subsector);
  }
  if (field == "doc_type") return one(policy.doc_type, policy.doc_type);
  if (field == "published")
    return policy.published ? one(std::to_string(policy.published->year), "") : Values{};
  if (field == "added") {
    PartialDate month = policy.added;
    month.day = 0;
    return one(month.to_string(), "");
  }
  if (field == "tag") {
    Values values;
    for (const std::string& tag : policy.tags)
      if (std::none_of(values.begin(), values.end(), [&](const auto& v) { return v.first == tag; }))
        values.emplace_back(tag, tag);
    return values;
  }
  if (field == "status") return one(policy.status, policy.status);
  if (field == "instrument") return one(policy.instrument, policy.instrument);
  return {};
}

// The place of a row's key in the registry's order, for Order::Registry.
std::size_t registry_rank(const Registry& registry, std::string_view field, const TallyRow& row) {
  if (field == "region" || field == "province") return registry.region_rank(row.key);
  const std::string sector = row.key.substr(0, row.key.find('/'));
  const std::size_t rank = registry.sector_rank(sector);
  if (field != "subsector") return rank;
  const Sector* found = registry.find_sector(sector);
  std::size_t sub_rank = 0;
  if (found)
    while (sub_rank < found->subsectors.size() &&
           sector + "/" + found->subsectors[sub_rank].slug != row.key)
      ++sub_rank;
  return rank * 1000 + sub_rank;
}

}  // namespace

const std::vector<std::string_view>& tally_fields() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Field& field : kFields) out.push_back(field.name);
    return out;
  }();
  return names;
}

std::optional<Tally> tally_policies(const std::vector<const Policy*>& policies,
                                    const Registry& registry, std::string_view field) {
  const auto* spec = std::find_if(std::begin(kFields), std::end(kFields),
                                  [&](const Field& f) { return f.name == field; });
  if (spec == std::end(kFields)) return std::nullopt;
  Tally tally;
  tally.field = std::string(field);
  tally.policies = policies.size();
  tally.several = spec->several;
  std::size_t without = 0;
  if (field == "issuer") {
    const IssuerStats issuers = count_by_issuer(policies, registry);
    for (const AgencyCount& agency : issuers.agencies)
      tally.rows.push_back(
          {agency.id.empty() ? agency.name : agency.id, agency.name, agency.policies});
    without = issuers.without_issuer;
  } else {
    std::unordered_map<std::string, std::size_t> index;
    for (const Policy* policy : policies) {
      const Values values = values_of(*policy, registry, field);
      if (values.empty()) ++without;
      for (const auto& [key, name] : values) {
        auto [it, inserted] = index.emplace(key, tally.rows.size());
        if (inserted) tally.rows.push_back({key, name, 0});
        ++tally.rows[it->second].policies;
      }
    }
    const auto by_count = [](const TallyRow& a, const TallyRow& b) {
      return a.policies != b.policies ? a.policies > b.policies : a.key < b.key;
    };
    switch (spec->order) {
      case Order::Registry:
        std::stable_sort(tally.rows.begin(), tally.rows.end(),
                         [&](const TallyRow& a, const TallyRow& b) {
                           const std::size_t ra = registry_rank(registry, field, a),
                                             rb = registry_rank(registry, field, b);
                           return ra != rb ? ra < rb : a.key < b.key;
                         });
        break;
      case Order::Level: {
        const auto rank = [](const TallyRow& row) {
          constexpr std::string_view kLevels[] = {"national", "provincial", "municipal", "county"};
          return std::find(std::begin(kLevels), std::end(kLevels), row.key) - std::begin(kLevels);
        };
        std::sort(tally.rows.begin(), tally.rows.end(), [&](const TallyRow& a, const TallyRow& b) {
          return rank(a) != rank(b) ? rank(a) < rank(b) : a.key < b.key;
        });
        break;
      }
      case Order::Time:
        std::sort(tally.rows.begin(), tally.rows.end(),
                  [](const TallyRow& a, const TallyRow& b) { return a.key < b.key; });
        break;
      case Order::Count:
        std::sort(tally.rows.begin(), tally.rows.end(), by_count);
        break;
    }
  }
  if (without > 0) tally.rows.push_back({"", "", without});
  return tally;
}

}  // namespace ccnt
