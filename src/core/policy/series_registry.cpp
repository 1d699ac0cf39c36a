#include "core/policy/series_registry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/text_normalize.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 7> kSeriesKeys{"slug",  "name",     "name_en", "label",
                                                      "group", "national", "match"};
constexpr std::array<std::string_view, 4> kMatchKeys{"sector", "subsector", "doc_type", "title"};

bool is_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Reads series.yaml's entries, reporting each problem as E130.
class SeriesReader {
 public:
  SeriesReader(std::string path, const Registry& registry,
               const std::vector<std::string>& doc_types, Diagnostics& diagnostics)
      : path_(std::move(path)), registry_(registry), doc_types_(doc_types), out_(diagnostics) {}

  void error(Mark mark, std::string message, std::string hint = {}) {
    out_.error("E130", path_, mark, std::move(message), std::move(hint));
  }

  template <std::size_t N>
  void check_keys(const Node& map, const std::array<std::string_view, N>& known) {
    const std::vector<std::string> names(known.begin(), known.end());
    for (const MapEntry& entry : map.entries)
      if (std::find(known.begin(), known.end(), entry.key) == known.end())
        error(entry.key_mark, trf("unknown key `{}`", entry.key),
              did_you_mean(closest_matches(entry.key, names)));
  }

  // A text value, or "" (with an error when it is there but not text).
  std::string text(const Node& map, std::string_view key) {
    const Node* value = map.find(key);
    if (!value) return {};
    if (!value->is_scalar()) {
      error(value->mark, trf("`{}` must be text", key));
      return {};
    }
    return value->scalar;
  }

  // One text or a list of texts.
  std::vector<std::string> texts(const Node& map, std::string_view key) {
    const Node* value = map.find(key);
    if (!value) return {};
    if (value->is_scalar()) return {value->scalar};
    std::vector<std::string> items;
    if (value->is_sequence())
      for (const Node& item : value->items)
        if (item.is_scalar() && !item.scalar.empty()) items.push_back(item.scalar);
    if (!value->is_sequence() || items.size() != value->items.size() || items.empty())
      error(value->mark, trf("`{}` must be a text or a list of texts", key));
    return items;
  }

  std::optional<SeriesMatch> match(const Node& entry) {
    const Node* node = entry.find("match");
    if (!node) return std::nullopt;
    if (!node->is_map()) {
      error(node->mark, trf("`match` must be a mapping of sector, subsector, doc_type and title"));
      return std::nullopt;
    }
    check_keys(*node, kMatchKeys);
    SeriesMatch match{text(*node, "sector"), text(*node, "subsector"), texts(*node, "doc_type"),
                      texts(*node, "title")};
    const Sector* sector = nullptr;
    if (!match.sector.empty()) {
      sector = registry_.find_sector(match.sector);
      if (sector)
        match.sector = sector->slug;
      else
        error(node->find("sector")->mark, trf("unknown sector `{}`", match.sector),
              did_you_mean(registry_.suggest_sectors(match.sector)));
    }
    if (!match.subsector.empty()) {
      const Mark at = node->find("subsector")->mark;
      if (match.sector.empty())
        error(at, trf("`subsector` needs the `sector` it belongs to"));
      else if (const Subsector* sub =
                   sector ? registry_.find_subsector(*sector, match.subsector) : nullptr)
        match.subsector = sub->slug;
      else if (sector)
        error(at, trf("`{}` is not a subsector of {}", match.subsector, sector->slug));
    }
    for (const std::string& type : match.doc_types)
      if (!doc_types_.empty() &&
          std::find(doc_types_.begin(), doc_types_.end(), type) == doc_types_.end())
        error(node->find("doc_type")->mark, trf("unknown document type `{}`", type),
              did_you_mean(closest_matches(type, doc_types_)));
    if (match.sector.empty() && match.titles.empty())
      error(node->mark,
            trf("`match` needs a `sector` or a `title`, or it would match every record"));
    for (std::string& title : match.titles) title = comparison_form(title);
    return match;
  }

