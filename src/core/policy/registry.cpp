#include "core/policy/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/diag/message_catalog.hpp"
#include "core/policy/regions_reader.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

// The bytes of a registry file. schemas/ lies in the data tree (or the installed data
// directory); a link may not lead out of it (E070).
std::optional<std::string> read_registry_file(const std::filesystem::path& file,
                                              const std::string& path, Diagnostics& diagnostics) {
  return read_tree_file(file, path, tree_prefix(file.parent_path().parent_path()), diagnostics);
}

// Reads `schemas/<file>` and returns the list under its top-level key.
std::optional<Node> load_list(const std::filesystem::path& file, std::string_view key,
                              Diagnostics& diagnostics) {
  const std::string path = display_path(file);
  auto root = read_registry_yaml(file, diagnostics);
  if (!root) return std::nullopt;
  const Node* list = root->find(key);
  if (!list || !list->is_sequence()) {
    diagnostics.error("E091", path, root->mark, trf("registry needs a top-level list `{}`", key));
    return std::nullopt;
  }
  return *list;
}

// Adds one name form to an index, reporting a form that two entries share.
bool index_name(std::unordered_map<std::string, std::size_t>& index, const std::string& form,
                std::size_t position, const std::string& path, Mark mark,
                Diagnostics& diagnostics) {
  if (form.empty()) return true;
  auto [it, inserted] = index.emplace(fold_name(form), position);
  if (inserted || it->second == position) return true;
  diagnostics.error("E091", path, mark, trf("name `{}` is used by two entries", form));
  return false;
}

// One region's value of a field, and the region's index.
using Keyed = std::pair<std::string_view, std::uint32_t>;

// The regions' values of one field, sorted by value, then index; empty values left out.
// The values are views into `regions`, kept side by side so that sorting stays in the cache.
std::vector<Keyed> sorted_by(const std::vector<Region>& regions, std::string Region::*field) {
  std::vector<Keyed> order;
  order.reserve(regions.size());
  for (std::uint32_t i = 0; i < regions.size(); ++i)
    if (!(regions[i].*field).empty()) order.emplace_back(regions[i].*field, i);
  std::sort(order.begin(), order.end());
  return order;
}

// For each of `count` regions: true when an earlier region has the same value.
std::vector<bool> repeated(std::size_t count, const std::vector<Keyed>& order) {
  std::vector<bool> seen_before(count, false);
  for (std::size_t i = 1; i < order.size(); ++i)
    if (order[i].first == order[i - 1].first) seen_before[order[i].second] = true;
  return seen_before;
}

// The first region whose slug is `slug`, or `count` (`by_slug` from sorted_by).
std::size_t find_slug(std::size_t count, const std::vector<Keyed>& by_slug, std::string_view slug) {
  const auto it = std::lower_bound(by_slug.begin(), by_slug.end(), Keyed{slug, 0});
  return it != by_slug.end() && it->first == slug ? it->second : count;
}

// The length of the UTF-8 sequence that starts with byte `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// True when every byte is ASCII: a slug or a Latin alias, where typos are letters.
bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A qualified name longer than this is not taken apart (it is no region's name).
constexpr std::size_t kMaxQualifiedBytes = 96;

// The entries of regions.yaml: read directly when the file keeps its usual layout (fast; it
// is read on every run), else through the YAML reader.
std::optional<RegionList> read_region_entries(const std::filesystem::path& file,
                                              Diagnostics& diagnostics) {
  const std::string path = display_path(file);
  auto bytes = read_registry_file(file, path, diagnostics);
  if (!bytes) return std::nullopt;
  if (auto entries = read_regions_layout(*bytes)) return entries;
  auto root = parse_yaml(*bytes, path, diagnostics);
  if (!root) return std::nullopt;
  const Node* list = root->find("regions");
  if (!list || !list->is_sequence()) {
    diagnostics.error("E091", path, root->mark,
                      trf("registry needs a top-level list `{}`", "regions"));
    return std::nullopt;
  }
  RegionList entries;
  entries.regions.reserve(list->items.size());
  entries.marks.reserve(list->items.size());
  for (const Node& item : list->items) {
    entries.regions.push_back({scalar_at(item, "slug"),
                               scalar_at(item, "name"),
                               scalar_at(item, "full_name"),
                               scalar_at(item, "code"),
                               scalar_at(item, "level"),
                               scalar_at(item, "kind"),
                               scalar_at(item, "parent"),
                               scalars_at(item, "aliases"),
                               {}});
    entries.marks.push_back(item.mark);
  }
  return entries;
}

}  // namespace

