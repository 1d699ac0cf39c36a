#include "core/policy/agency_registry.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diag/message_catalog.hpp"
#include "core/policy/registry.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/text.hpp"

namespace ccnt {
namespace {

constexpr std::array<std::string_view, 8> kKinds{"government",  "party",        "congress",
                                                 "judiciary",   "institution",  "market",
                                                 "association", "international"};

constexpr std::array<std::string_view, 3> kSections{"agencies", "regional", "units"};
constexpr std::array<std::string_view, 7> kAgencyKeys{
    "id", "name", "aliases", "kind", "former_names", "until", "succeeded_by"};
constexpr std::array<std::string_view, 6> kPatternKeys{"id",   "name",   "aliases",
                                                       "kind", "prefix", "central"};
constexpr std::array<std::string_view, 2> kFormerKeys{"name", "until"};

// Separators between several agencies written in one issuer string.
constexpr std::array<std::string_view, 6> kSeparators{"、", "，", ",", "；", ";", "\u3000"};

// Reports every key of `map` not in `known` (E085), with the closest known key as a hint.
template <std::size_t N>
void check_keys(const Node& map, const std::array<std::string_view, N>& known,
                const std::string& path, Diagnostics& diagnostics) {
  std::vector<std::string> names(known.begin(), known.end());
  for (const MapEntry& entry : map.entries)
    if (std::find(known.begin(), known.end(), entry.key) == known.end())
      diagnostics.error("E085", path, entry.key_mark, trf("unknown key `{}`", entry.key),
                        did_you_mean(closest_matches(entry.key, names)));
}

bool is_month(std::string_view text) {
  return text.size() == 7 && text[4] == '-' &&
         std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         text[5] >= '0' && text[5] <= '1' && text[6] >= '0' && text[6] <= '9';
}

// Every name form seen so far, with the entry that holds it, so that a second use names both.
class NameForms {
 public:
  NameForms(const std::string& path, Diagnostics& diagnostics) : path_(path), out_(diagnostics) {}

  void add(const std::string& form, const std::string& entry, Mark mark) {
    if (form.empty()) return;
    auto [it, inserted] = seen_.emplace(fold_name(form), Owner{entry, mark});
    if (inserted || it->second.entry == entry) return;
    out_.error("E085", path_, mark,
               trf("name `{}` of `{}` is already used by `{}` (line {})", form, entry,
                   it->second.entry, it->second.mark.line),
               trf("every name form is unique across schemas/agencies.yaml; remove one"));
  }