  std::optional<PolicySeries> entry(const Node& item) {
    if (!item.is_map()) {
      error(item.mark, trf("a series is a mapping with slug, name, group, national and match"));
      return std::nullopt;
    }
    check_keys(item, kSeriesKeys);
    PolicySeries series;
    series.mark = item.mark;
    series.slug = text(item, "slug");
    series.name = text(item, "name");
    series.name_en = text(item, "name_en");
    series.label = text(item, "label");
    series.group = text(item, "group");
    series.national = text(item, "national");
    if (const Node* national = item.find("national")) series.national_mark = national->mark;
    if (series.slug.empty() || series.name.empty()) {
      error(item.mark, trf("a series needs a slug and a name"));
      return std::nullopt;
    }
    if (!is_slug(series.slug))
      error(item.find("slug")->mark,
            trf("slug `{}` is not lower-case ASCII letters, digits and -", series.slug));
    if (series.group != "1" && series.group != "N")
      error(item.find("group") ? item.find("group")->mark : item.mark,
            trf("series `{}` needs `group: \"1\"` or `group: N`", series.slug),
            trf("\"1\" is the top-level design, N a plan of one sector or industry"));
    if (!series.national.empty() && !is_slug(series.national))
      error(series.national_mark,
            trf("`national` must be the id of a record, not `{}`", series.national));
    series.match = match(item);
    if (series.label.empty()) series.label = series.name;
    return series;
  }

 private:
  std::string path_;
  const Registry& registry_;
  const std::vector<std::string>& doc_types_;
  Diagnostics& out_;
};

}  // namespace

std::optional<SeriesRegistry> SeriesRegistry::load(const fs::path& file, const Registry& registry,
                                                   const std::vector<std::string>& doc_types,
                                                   Diagnostics& diagnostics) {
  SeriesRegistry result;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return result;  // no series: nothing to read
  result.path_ = display_path(file);
  const std::size_t errors_before = diagnostics.error_count();
  auto root = read_registry_yaml(file, diagnostics);
  if (!root) return std::nullopt;
  SeriesReader reader(result.path_, registry, doc_types, diagnostics);
  const Node* list = root->find("series");
  if (!root->is_map() || !list || !list->is_sequence()) {
    reader.error(root->mark, trf("registry needs a top-level list `{}`", "series"));
    return std::nullopt;
  }
  for (const Node& item : list->items)
    if (auto series = reader.entry(item)) result.series_.push_back(std::move(*series));
  // Every name form names one series.
  for (std::size_t i = 0; i < result.series_.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const PolicySeries& a = result.series_[i];
      const PolicySeries& b = result.series_[j];
      for (const std::string* form : {&a.slug, &a.name, &a.label})
        if (fold_name(*form) == fold_name(b.slug) || *form == b.name || *form == b.label) {
          reader.error(a.mark, trf("name `{}` of series `{}` is already used by `{}` (line {})",
                                   *form, a.slug, b.slug, b.mark.line));
          break;
        }
    }
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return result;
}

const PolicySeries* SeriesRegistry::find(std::string_view any_form) const {
  const std::string folded = fold_name(any_form);
  for (const PolicySeries& series : series_)
    if (series.slug == folded || series.name == any_form || series.label == any_form ||
        (!series.name_en.empty() && fold_name(series.name_en) == folded))
      return &series;
  return nullptr;
}

std::vector<std::string> SeriesRegistry::suggest(std::string_view unknown) const {
  std::vector<std::string> names;
  for (const PolicySeries& series : series_) {
    names.push_back(series.slug);
    names.push_back(series.label);
  }
  return closest_matches(unknown, names);
}

bool meets_series_criteria(const PolicySeries& series, const Policy& policy,
                           std::string_view title_form) {
  if (!series.match) return false;
  const SeriesMatch& match = *series.match;
  if (!match.sector.empty() && policy.sector != match.sector) return false;
  if (!match.subsector.empty() && policy.subsector != match.subsector) return false;
  if (!match.doc_types.empty() && std::find(match.doc_types.begin(), match.doc_types.end(),
                                            policy.doc_type) == match.doc_types.end())
    return false;
  return match.titles.empty() ||
         std::any_of(match.titles.begin(), match.titles.end(), [&](const std::string& title) {
           return title_form.find(title) != std::string_view::npos;
         });
}

}  // namespace ccnt