std::optional<Node> read_registry_yaml(const std::filesystem::path& file,
                                       Diagnostics& diagnostics) {
  const std::string path = display_path(file);
  auto bytes = read_registry_file(file, path, diagnostics);
  if (!bytes) return std::nullopt;
  return parse_yaml(*bytes, path, diagnostics);
}

std::string region_name_or_slug(const Registry& registry, const std::string& slug) {
  const Region* region = registry.find_region(slug);
  return region ? region->name : slug;
}

std::string sector_name_or_slug(const Registry& registry, const std::string& slug) {
  const Sector* sector = registry.find_sector(slug);
  return sector ? sector->name : slug;
}

std::string fold_name(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Region::policy_level() const {
  if (level == "national") return "national";
  if (level == "prefecture") return "municipal";
  if (level == "county") return "county";
  return "provincial";
}

bool Region::is_provincial_or_above() const {
  return level != "prefecture" && level != "county";
}

std::optional<Registry> Registry::load(const std::filesystem::path& schemas_dir,
                                       Diagnostics& diagnostics) {
  Registry registry;
  const std::size_t errors_before = diagnostics.error_count();

  const auto regions_file = schemas_dir / "regions.yaml";
  if (auto entries = read_region_entries(regions_file, diagnostics)) {
    const std::string path = display_path(regions_file);
    // The regions with a slug, name and full name, moved into place; the others are reported
    // below, in the file's order with the rest.
    const std::size_t count = entries->regions.size();
    std::vector<bool> complete(count);
    std::vector<Mark> marks;
    marks.reserve(count);
    std::vector<Region>& regions = entries->regions;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const Region& region = regions[i];
      complete[i] = !region.slug.empty() && !region.name.empty() && !region.full_name.empty();
      if (!complete[i]) continue;
      if (kept != i) regions[kept] = std::move(regions[i]);
      marks.push_back(entries->marks[i]);
      ++kept;
    }
    regions.resize(kept);
    registry.regions_ = std::move(regions);
    registry.index_regions();
    const auto by_slug = sorted_by(registry.regions_, &Region::slug);
    const std::vector<bool> slug_repeated = repeated(kept, by_slug);
    const std::vector<bool> code_repeated =
        repeated(kept, sorted_by(registry.regions_, &Region::code));
    for (std::size_t i = 0, position = 0; i < count; ++i) {
      const Mark mark = entries->marks[i];
      if (!complete[i]) {
        diagnostics.error("E091", path, mark, trf("region needs slug, name and full_name"));
        continue;
      }
      const Region& region = registry.regions_[position];
      if (slug_repeated[position])
        diagnostics.error("E091", path, mark, trf("slug `{}` is used by two regions", region.slug));
      if (code_repeated[position])
        diagnostics.error("E091", path, mark, trf("code `{}` is used by two regions", region.code));
      ++position;
    }
    registry.link_regions(path, marks, by_slug, diagnostics);
  }

  const auto sectors_file = schemas_dir / "sectors.yaml";
  if (auto list = load_list(sectors_file, "sectors", diagnostics)) {
    const std::string path = display_path(sectors_file);
    for (const Node& item : list->items) {
      Sector sector{scalar_at(item, "slug"),
                    scalar_at(item, "name"),
                    scalar_at(item, "name_en"),
                    scalar_at(item, "description"),
                    {},
                    scalars_at(item, "aliases")};
      if (sector.slug.empty() || sector.name.empty()) {
        diagnostics.error("E091", path, item.mark, trf("sector needs slug and name"));
        continue;
      }
      if (const Node* subs = item.find("subsectors"); subs && subs->is_sequence())
        for (const Node& sub : subs->items)
          sector.subsectors.push_back(
              {scalar_at(sub, "slug"), scalar_at(sub, "name"), scalar_at(sub, "name_en")});
      const std::size_t position = registry.sectors_.size();
      index_name(registry.sector_index_, sector.slug, position, path, item.mark, diagnostics);
      index_name(registry.sector_index_, sector.name, position, path, item.mark, diagnostics);
      index_name(registry.sector_index_, sector.name_en, position, path, item.mark, diagnostics);
      for (const std::string& alias : sector.aliases)
        index_name(registry.sector_index_, alias, position, path, item.mark, diagnostics);
      registry.sectors_.push_back(std::move(sector));
    }
  }

  // Directories nest (policies/zhejiang/ningbo/industry/): a region's directory must not read
  // as a sector's.
  for (const Region& region : registry.regions_)
    if (registry.find_sector(region.dir))
      diagnostics.error("E091", display_path(regions_file), {},
                        trf("region `{}` has the directory `{}`, which is also a sector's name",
                            region.slug, region.dir));

  const auto indicators_file = schemas_dir / "indicators.yaml";
  if (auto list = load_list(indicators_file, "indicators", diagnostics)) {
    const std::string path = display_path(indicators_file);
    for (const Node& item : list->items) {
      Indicator indicator{scalar_at(item, "slug"), scalar_at(item, "name"),
                          scalar_at(item, "name_en"), scalar_at(item, "unit"),
                          scalar_at(item, "stricter") != "lower"};
      if (indicator.slug.empty() || indicator.name.empty()) {
        diagnostics.error("E091", path, item.mark, trf("indicator needs slug and name"));
        continue;
      }
      index_name(registry.indicator_index_, indicator.slug, registry.indicators_.size(), path,
                 item.mark, diagnostics);
      registry.indicators_.push_back(std::move(indicator));
    }
  }

  if (auto agencies = AgencyRegistry::load(schemas_dir / "agencies.yaml", diagnostics))
    registry.agencies_ = std::move(*agencies);

  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return registry;
}

