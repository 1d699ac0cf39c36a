#include "core/import/import_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <regex>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCode = "E104";

const std::vector<std::string> kTopKeys = {
    "source", "format",  "columns",           "categories", "issuer_separators",
    "region", "sectors", "placeholder_months"};
const std::vector<std::string> kFields = {
    "source_id",      "title",           "issuers", "link",    "published",
    "published_year", "published_month", "updated", "summary", "region"};
const std::vector<std::string> kSectorKeys = {"include", "map"};
const std::vector<std::string> kCategoryRowKeys = {"category_1", "category_2", "sector",
                                                   "subsector", "sectors"};
const std::vector<std::string> kPlaceholderKeys = {"month", "updated_before"};

// Mapping files are small; a larger one is a mistake.
constexpr std::size_t kMaxMappingBytes = 4 * 1024 * 1024;

class MappingReader {
 public:
  MappingReader(const Registry& registry, Diagnostics& out) : registry_(registry), out_(out) {}

  std::optional<ImportMapping> read(const fs::path& file) {
    mapping_.path = display_path(file);
    path_ = mapping_.path;
    const std::size_t errors = out_.error_count();
    auto root = parse(file);
    if (!root) return std::nullopt;
    if (!root->is_map()) {
      error(root->mark, trf("a mapping file is a map of keys (source, columns, ...)"));
      return std::nullopt;
    }
    keys(*root, kTopKeys, "");
    if (const Node* source = root->find("source")) {
      static const std::regex kSourceName("^[a-z][a-z0-9-]*$");
      mapping_.source = text(*source, "source");
      if (!mapping_.source.empty() && !std::regex_match(mapping_.source, kSourceName))
        error(source->mark, trf("`source` must be lower-case ASCII letters, digits and hyphens"),
              trf("e.g. source: tracker"));
    } else {
      error(root->mark, trf("missing `source`"), trf("name the source, e.g. source: tracker"));
    }
    if (const Node* format = root->find("format")) {
      const std::string name = text(*format, "format");
      mapping_.format = parse_source_format(name);
      if (!mapping_.format && !name.empty())
        error(format->mark, trf("unknown format `{}`", name),
              trf("formats are csv, tsv, json and jsonl"));
    }
    if (const Node* columns = root->find("columns"); columns && columns->is_map()) {
      keys(*columns, kFields, "columns.");
      for (const MapEntry& entry : columns->entries)
        mapping_.columns[entry.key] = text(entry.value, "columns." + entry.key);
    } else {
      error(columns ? columns->mark : root->mark,
            trf("`columns` must map fields to the export's columns"),
            trf("e.g. columns: with source_id: id and title: file_name"));
    }
    for (const char* required : {"source_id", "title"})
      if (mapping_.column(required).empty() && root->find("columns"))
        error(root->find("columns")->mark, trf("`columns` does not map `{}`", required),
              trf("a record needs its source id and its title"));
    if (const Node* categories = root->find("categories"))
      mapping_.categories = texts(*categories, "categories");
    if (const Node* separators = root->find("issuer_separators"))
      mapping_.issuer_separators = texts(*separators, "issuer_separators");
    if (const Node* region = root->find("region")) {
      const std::string name = text(*region, "region");
      if (const Region* known = registry_.find_region(name))
        mapping_.region = known->slug;
      else if (!name.empty())
        error(region->mark, trf("unknown region `{}`", name),
              did_you_mean(registry_.suggest_regions(name)));
    }
    if (mapping_.region.empty() && mapping_.column("region").empty() && root->find("columns"))
      error(root->mark, trf("no region: set `region` or map `columns.region`"),
            trf("e.g. region: national"));
    if (const Node* sectors = root->find("sectors")) read_sectors(*sectors, file);
    if (const Node* months = root->find("placeholder_months")) read_placeholders(*months);
    if (out_.error_count() != errors) return std::nullopt;
    return std::move(mapping_);
  }