 private:
  struct Owner {
    std::string entry;
    Mark mark;
  };
  const std::string& path_;
  Diagnostics& out_;
  std::unordered_map<std::string, Owner> seen_;
};

// The mark of a scalar under `key`, else of the map.
Mark mark_at(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  return value ? value->mark : map.mark;
}

// The issuer without a trailing "等部门", "等六部门", "等9部门", "等单位" or "等".
std::string_view without_and_others(std::string_view issuer, bool& and_others) {
  std::string_view text = issuer;
  for (std::string_view tail : {"部门", "部委", "单位", "机构"})
    if (text.ends_with(tail)) {
      text.remove_suffix(tail.size());
      break;
    }
  // A count of the departments, in digits or Chinese numerals.
  for (bool more = true; more && !text.empty();) {
    more = false;
    if (text.back() >= '0' && text.back() <= '9') {
      text.remove_suffix(1);
      more = true;
      continue;
    }
    for (std::string_view numeral :
         {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十"})
      if (text.ends_with(numeral)) {
        text.remove_suffix(numeral.size());
        more = true;
        break;
      }
  }
  if (text.ends_with("等") && text.size() > std::string_view("等").size()) {
    and_others = true;
    text.remove_suffix(std::string_view("等").size());
    return text;
  }
  return issuer;
}

// Byte offsets of the code point boundaries strictly inside `text`.
std::vector<std::size_t> inner_boundaries(std::string_view text) {
  std::vector<std::size_t> at;
  for (std::size_t i = 1; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) at.push_back(i);
  return at;
}

// The parts of an issuer string split at 、，,；; and spaces; one part when there is no separator.
std::vector<std::string_view> split_issuer(std::string_view issuer) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < issuer.size();) {
    std::size_t width = 0;
    if (issuer[i] == ' ' || issuer[i] == '\t') width = 1;
    for (std::string_view sep : kSeparators)
      if (issuer.substr(i).starts_with(sep)) width = sep.size();
    if (width == 0) {
      ++i;
      continue;
    }
    if (auto part = trim(issuer.substr(start, i - start)); !part.empty()) parts.push_back(part);
    i += width;
    start = i;
  }
  if (auto part = trim(issuer.substr(start)); !part.empty()) parts.push_back(part);
  return parts;
}

}  // namespace

std::optional<AgencyRegistry> AgencyRegistry::load(const std::filesystem::path& file,
                                                   Diagnostics& diagnostics) {
  const std::string path = display_path(file);
  auto root = read_registry_yaml(file, diagnostics);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    diagnostics.error("E085", path, root->mark,
                      trf("schemas/agencies.yaml needs the lists `agencies` and `regional`"));
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.error_count();
  check_keys(*root, kSections, path, diagnostics);

  AgencyRegistry registry;
  NameForms forms(path, diagnostics);
  std::map<std::string, Mark> ids;
  // The checks every entry of `section` needs; calls add(item) for each entry that passes them.
  const auto each_entry = [&](std::string_view section, const auto& keys, const auto& add) {
    const Node* list = root->find(section);
    if (!list || !list->is_sequence()) {
      diagnostics.error("E085", path, list ? list->mark : root->mark,
                        trf("schemas/agencies.yaml needs a list `{}`", section));
      return;
    }
    for (const Node& item : list->items) {
      if (!item.is_map()) {
        diagnostics.error("E085", path, item.mark, trf("an entry is a mapping of its fields"));
        continue;
      }
      check_keys(item, keys, path, diagnostics);
      const std::string id = scalar_at(item, "id");
      if (id.empty() || scalar_at(item, "name").empty()) {
        diagnostics.error("E085", path, item.mark, trf("an entry needs an `id` and a `name`"));
        continue;
      }
      const std::string kind = scalar_at(item, "kind");
      if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end())
        diagnostics.error(
            "E085", path, mark_at(item, "kind"),
            kind.empty() ? trf("an agency needs a `kind`") : trf("unknown agency kind `{}`", kind),
            trf("kinds are {}", fmt::join(kKinds, tr(", "))));
      if (auto [it, inserted] = ids.emplace(id, item.mark); !inserted)
        diagnostics.error("E085", path, item.mark,
                          trf("id `{}` is already used at line {}", id, it->second.line));
      add(item);
    }
  };

  each_entry("agencies", kAgencyKeys, [&](const Node& item) {
    Agency agency{scalar_at(item, "id"),
                  scalar_at(item, "name"),
                  scalars_at(item, "aliases"),
                  scalar_at(item, "kind"),
                  {},
                  scalar_at(item, "until"),
                  scalar_at(item, "succeeded_by")};
    if (!agency.until.empty() && !is_month(agency.until))
      diagnostics.error("E085", path, mark_at(item, "until"),
                        trf("`until` {} is not a month YYYY-MM", agency.until));
    if (const Node* former = item.find("former_names"); former && former->is_sequence())
      for (const Node& entry : former->items) {
        check_keys(entry, kFormerKeys, path, diagnostics);
        FormerName name{scalar_at(entry, "name"), scalar_at(entry, "until")};
        if (name.name.empty())
          diagnostics.error("E085", path, entry.mark, trf("a former name needs a `name`"));
        if (!name.until.empty() && !is_month(name.until))
          diagnostics.error("E085", path, mark_at(entry, "until"),
                            trf("`until` {} is not a month YYYY-MM", name.until));
        agency.former_names.push_back(std::move(name));
      }
    const std::size_t position = registry.agencies_.size();
    const auto index = [&](const std::string& form, Mark mark) {
      forms.add(form, agency.id, mark);
      registry.agency_index_.emplace(fold_name(form), position);
    };
    index(agency.name, mark_at(item, "name"));
    for (const std::string& alias : agency.aliases) index(alias, mark_at(item, "aliases"));
    for (const FormerName& former : agency.former_names)
      index(former.name, mark_at(item, "former_names"));
    registry.id_index_.emplace(agency.id, position);
    registry.agencies_.push_back(std::move(agency));
  });