void Registry::index_regions() {
  std::size_t bytes = 0, forms = 0;
  for (const Region& region : regions_) {
    bytes += region.slug.size() + region.name.size() + region.full_name.size();
    forms += 3 + region.aliases.size();
    for (const std::string& alias : region.aliases) bytes += alias.size();
  }
  region_form_text_.reserve(bytes);
  region_forms_.reserve(forms);
  const auto add = [this](const std::string& form, std::size_t position) {
    if (form.empty()) return;
    const std::size_t offset = region_form_text_.size();
    for (char c : form)
      region_form_text_ += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    region_forms_.push_back({static_cast<std::uint32_t>(offset),
                             static_cast<std::uint32_t>(form.size()),
                             static_cast<std::uint32_t>(position)});
  };
  for (std::size_t position = 0; position < regions_.size(); ++position) {
    const Region& region = regions_[position];
    add(region.slug, position);
    add(region.name, position);
    add(region.full_name, position);
    for (const std::string& alias : region.aliases) add(alias, position);
  }
  const std::string_view text = region_form_text_;
  const auto form = [text](const RegionForm& entry) {
    return text.substr(entry.offset, entry.size);
  };
  std::sort(region_forms_.begin(), region_forms_.end(),
            [&](const RegionForm& a, const RegionForm& b) {
              const int compared = form(a).compare(form(b));
              return compared != 0 ? compared < 0 : a.region < b.region;
            });
  // A region that has one form twice (a name that is also its full name) is listed once.
  region_forms_.erase(std::unique(region_forms_.begin(), region_forms_.end(),
                                  [&](const RegionForm& a, const RegionForm& b) {
                                    return a.region == b.region && form(a) == form(b);
                                  }),
                      region_forms_.end());
}

std::span<const Registry::RegionForm> Registry::regions_named(std::string_view folded) const {
  const std::string_view text = region_form_text_;
  const auto form = [text](const RegionForm& entry) {
    return text.substr(entry.offset, entry.size);
  };
  const auto first = std::lower_bound(
      region_forms_.begin(), region_forms_.end(), folded,
      [&](const RegionForm& entry, std::string_view key) { return form(entry) < key; });
  auto last = first;
  while (last != region_forms_.end() && form(*last) == folded) ++last;
  return {first, last};
}

std::size_t Registry::region_rank(const std::string& slug) const {
  for (const RegionForm& entry : regions_named(slug))  // slugs are folded already
    if (regions_[entry.region].slug == slug) return entry.region;
  return regions_.size();
}

std::size_t Registry::sector_rank(const std::string& slug) const {
  const auto it = sector_index_.find(slug);
  return it != sector_index_.end() && sectors_[it->second].slug == slug ? it->second
                                                                        : sectors_.size();
}