 private:
  void error(Mark mark, std::string message, std::string hint = {}) {
    out_.error(kCode, path_, mark, std::move(message), std::move(hint));
  }

  std::optional<Node> parse(const fs::path& file) {
    auto bytes = read_source_file(file, display_path(file), out_, kMaxMappingBytes);
    if (!bytes) return std::nullopt;
    return parse_yaml(*bytes, display_path(file), out_);
  }

  void keys(const Node& map, const std::vector<std::string>& known, const std::string& prefix) {
    for (const MapEntry& entry : map.entries)
      if (std::find(known.begin(), known.end(), entry.key) == known.end())
        error(entry.key_mark, trf("unknown key `{}{}`", prefix, entry.key),
              did_you_mean(closest_matches(entry.key, known)));
  }

  std::string text(const Node& node, const std::string& key) {
    if (node.is_scalar() && !node.scalar.empty()) return node.scalar;
    error(node.mark, trf("`{}` must be a text", key));
    return {};
  }

  std::vector<std::string> texts(const Node& node, const std::string& key) {
    std::vector<std::string> out;
    if (!node.is_sequence()) {
      error(node.mark, trf("`{}` must be a list", key));
      return out;
    }
    for (const Node& item : node.items) out.push_back(text(item, key));
    return out;
  }

  // The sector named `sector_name` (at `at`), and its subsector `sub_name` (at `sub_at`) when
  // not empty, as slugs; nullopt, with an error, when the registry knows neither.
  std::optional<SectorChoice> sector_choice(const std::string& sector_name, Mark at,
                                            const std::string& sub_name, Mark sub_at) {
    const Sector* sector = registry_.find_sector(sector_name);
    if (!sector) {
      if (!sector_name.empty())
        error(at, trf("unknown sector `{}`", sector_name),
              did_you_mean(registry_.suggest_sectors(sector_name)));
      return std::nullopt;
    }
    SectorChoice choice{sector->slug, {}, {}};
    if (!sub_name.empty()) {
      if (const Subsector* sub = registry_.find_subsector(*sector, sub_name))
        choice.subsector = sub->slug;
      else
        error(sub_at, trf("`{}` is not a subsector of {}", sub_name, sector->slug),
              trf("schemas/sectors.yaml lists the subsectors of {}", sector->slug));
    }
    return choice;
  }

  // Reads `map` (category → sector[/subsector]) of the mapping file or of an included file.
  void read_sector_map(const Node& map) {
    if (!map.is_map()) {
      error(map.mark, trf("a sector map lists categories and their sectors"),
            trf("e.g. 能源/光伏: energy/solar"));
      return;
    }
    for (const MapEntry& entry : map.entries) {
      const std::string value = text(entry.value, entry.key);
      const auto slash = value.find('/');
      const std::string sub_name = slash == std::string::npos ? "" : value.substr(slash + 1);
      if (auto choice =
              sector_choice(value.substr(0, slash), entry.value.mark, sub_name, entry.value.mark))
        mapping_.sectors.insert_or_assign(entry.key, std::move(*choice));
    }
  }

  // Reads `categories` of an included file (mappings/tracker-categories.yaml): rows of
  // category_1, optional category_2, sector, optional subsector and further sectors, by slug.
  void read_category_rows(const Node& rows) {
    if (!rows.is_sequence()) {
      error(rows.mark, trf("`{}` must be a list", "categories"));
      return;
    }
    for (const Node& row : rows.items) {
      if (!row.is_map()) {
        error(row.mark, trf("each category row is a map of category_1, category_2, sector, "
                            "subsector and sectors"));
        continue;
      }
      keys(row, kCategoryRowKeys, "categories.");
      const Node* first = row.find("category_1");
      const Node* sector = row.find("sector");
      if (!first || !sector) {
        error(row.mark, trf("a category row needs `category_1` and `sector`"));
        continue;
      }
      std::string key = text(*first, "category_1");
      if (const Node* second = row.find("category_2")) key += "/" + text(*second, "category_2");
      const Node* sub = row.find("subsector");
      auto choice = sector_choice(text(*sector, "sector"), sector->mark,
                                  sub ? text(*sub, "subsector") : "", sub ? sub->mark : row.mark);
      if (!choice) continue;
      if (const Node* further = row.find("sectors")) {
        for (const std::string& name : texts(*further, "sectors")) {
          if (const Sector* other = registry_.find_sector(name))
            choice->sectors.push_back(other->slug);
          else if (!name.empty())
            error(further->mark, trf("unknown sector `{}`", name),
                  did_you_mean(registry_.suggest_sectors(name)));
        }
      }
      mapping_.sectors.insert_or_assign(key, std::move(*choice));
    }
  }