  each_entry("regional", kPatternKeys, [&](const Node& item) {
    AgencyPattern pattern{scalar_at(item, "id"),       scalar_at(item, "name"),
                          scalars_at(item, "aliases"), scalar_at(item, "kind"),
                          scalar_at(item, "prefix"),   scalar_at(item, "central")};
    const std::size_t position = registry.patterns_.size();
    const auto index = [&](const std::string& form, Mark mark) {
      forms.add(form, pattern.id, mark);
      registry.pattern_index_.emplace(fold_name(form), position);
    };
    index(pattern.name, mark_at(item, "name"));
    for (const std::string& alias : pattern.aliases) index(alias, mark_at(item, "aliases"));
    if (!pattern.prefix.empty() && std::find(registry.prefixes_.begin(), registry.prefixes_.end(),
                                             pattern.prefix) == registry.prefixes_.end())
      registry.prefixes_.push_back(pattern.prefix);
    registry.patterns_.push_back(std::move(pattern));
  });

  registry.units_ = scalars_at(*root, "units");

  // References between entries.
  for (const Agency& agency : registry.agencies_)
    if (!agency.succeeded_by.empty() && !registry.agency(agency.succeeded_by))
      diagnostics.error(
          "E085", path, {},
          trf("`{}` is succeeded by unknown agency `{}`", agency.id, agency.succeeded_by));
  for (const AgencyPattern& pattern : registry.patterns_)
    if (!pattern.central.empty() && !registry.agency(pattern.central))
      diagnostics.error("E085", path, {},
                        trf("`{}` names unknown central agency `{}`", pattern.id, pattern.central));

  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return registry;
}

const Agency* AgencyRegistry::agency(std::string_view id) const {
  auto it = id_index_.find(std::string(id));
  return it == id_index_.end() ? nullptr : &agencies_[it->second];
}

PlacedAgency AgencyRegistry::placed(const Agency& agency) const {
  return {agency.id, agency.name, agency.kind};
}

std::optional<PlacedAgency> AgencyRegistry::place_regional(std::string_view issuer,
                                                           const Registry& regions) const {
  const auto match = [&](std::string_view text,
                         std::string_view prefix) -> std::optional<PlacedAgency> {
    // The longest local form the text ends with whose remainder is a region.
    for (std::size_t at : inner_boundaries(text)) {
      auto it = pattern_index_.find(fold_name(text.substr(at)));
      if (it == pattern_index_.end()) continue;
      const AgencyPattern& pattern = patterns_[it->second];
      if (!prefix.empty() && pattern.prefix != prefix) continue;
      const Region* region = regions.find_region(text.substr(0, at));
      if (!region) continue;
      if (region->level == "national") {
        if (pattern.central.empty()) continue;
        if (const Agency* central = agency(pattern.central)) return placed(*central);
        continue;
      }
      return PlacedAgency{region->slug + "/" + pattern.id,
                          pattern.prefix + region->full_name + pattern.name, pattern.kind};
    }
    return std::nullopt;
  };
  if (auto found = match(issuer, {})) return found;
  for (const std::string& prefix : prefixes_)
    if (issuer.starts_with(prefix))
      if (auto found = match(issuer.substr(prefix.size()), prefix)) return found;
  return std::nullopt;
}

std::optional<PlacedAgency> AgencyRegistry::place_exact(std::string_view issuer,
                                                        std::string_view region_slug,
                                                        const Registry& regions) const {
  const std::string folded = fold_name(issuer);
  if (auto it = agency_index_.find(folded); it != agency_index_.end())
    return placed(agencies_[it->second]);
  if (auto it = pattern_index_.find(folded); it != pattern_index_.end()) {
    // A bare local form: the record's own region's agency, or the central one.
    const AgencyPattern& pattern = patterns_[it->second];
    const Region* region = regions.find_region(region_slug);
    if (!region) return std::nullopt;
    if (region->level == "national") {
      const Agency* central = pattern.central.empty() ? nullptr : agency(pattern.central);
      if (!central) return std::nullopt;
      return placed(*central);
    }
    return PlacedAgency{region->slug + "/" + pattern.id,
                        pattern.prefix + region->full_name + pattern.name, pattern.kind};
  }
  return place_regional(issuer, regions);
}