const Sector* Registry::find_sector(std::string_view any_form) const {
  auto it = sector_index_.find(fold_name(any_form));
  return it == sector_index_.end() ? nullptr : &sectors_[it->second];
}

const Indicator* Registry::find_indicator(std::string_view slug) const {
  auto it = indicator_index_.find(fold_name(slug));
  return it == indicator_index_.end() ? nullptr : &indicators_[it->second];
}

const Subsector* Registry::find_subsector(const Sector& sector, std::string_view any_form) const {
  const std::string folded = fold_name(any_form);
  for (const Subsector& sub : sector.subsectors)
    if (fold_name(sub.slug) == folded || sub.name == any_form || fold_name(sub.name_en) == folded)
      return &sub;
  return nullptr;
}

std::vector<std::string> Registry::suggest_sectors(std::string_view unknown) const {
  std::vector<std::string> names;
  for (const Sector& sector : sectors_) {
    names.push_back(sector.slug);
    names.push_back(sector.name);
  }
  return closest_matches(unknown, names);
}

std::vector<std::string> Registry::suggest_indicators(std::string_view unknown) const {
  std::vector<std::string> names;
  for (const Indicator& indicator : indicators_) names.push_back(indicator.slug);
  return closest_matches(unknown, names);
}

void Registry::link_regions(const std::string& path, const std::vector<Mark>& marks,
                            const std::vector<std::pair<std::string_view, std::uint32_t>>& by_slug,
                            Diagnostics& diagnostics) {
  static constexpr std::array<std::string_view, 7> kLevels{
      "national", "province", "municipality", "autonomous-region", "sar", "prefecture", "county"};
  region_parents_.assign(regions_.size(), -1);
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    Region& region = regions_[i];
    if (std::find(kLevels.begin(), kLevels.end(), region.level) == kLevels.end())
      diagnostics.error("E091", path, marks[i],
                        trf("region `{}` has unknown level `{}`", region.slug, region.level));
    if (!std::all_of(region.slug.begin(), region.slug.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }))
      diagnostics.error(
          "E091", path, marks[i],
          trf("slug `{}` is not lower-case ASCII letters, digits and -", region.slug));
    region.dir = region.slug;
    if (region.parent.empty()) continue;
    const std::size_t parent = find_slug(regions_.size(), by_slug, region.parent);
    if (parent == regions_.size()) {
      diagnostics.error("E091", path, marks[i],
                        trf("region `{}` has unknown parent `{}`", region.slug, region.parent));
      continue;
    }
    region_parents_[i] = static_cast<std::ptrdiff_t>(parent);
    const Region& up = regions_[parent];
    if (up.level != "national" && region.slug.starts_with(up.slug + '-'))
      region.dir = region.slug.substr(up.slug.size() + 1);
    // A code starts with its parent's code less the trailing pairs of zeros (33 for 330000).
    std::string_view stem = up.code;
    while (stem.size() >= 2 && stem.ends_with("00")) stem.remove_suffix(2);
    if (!region.code.empty() && !up.code.empty() &&
        (region.code.size() != up.code.size() || !region.code.starts_with(stem) ||
         region.code == up.code))
      diagnostics.error("E091", path, marks[i],
                        trf("code {} of `{}` does not lie inside code {} of its parent `{}`",
                            region.code, region.slug, up.code, up.slug));
  }
  for (std::size_t i = 0; i < regions_.size(); ++i) {  // a parent chain must end
    std::ptrdiff_t at = static_cast<std::ptrdiff_t>(i);
    std::size_t hops = 0;
    while (at >= 0 && hops <= regions_.size()) at = region_parents_[at], ++hops;
    if (at >= 0) {
      diagnostics.error(
          "E091", path, marks[i],
          trf("region `{}` is inside itself (its parents form a loop)", regions_[i].slug));
      region_parents_[i] = -1;
    }
  }
}

const Region* Registry::parent_of(const Region& region) const {
  const std::size_t position = static_cast<std::size_t>(&region - regions_.data());
  if (position >= regions_.size() || region_parents_[position] < 0) return nullptr;
  return &regions_[static_cast<std::size_t>(region_parents_[position])];
}