  void read_sectors(const Node& sectors, const fs::path& file) {
    if (!sectors.is_map()) {
      error(sectors.mark, trf("`sectors` must hold `include` and/or `map`"));
      return;
    }
    keys(sectors, kSectorKeys, "sectors.");
    if (const Node* include = sectors.find("include")) {
      const std::string name = text(*include, "sectors.include");
      if (!name.empty()) {
        const fs::path included = file.parent_path() / name;
        const std::string saved = path_;
        path_ = display_path(included);
        if (auto root = parse(included)) {
          const Node* map = root->is_map() ? root->find("map") : nullptr;
          const Node* rows = root->is_map() ? root->find("categories") : nullptr;
          if (map && !rows) {
            keys(*root, {"map"}, "");
            read_sector_map(*map);
          } else if (rows && !map) {
            keys(*root, {"categories"}, "");
            read_category_rows(*rows);
          } else {
            error(root->mark, trf("an included sector file holds one key, `map` or `categories`"));
          }
        }
        path_ = saved;
      }
    }
    if (const Node* map = sectors.find("map")) read_sector_map(*map);  // wins over the include
  }

  void read_placeholders(const Node& months) {
    if (!months.is_sequence()) {
      error(months.mark, trf("`placeholder_months` must be a list"),
            trf("e.g. a list item with month: 1 and updated_before: \"2022-01-01\""));
      return;
    }
    for (const Node& item : months.items) {
      if (!item.is_map()) {
        error(item.mark, trf("each placeholder month is a map of `month` and `updated_before`"));
        continue;
      }
      keys(item, kPlaceholderKeys, "placeholder_months.");
      PlaceholderMonth rule;
      const Node* month = item.find("month");
      const auto number = month ? month->as_int() : std::nullopt;
      if (!number || *number < 1 || *number > 12)
        error(month ? month->mark : item.mark, trf("`month` must be a whole number from 1 to 12"));
      else
        rule.month = *number;
      const Node* before = item.find("updated_before");
      const auto date = before ? PartialDate::parse(before->scalar) : std::nullopt;
      if (!date || !date->is_real())
        error(before ? before->mark : item.mark,
              trf("`updated_before` must be a date YYYY[-MM[-DD]]"));
      else
        rule.updated_before = *date;
      mapping_.placeholder_months.push_back(rule);
    }
  }

  const Registry& registry_;
  Diagnostics& out_;
  ImportMapping mapping_;
  std::string path_;  // the file being read, for messages
};

const std::string kNoColumn;

}  // namespace

const std::string& ImportMapping::column(const std::string& field) const {
  const auto found = columns.find(field);
  return found == columns.end() ? kNoColumn : found->second;
}

const SectorChoice* ImportMapping::sector_for(const std::vector<std::string>& levels) const {
  for (std::size_t n = levels.size(); n > 0; --n) {
    std::string key;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) key += '/';
      key += levels[i];
    }
    if (const auto found = sectors.find(key); found != sectors.end()) return &found->second;
  }
  return nullptr;
}

std::optional<ImportMapping> load_import_mapping(const fs::path& file, const Registry& registry,
                                                 Diagnostics& diagnostics) {
  return MappingReader(registry, diagnostics).read(file);
}

}  // namespace ccnt
