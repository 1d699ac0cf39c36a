#include "core/policy/registry.hpp"

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {
namespace {

// Reads `schemas/<file>` and returns the list under its top-level key.
std::optional<Node> load_list(const std::filesystem::path& file, std::string_view key,
                              Diagnostics& diagnostics) {
  const std::string path = display_path(file);
  // schemas/ lies in the data tree (or the installed data directory); a link may not lead out.
  auto bytes =
      read_tree_file(file, path, tree_prefix(file.parent_path().parent_path()), diagnostics);
  if (!bytes) return std::nullopt;
  auto root = parse_yaml(*bytes, path, diagnostics);
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

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Region::policy_level() const {
  if (level == "national") return "national";
  if (level == "city") return "municipal";
  if (level == "county") return "county";
  return "provincial";
}

std::optional<Registry> Registry::load(const std::filesystem::path& schemas_dir,
                                       Diagnostics& diagnostics) {
  Registry registry;
  const std::size_t errors_before = diagnostics.error_count();

  const auto regions_file = schemas_dir / "regions.yaml";
  if (auto list = load_list(regions_file, "regions", diagnostics)) {
    const std::string path = display_path(regions_file);
    for (const Node& item : list->items) {
      Region region{scalar_at(item, "slug"),      scalar_at(item, "name"),
                    scalar_at(item, "full_name"), scalar_at(item, "code"),
                    scalar_at(item, "level"),     scalar_at(item, "parent"),
                    scalars_at(item, "aliases")};
      if (region.slug.empty() || region.name.empty() || region.full_name.empty()) {
        diagnostics.error("E091", path, item.mark, trf("region needs slug, name and full_name"));
        continue;
      }
      const std::size_t position = registry.regions_.size();
      index_name(registry.region_index_, region.slug, position, path, item.mark, diagnostics);
      index_name(registry.region_index_, region.name, position, path, item.mark, diagnostics);
      index_name(registry.region_index_, region.full_name, position, path, item.mark, diagnostics);
      for (const std::string& alias : region.aliases)
        index_name(registry.region_index_, alias, position, path, item.mark, diagnostics);
      registry.regions_.push_back(std::move(region));
    }
    for (const Region& region : registry.regions_)
      if (!region.parent.empty() && !registry.find_region(region.parent))
        diagnostics.error("E091", path, {},
                          trf("region `{}` has unknown parent `{}`", region.slug, region.parent));
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

  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return registry;
}

std::size_t Registry::region_rank(const std::string& slug) const {
  const auto it = region_index_.find(slug);  // slugs are folded already
  return it != region_index_.end() && regions_[it->second].slug == slug ? it->second
                                                                        : regions_.size();
}

std::size_t Registry::sector_rank(const std::string& slug) const {
  const auto it = sector_index_.find(slug);
  return it != sector_index_.end() && sectors_[it->second].slug == slug ? it->second
                                                                        : sectors_.size();
}

const Region* Registry::find_region(std::string_view any_form) const {
  auto it = region_index_.find(fold_name(any_form));
  return it == region_index_.end() ? nullptr : &regions_[it->second];
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

bool Registry::is_within(const Region& region, const Region& ancestor) const {
  const Region* current = &region;
  for (std::size_t hops = 0; current && hops <= regions_.size(); ++hops) {
    if (current->slug == ancestor.slug) return true;
    current = current->parent.empty() ? nullptr : find_region(current->parent);
  }
  return false;
}

std::vector<std::string> Registry::suggest_regions(std::string_view unknown) const {
  std::vector<std::string> names;
  for (const Region& region : regions_) {
    names.push_back(region.name);
    names.push_back(region.slug);
    names.push_back(region.full_name);
  }
  return closest_matches(unknown, names);
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

}  // namespace ccnt
