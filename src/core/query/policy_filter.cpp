#include "core/query/policy_filter.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diag/message_catalog.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/search_fold.hpp"

namespace ccnt {
namespace {

struct LevelName {
  std::string_view name;
  std::string_view level;
};

// Every way a user may name a policy level.
constexpr LevelName kLevelNames[] = {
    {"national", "national"}, {"国家", "national"},         {"国家级", "national"},
    {"中央", "national"},     {"provincial", "provincial"}, {"省级", "provincial"},
    {"省", "provincial"},     {"municipal", "municipal"},   {"市级", "municipal"},
    {"市", "municipal"},      {"county", "county"},         {"县级", "county"},
    {"县", "county"},
};

// The "did you mean" hint for `suggestions`, else `fallback`.
std::string hint_or(const std::vector<std::string>& suggestions, std::string fallback) {
  return suggestions.empty() ? fallback : did_you_mean(suggestions);
}

// How far a suggested name is from what was typed; a name containing it counts as one edit.
std::size_t suggestion_distance(std::string_view typed, std::string_view name) {
  const std::size_t d = edit_distance(typed, name);
  const std::string folded = fold_name(typed);
  return !folded.empty() && fold_name(name).find(folded) != std::string::npos
             ? std::min<std::size_t>(d, 1)
             : d;
}

// "did you mean zhejiang, 浙江?": the closest entries (regions or sectors), each
// as slug and Chinese name; `find` maps a suggested name back to its entry.
template <typename Entry, typename Find>
std::string entry_hint(std::string_view typed, const std::vector<std::string>& suggestions,
                       Find find, std::string fallback) {
  std::size_t best = SIZE_MAX;
  for (const std::string& name : suggestions)
    best = std::min(best, suggestion_distance(typed, name));
  std::vector<const Entry*> entries;
  for (const std::string& name : suggestions) {
    const Entry* entry = find(name);
    if (!entry || suggestion_distance(typed, name) != best) continue;
    if (std::find(entries.begin(), entries.end(), entry) == entries.end()) entries.push_back(entry);
  }
  if (entries.empty()) return fallback;
  std::vector<std::string> names;
  for (const Entry* entry : entries)
    names.push_back(entry->slug + std::string(tr(", ")) + entry->name);
  return did_you_mean(names, tr("; "));
}

bool contains(const std::vector<std::string>& sorted, std::string_view value) {
  return std::binary_search(sorted.begin(), sorted.end(), value, std::less<>());
}

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

bool contains_folded(std::string_view text, std::string_view folded_needle) {
  if (folded_needle.empty()) return true;
  return fold_name(text).find(folded_needle) != std::string::npos;
}

// The subsectors `name` names, in any sector: by slug, Chinese or English name, compared as
// search compares text (case, full-width forms, traditional characters).
std::vector<std::pair<const Sector*, const Subsector*>> subsectors_named(const Registry& registry,
                                                                         std::string_view name) {
  const std::string folded = search_fold(name);
  std::vector<std::pair<const Sector*, const Subsector*>> found;
  for (const Sector& sector : registry.sectors())
    for (const Subsector& sub : sector.subsectors)
      if (search_fold(sub.slug) == folded || search_fold(sub.name) == folded ||
          search_fold(sub.name_en) == folded)
        found.emplace_back(&sector, &sub);
  return found;
}

// Every name of every subsector, for "did you mean" hints.
std::vector<std::string> subsector_names(const Registry& registry) {
  std::vector<std::string> names;
  for (const Sector& sector : registry.sectors())
    for (const Subsector& sub : sector.subsectors) {
      names.push_back(sub.slug);
      names.push_back(sub.name);
    }
  return names;
}

// "光伏 (solar) of 电力 (power)": a subsector as a note names it.
std::string describe_subsector(const Sector& sector, const Subsector& sub) {
  return trf("{} ({}) of {} ({})", sub.name, sub.slug, sector.name, sector.slug);
}

// A since/until/added value of the query (`field`) as a date.
std::optional<PartialDate> parse_filter_date(std::string_view field, const std::string& text,
                                             FilterError& error) {
  auto date = PartialDate::parse(text);
  if (!date || !date->is_real()) {
    error = FilterError::date(FilterError::Kind::InvalidDate, std::string(field), text);
    return std::nullopt;
  }
  return date;
}

}  // namespace

std::optional<PolicyFilter> PolicyFilter::make(const PolicyQuery& query, const Registry& registry,
                                               FilterError& error) {
  return make(query, registry, {}, error);
}

std::optional<PolicyFilter> PolicyFilter::make(const PolicyQuery& query, const Registry& registry,
                                               const std::vector<std::string>& doc_types,
                                               FilterError& error) {
  PolicyFilter filter;
  filter.registry_ = &registry;

  for (const std::string& name : query.regions) {
    const RegionMatch match = registry.match_region(name);
    const Region* region = match.region;
    if (!match.candidates.empty()) {
      error = FilterError::name(
          trf("region `{}` is ambiguous: {}", name, registry.describe_regions(match.candidates)),
          registry.ambiguity_hint(match.candidates));
      return std::nullopt;
    }
    if (!region) {
      error =
          FilterError::name(trf("unknown region `{}`", name),
                            entry_hint<Region>(
                                name, registry.suggest_regions(name),
                                [&](const std::string& n) { return registry.find_region(n); },
                                trf("`{}` is not in schemas/regions.yaml — add it there", name)));
      return std::nullopt;
    }
    filter.region_slugs_.push_back(region->slug);
    filter.top_dirs_.push_back(registry.lineage(*region).front()->dir);
    if (region->level == "national") filter.all_dirs_ = true;
    if (query.no_subregions) continue;
    for (const Region* inside : registry.with_descendants(*region))
      filter.region_slugs_.push_back(inside->slug);
  }
  sort_unique(filter.region_slugs_);
  sort_unique(filter.top_dirs_);

  for (const std::string& name : query.sectors) {
    if (const Sector* sector = registry.find_sector(name)) {
      filter.sector_slugs_.push_back(sector->slug);
      continue;
    }
    const auto subs = subsectors_named(registry, name);
    if (subs.empty()) {
      std::vector<std::string> subsector_suggestions =
          closest_matches(name, subsector_names(registry));
      error = FilterError::name(
          trf("unknown sector `{}`", name),
          subsector_suggestions.empty() || !registry.suggest_sectors(name).empty()
              ? entry_hint<Sector>(
                    name, registry.suggest_sectors(name),
                    [&](const std::string& n) { return registry.find_sector(n); },
                    trf("sectors and their subsectors are listed in schemas/sectors.yaml"))
              : trf("did you mean the subsector {}?", fmt::join(subsector_suggestions, tr(", "))));
      return std::nullopt;
    }
    std::vector<std::string> described;
    for (const auto& [sector, sub] : subs) {
      filter.sector_subsectors_.push_back({sector->slug, sub->slug});
      described.push_back(describe_subsector(*sector, *sub));
    }
    filter.notes_.push_back(
        trf("`{}` is no sector; matching the subsector {}", name, fmt::join(described, tr(", "))));
  }
  sort_unique(filter.sector_slugs_);

  for (const std::string& name : query.subsectors) {
    const auto subs = subsectors_named(registry, name);
    if (subs.empty()) {
      const std::vector<std::string> suggestions = closest_matches(name, subsector_names(registry));
      error =
          FilterError::name(trf("unknown subsector `{}`", name),
                            hint_or(suggestions, trf("subsectors are listed under their sectors in "
                                                     "schemas/sectors.yaml")));
      return std::nullopt;
    }
    for (const auto& [sector, sub] : subs) filter.subsectors_.push_back({sector->slug, sub->slug});
  }

  for (const std::string& name : query.levels) {
    const std::string folded = fold_name(name);
    const auto it = std::find_if(std::begin(kLevelNames), std::end(kLevelNames),
                                 [&](const LevelName& level) { return level.name == folded; });
    if (it == std::end(kLevelNames)) {
      std::vector<std::string> names;
      for (const LevelName& level : kLevelNames) names.emplace_back(level.name);
      error =
          FilterError::name(trf("unknown level `{}`", name),
                            hint_or(closest_matches(name, names),
                                    trf("levels are national, provincial, municipal and county")));
      return std::nullopt;
    }
    filter.levels_.emplace_back(it->level);
  }
  sort_unique(filter.levels_);

  for (const std::string& type : query.types) {
    if (!doc_types.empty() &&
        std::find(doc_types.begin(), doc_types.end(), type) == doc_types.end()) {
      error =
          FilterError::name(trf("unknown document type `{}`", type),
                            hint_or(closest_matches(type, doc_types),
                                    trf("document types are {}", fmt::join(doc_types, tr(", ")))));
      return std::nullopt;
    }
    filter.types_.push_back(type);
  }
  sort_unique(filter.types_);

  for (const std::string& issuer : query.issuers) {
    const AgencyRegistry::Named named = registry.agencies().find(issuer, registry);
    filter.issuers_.push_back(
        {named.agency ? named.agency->id : std::string(), named.pattern, fold_name(issuer)});
  }
  for (const std::string& tag : query.tags) filter.tags_.push_back(fold_name(tag));
  sort_unique(filter.tags_);

  for (const std::string& text : query.added) {
    auto date = parse_filter_date("added", text, error);
    if (!date) return std::nullopt;
    filter.added_.push_back(*date);
  }
  if (!query.since.empty()) {
    filter.since_ = parse_filter_date("since", query.since, error);
    if (!filter.since_) return std::nullopt;
    filter.since_->day = 0;  // month precision
  }
  if (!query.until.empty()) {
    filter.until_ = parse_filter_date("until", query.until, error);
    if (!filter.until_) return std::nullopt;
    filter.until_->day = 0;
  }
  if (filter.since_ && filter.until_ && filter.until_->compare_coarse(*filter.since_) < 0) {
    error =
        FilterError::date(FilterError::Kind::UntilBeforeSince, "until", query.until, query.since);
    return std::nullopt;
  }
  filter.has_targets_ = query.has_targets;
  filter.stubs_ = query.stubs;
  for (const std::string& term : query.search)
    if (!term.empty()) filter.search_folded_.push_back(search_fold(term));
  filter.any_term_ = query.any_term;
  return filter;
}

bool PolicyFilter::matches(const Policy& policy) const {
  if (!region_slugs_.empty() && !contains(region_slugs_, policy.region)) return false;
  const auto of_subsector = [&](const SubsectorKey& key) {
    return policy.sector == key.sector && policy.subsector == key.subsector;
  };
  if ((!sector_slugs_.empty() || !sector_subsectors_.empty()) &&
      std::none_of(sector_slugs_.begin(), sector_slugs_.end(),
                   [&](const std::string& slug) { return policy.has_sector(slug); }) &&
      std::none_of(sector_subsectors_.begin(), sector_subsectors_.end(), of_subsector))
    return false;
  if (!subsectors_.empty() && std::none_of(subsectors_.begin(), subsectors_.end(), of_subsector))
    return false;
  if (!levels_.empty() && !contains(levels_, policy.level)) return false;
  if (!types_.empty() && !contains(types_, policy.doc_type)) return false;
  if (!issuers_.empty() && !matches_issuer(policy)) return false;
  if (!tags_.empty() &&
      std::none_of(policy.tags.begin(), policy.tags.end(),
                   [&](const std::string& tag) { return contains(tags_, fold_name(tag)); }))
    return false;
  if (!added_.empty() && std::none_of(added_.begin(), added_.end(), [&](const PartialDate& month) {
        return policy.added.compare_coarse(month) == 0;
      }))
    return false;
  if (since_ || until_) {
    if (!policy.published) return false;
    if (since_ && policy.published->compare_coarse(*since_) < 0) return false;
    if (until_ && policy.published->compare_coarse(*until_) > 0) return false;
  }
  if (has_targets_ && policy.targets.empty()) return false;
  if (stubs_ && !policy.stub) return false;
  if (!search_folded_.empty() && !matches_search(policy)) return false;
  return true;
}

bool PolicyFilter::matches_search(const Policy& policy) const {
  // Fields are folded one at a time, and only until the answer is known: most matches are in
  // the title, and the summary is the longest field.
  std::vector<bool> found(search_folded_.size(), false);
  std::size_t missing = found.size();
  const auto look_in = [&](const std::string& text) {
    if (text.empty()) return false;
    const std::string field = search_fold(text);
    for (std::size_t i = 0; i < found.size(); ++i)
      if (!found[i] && field.find(search_folded_[i]) != std::string::npos) {
        found[i] = true;
        --missing;
        if (any_term_) return true;
      }
    return missing == 0;
  };
  if (look_in(policy.title) || look_in(policy.title_en) || look_in(policy.summary)) return true;
  return std::any_of(policy.issuers.begin(), policy.issuers.end(), look_in);
}

bool PolicyFilter::matches_issuer(const Policy& policy) const {
  for (const std::string& issuer : policy.issuers) {
    std::optional<IssuerPlacement> placement;  // placed once, when a needle needs it
    const auto agencies = [&]() -> const std::vector<PlacedAgency>& {
      if (!placement) placement = registry_->place_issuer(issuer, policy.region);
      return placement->agencies;
    };
    for (const IssuerNeedle& needle : issuers_) {
      if (needle.agency_id.empty() && !needle.pattern) {  // text
        if (contains_folded(issuer, needle.folded_text)) return true;
        for (const PlacedAgency& agency : agencies())
          if (contains_folded(agency.name, needle.folded_text)) return true;
        continue;
      }
      if (agencies().empty() && contains_folded(issuer, needle.folded_text)) return true;
      for (const PlacedAgency& agency : agencies()) {
        if (!needle.agency_id.empty() && agency.id == needle.agency_id) return true;
        if (needle.pattern && (agency.id == needle.pattern->central ||
                               std::string_view(agency.id).ends_with("/" + needle.pattern->id)))
          return true;
      }
    }
  }
  return false;
}

RegionDirFilter PolicyFilter::region_dir_filter() const {
  if (region_slugs_.empty() || all_dirs_) return {};
  // Directories nest (policies/zhejiang/jinhua/yiwu/): a top directory is kept when it holds
  // a chosen region, and when it is no provincial-level region's (its errors are shown).
  return [registry = registry_, dirs = top_dirs_](std::string_view dir_name) {
    const Region* region = registry->find_region(dir_name);
    if (region == nullptr || !region->is_provincial_or_above() || region->dir != dir_name)
      return true;
    return contains(dirs, dir_name);
  };
}

bool PolicyFilter::is_restrictive() const {
  return !region_slugs_.empty() || !sector_slugs_.empty() || !sector_subsectors_.empty() ||
         !subsectors_.empty() || !levels_.empty() || !types_.empty() || !issuers_.empty() ||
         !tags_.empty() || !added_.empty() || since_ || until_ || has_targets_ || stubs_ ||
         !search_folded_.empty();
}

}  // namespace ccnt