std::vector<const Region*> Registry::lineage(const Region& region) const {
  std::vector<const Region*> chain;
  for (const Region* at = &region; at; at = parent_of(*at)) {
    if (at->level == "national" && !chain.empty()) break;
    chain.push_back(at);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string Registry::directory_of(const Region& region) const {
  std::string dir;
  for (const Region* step : lineage(region)) {
    if (!dir.empty()) dir += '/';
    dir += step->dir;
  }
  return dir;
}

std::string Registry::full_path_name(const Region& region) const {
  std::string name;
  for (const Region* step : lineage(region)) name += step->full_name;
  return name;
}

bool Registry::is_within(const Region& region, const Region& ancestor) const {
  for (const Region* at = &region; at; at = parent_of(*at))
    if (at == &ancestor) return true;
  return false;
}

std::vector<const Region*> Registry::with_descendants(const Region& region) const {
  std::vector<const Region*> found;
  for (const Region& other : regions_)
    if (is_within(other, region)) found.push_back(&other);
  return found;
}

std::vector<std::size_t> Registry::region_candidates(std::string_view form) const {
  std::vector<std::size_t> found;
  for (const RegionForm& entry : regions_named(fold_name(form))) found.push_back(entry.region);
  if (!found.empty()) return found;
  // A qualified name: a known name followed by the name of a region inside it (北京朝阳,
  // 辽宁省朝阳市朝阳县). The prefix must be a plain name, so the work stays small.
  if (form.size() > kMaxQualifiedBytes) return found;
  for (std::size_t cut = utf8_length(static_cast<unsigned char>(form[0])); cut < form.size();
       cut += utf8_length(static_cast<unsigned char>(form[cut]))) {
    const auto outer = regions_named(fold_name(form.substr(0, cut)));
    if (outer.empty()) continue;
    for (std::size_t inner : region_candidates(form.substr(cut)))
      for (const RegionForm& enclosing : outer)
        if (inner != enclosing.region && is_within(regions_[inner], regions_[enclosing.region]) &&
            std::find(found.begin(), found.end(), inner) == found.end())
          found.push_back(inner);
  }
  return found;
}

RegionMatch Registry::match_region(std::string_view any_form) const {
  RegionMatch match;
  if (any_form.empty()) return match;
  const std::vector<std::size_t> positions = region_candidates(any_form);
  if (positions.size() == 1) {
    match.region = &regions_[positions.front()];
    return match;
  }
  const Region* provincial = nullptr;
  std::size_t provincial_count = 0;
  for (std::size_t position : positions) {
    match.candidates.push_back(&regions_[position]);
    if (regions_[position].is_provincial_or_above())
      provincial = &regions_[position], ++provincial_count;
  }
  if (provincial_count == 1) {
    match.region = provincial;
    match.candidates.clear();
  }
  return match;
}

const Region* Registry::find_region(std::string_view any_form) const {
  return match_region(any_form).region;
}

std::string Registry::describe_regions(const std::vector<const Region*>& regions) const {
  std::string text;
  for (const Region* region : regions) {
    if (!text.empty()) text += tr(", ");
    text += fmt::format("{} ({})", full_path_name(*region), region->slug);
  }
  return text;
}

std::string Registry::ambiguity_hint(const std::vector<const Region*>& candidates) const {
  if (candidates.empty()) return {};
  const Region& first = *candidates.front();
  const Region* parent = parent_of(first);
  const std::string qualified =
      parent && parent->level != "national" ? parent->name + first.name : first.slug;
  return trf("write the slug or add the enclosing region, e.g. {}", qualified);
}

std::vector<std::string> Registry::suggest_regions(std::string_view unknown) const {
  std::vector<std::string> names;
  names.reserve(regions_.size() * 3);
  for (const Region& region : regions_) {
    names.push_back(region.name);
    names.push_back(region.slug);
    names.push_back(region.full_name);
  }
  // With thousands of two-character names, one changed character is a different place (宁波
  // is not 宁夏): keep a suggestion only when it is a near miss.
  const std::string folded = fold_name(unknown);
  std::vector<std::string> near;
  for (std::string& name : closest_matches(unknown, names)) {
    const std::string other = fold_name(name);
    if (is_ascii(unknown) || other.find(folded) != std::string::npos ||
        folded.find(other) != std::string::npos || code_points(unknown) >= 3)
      near.push_back(std::move(name));
  }
  return near;
}

}  // namespace ccnt