std::optional<PlacedAgency> AgencyRegistry::place_one(std::string_view issuer,
                                                      std::string_view region_slug,
                                                      const Registry& regions) const {
  if (auto found = place_exact(issuer, region_slug, regions)) return found;
  // An internal unit of a known agency: 自然资源部办公厅, 国家能源局综合司.
  for (const std::string& unit : units_) {
    if (!issuer.ends_with(unit)) continue;
    const std::vector<std::size_t> cuts = inner_boundaries(issuer);
    for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
      if (*cut + unit.size() > issuer.size()) continue;
      if (auto found = place_exact(issuer.substr(0, *cut), region_slug, regions)) return found;
    }
  }
  return std::nullopt;
}

IssuerPlacement AgencyRegistry::place(std::string_view issuer, std::string_view region_slug,
                                      const Registry& regions) const {
  IssuerPlacement placement;
  issuer = trim(issuer);
  const std::string_view lead = without_and_others(issuer, placement.and_others);
  if (auto found = place_one(lead, region_slug, regions)) {
    placement.agencies.push_back(std::move(*found));
    return placement;
  }
  // Several agencies in one string: placed only when every part is.
  const std::vector<std::string_view> parts = split_issuer(lead);
  if (parts.size() < 2) return placement;
  for (std::string_view part : parts) {
    auto found = place_one(part, region_slug, regions);
    if (!found) return IssuerPlacement{{}, placement.and_others, false, {}};
    placement.parts.emplace_back(part);
    if (std::find(placement.agencies.begin(), placement.agencies.end(), *found) ==
        placement.agencies.end())
      placement.agencies.push_back(std::move(*found));
  }
  placement.several = true;
  return placement;
}

AgencyRegistry::Named AgencyRegistry::find(std::string_view name, const Registry& regions) const {
  Named named;
  name = trim(name);
  const std::string folded = fold_name(name);
  if (auto it = agency_index_.find(folded); it != agency_index_.end()) {
    named.agency = placed(agencies_[it->second]);
  } else if (auto pattern = pattern_index_.find(folded); pattern != pattern_index_.end()) {
    named.pattern = &patterns_[pattern->second];
  } else {
    named.agency = place_regional(name, regions);
  }
  return named;
}

std::vector<std::string> AgencyRegistry::suggest(std::string_view issuer,
                                                 const Registry& regions) const {
  bool and_others = false;
  const std::string_view lead = without_and_others(trim(issuer), and_others);
  // A known region followed by an unknown kind: suggest that region with the closest kinds.
  const std::vector<std::size_t> cuts = inner_boundaries(lead);
  for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
    const Region* region = regions.find_region(lead.substr(0, *cut));
    if (!region || region->level == "national") continue;
    std::vector<std::string> kinds;
    for (const AgencyPattern& pattern : patterns_) {
      kinds.push_back(pattern.name);
      for (const std::string& alias : pattern.aliases) kinds.push_back(alias);
    }
    std::vector<std::string> names;
    for (const std::string& kind : closest_matches(lead.substr(*cut), kinds))
      names.push_back(std::string(lead.substr(0, *cut)) + kind);
    if (!names.empty()) return names;
    break;
  }
  std::vector<std::string> names;
  for (const Agency& agency : agencies_) {
    names.push_back(agency.name);
    for (const std::string& alias : agency.aliases) names.push_back(alias);
  }
  // One name per agency: of the close forms of one agency, the one fewest edits away.
  std::vector<std::string> best;
  std::vector<std::size_t> owners;
  for (std::string& name : closest_matches(lead, names, names.size())) {
    const std::size_t owner = agency_index_.at(fold_name(name));
    auto it = std::find(owners.begin(), owners.end(), owner);
    if (it == owners.end()) {
      owners.push_back(owner);
      best.push_back(std::move(name));
    } else if (edit_distance(lead, name) < edit_distance(lead, best[it - owners.begin()])) {
      best[it - owners.begin()] = std::move(name);
    }
  }
  if (best.size() > 3) best.resize(3);
  return best;
}

}  // namespace ccnt
