#include "core/output/stats_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/output/json_writer.hpp"
#include "core/output/text_table.hpp"

namespace ccnt {
namespace {

// A titled table of the statistics.
struct Section {
  std::string title;
  TextTable table;
};

// The kind column of an issuer count: `unplaced` for an issuer the registry cannot place.
std::string kind_of(const AgencyCount& item, HeaderLanguage words = HeaderLanguage::English) {
  return std::string(item.id.empty() ? label("unplaced", words)
                                     : value_label("agency", item.kind, words));
}

// The headers `keys` in `words`.
std::vector<std::string> headers_of(std::initializer_list<std::string_view> keys,
                                    HeaderLanguage words) {
  std::vector<std::string> headers;
  for (std::string_view key : keys) headers.emplace_back(label(key, words));
  return headers;
}

Section issuer_section(const IssuerStats& issuers, HeaderLanguage words) {
  Section section{std::string(label("By issuer", words)), {}};
  section.table.headers = headers_of({"issuer", "kind", "policies"}, words);
  section.table.right_align = {false, false, true};
  for (const AgencyCount& item : issuers.agencies)
    section.table.rows.push_back({item.name, kind_of(item, words), std::to_string(item.policies)});
  if (issuers.without_issuer > 0)
    section.table.rows.push_back(
        {std::string(label("(no issuer)", words)), "", std::to_string(issuers.without_issuer)});
  return section;
}

std::vector<Section> sections_of(const PolicyStats& stats, const IssuerStats& issuers,
                                 const StatsTables& tables, HeaderLanguage words) {
  std::vector<Section> sections;

  if (stats.regions.empty()) return sections;  // nothing counted: no table of zeros

  if (tables.region_sector) {
    Section matrix{std::string(label("By region and sector", words)), {}};
    matrix.table.headers.emplace_back(label("region", words));
    for (const Sector* sector : stats.sectors) matrix.table.headers.push_back(sector->name);
    matrix.table.headers.emplace_back(label("total", words));
    std::vector<std::size_t> column_totals(stats.sectors.size(), 0);
    for (std::size_t r = 0; r < stats.regions.size(); ++r) {
      std::vector<std::string> row{stats.regions[r]->name};
      std::size_t total = 0;
      for (std::size_t s = 0; s < stats.sectors.size(); ++s) {
        const std::size_t n = stats.cells[r][s];
        row.push_back(n == 0 ? "" : std::to_string(n));
        total += n;
        column_totals[s] += n;
      }
      row.push_back(std::to_string(total));
      matrix.table.rows.push_back(std::move(row));
    }
    std::vector<std::string> totals{std::string(label("total", words))};
    std::size_t all = 0;
    for (std::size_t n : column_totals) {
      totals.push_back(std::to_string(n));
      all += n;
    }
    totals.push_back(std::to_string(all));
    matrix.table.rows.push_back(std::move(totals));
    matrix.table.right_align.assign(matrix.table.headers.size(), true);
    matrix.table.right_align[0] = false;
    sections.push_back(std::move(matrix));
  }

  // `named`: the keys are ccnt's words (levels), shown in `words`.
  const auto counts = [words](std::string_view title, std::string_view key,
                              const std::vector<Count>& items, bool named) {
    Section section{std::string(label(title, words)), {}};
    section.table.headers = headers_of({key, "policies"}, words);
    section.table.right_align = {false, true};
    for (const Count& item : items)
      section.table.rows.push_back(
          {named ? std::string(label(item.key, words)) : item.key, std::to_string(item.count)});
    return section;
  };
  if (tables.level) sections.push_back(counts("By level", "level", stats.by_level, true));
  if (tables.added)
    sections.push_back(counts("By month added", "added", stats.by_month_added, false));

  if (tables.indicator) {
    Section targets{std::string(label("Targets by indicator", words)), {}};
    targets.table.headers = headers_of({"indicator", "name", "targets", "policies"}, words);
    targets.table.right_align = {false, false, true, true};
    for (const IndicatorCount& item : stats.by_indicator)
      targets.table.rows.push_back({item.indicator->slug, item.indicator->name,
                                    std::to_string(item.targets), std::to_string(item.policies)});
    sections.push_back(std::move(targets));
  }
  if (tables.issuer) sections.push_back(issuer_section(issuers, words));
  return sections;
}

std::string render_json(const PolicyStats& stats, const IssuerStats& issuers,
                        const StatsTables& tables) {
  std::string out;
  JsonWriter json(out, true);
  json.begin_object();
  json.key("policies").value(stats.policies);
  if (tables.region_sector) {
    json.key("by_region_sector").begin_array();
    for (std::size_t r = 0; r < stats.regions.size(); ++r)
      for (std::size_t s = 0; s < stats.sectors.size(); ++s) {
        if (stats.cells[r][s] == 0) continue;
        json.begin_object();
        json.key("region").value(stats.regions[r]->slug);
        json.key("region_name").value(stats.regions[r]->name);
        json.key("sector").value(stats.sectors[s]->slug);
        json.key("sector_name").value(stats.sectors[s]->name);
        json.key("policies").value(stats.cells[r][s]);
        json.end_object();
      }
    json.end_array();
  }
  const auto counts = [&](std::string_view name, std::string_view key,
                          const std::vector<Count>& items) {
    json.key(name).begin_array();
    for (const Count& item : items) {
      json.begin_object();
      json.key(key).value(item.key);
      json.key("policies").value(item.count);
      json.end_object();
    }
    json.end_array();
  };
  if (tables.level) counts("by_level", "level", stats.by_level);
  if (tables.added) counts("by_month_added", "added", stats.by_month_added);
  if (tables.indicator) {
    json.key("targets_by_indicator").begin_array();
    for (const IndicatorCount& item : stats.by_indicator) {
      json.begin_object();
      json.key("indicator").value(item.indicator->slug);
      json.key("indicator_name").value(item.indicator->name);
      json.key("targets").value(item.targets);
      json.key("policies").value(item.policies);
      json.end_object();
    }
    json.end_array();
  }
  if (tables.issuer) {
    json.key("by_issuer").begin_array();
    for (const AgencyCount& item : issuers.agencies) {
      json.begin_object();
      json.key("agency");
      if (item.id.empty())
        json.null();
      else
        json.value(item.id);
      json.key("name").value(item.name);
      json.key("kind");
      if (item.id.empty())
        json.null();
      else
        json.value(item.kind);
      json.key("policies").value(item.policies);
      json.end_object();
    }
    json.end_array();
    json.key("without_issuer").value(issuers.without_issuer);
  }
  json.end_object();
  out += '\n';
  return out;
}

// CSV as tidy data: one row per count, so that every table fits one sheet.
std::string render_csv(const PolicyStats& stats, const IssuerStats& issuers,
                       const StatsTables& tables, bool formula_guard, HeaderLanguage headers) {
  TextTable table;
  table.headers = headers_of({"table", "key", "subkey", "count"}, headers);
  if (tables.region_sector)
    for (std::size_t r = 0; r < stats.regions.size(); ++r)
      for (std::size_t s = 0; s < stats.sectors.size(); ++s)
        if (stats.cells[r][s] > 0)
          table.rows.push_back({"region_sector", stats.regions[r]->slug, stats.sectors[s]->slug,
                                std::to_string(stats.cells[r][s])});
  if (tables.level)
    for (const Count& item : stats.by_level)
      table.rows.push_back({"level", item.key, "", std::to_string(item.count)});
  if (tables.added)
    for (const Count& item : stats.by_month_added)
      table.rows.push_back({"added", item.key, "", std::to_string(item.count)});
  if (tables.indicator)
    for (const IndicatorCount& item : stats.by_indicator) {
      table.rows.push_back(
          {"indicator_targets", item.indicator->slug, "", std::to_string(item.targets)});
      table.rows.push_back(
          {"indicator_policies", item.indicator->slug, "", std::to_string(item.policies)});
    }
  if (tables.issuer) {
    for (const AgencyCount& item : issuers.agencies)
      table.rows.push_back({"issuer", item.id.empty() ? item.name : item.id, kind_of(item),
                            std::to_string(item.policies)});
    if (issuers.without_issuer > 0)
      table.rows.push_back({"issuer", "", "none", std::to_string(issuers.without_issuer)});
  }
  return table.render_csv(',', formula_guard);
}

// The count, then one titled table per section; Markdown titles are headings.
std::string render_tables(const PolicyStats& stats, const IssuerStats& issuers,
                          const StatsTables& tables, bool markdown, std::size_t width,
                          HeaderLanguage words) {
  std::string out = policy_count_label(stats.policies, words) + "\n";
  for (const Section& section : sections_of(stats, issuers, tables, words)) {
    if (section.table.rows.empty()) continue;
    out += markdown ? "\n## " + section.title + "\n\n" : "\n" + section.title + "\n\n";
    out += markdown ? section.table.render_markdown() : section.table.render(width);
  }
  return out;
}

}  // namespace

std::vector<Sheet> stats_sheets(const PolicyStats& stats, const IssuerStats& issuers,
                                const StatsTables& tables, HeaderLanguage headers) {
  std::vector<Sheet> sheets;
  const auto count = [](std::size_t n) { return SheetCell::of_number(static_cast<double>(n)); };
  if (tables.region_sector) {
    Sheet sheet{
        "region-sector", {"region", "region_name", "sector", "sector_name", "policies"}, {}};
    for (std::size_t r = 0; r < stats.regions.size(); ++r)
      for (std::size_t s = 0; s < stats.sectors.size(); ++s)
        if (stats.cells[r][s] > 0)
          sheet.rows.push_back({SheetCell::of(stats.regions[r]->slug),
                                SheetCell::of(stats.regions[r]->name),
                                SheetCell::of(stats.sectors[s]->slug),
                                SheetCell::of(stats.sectors[s]->name), count(stats.cells[r][s])});
    sheets.push_back(std::move(sheet));
  }
  if (tables.level) {
    Sheet sheet{"level", {"level", "policies"}, {}};
    for (const Count& item : stats.by_level)
      sheet.rows.push_back({SheetCell::of(item.key), count(item.count)});
    sheets.push_back(std::move(sheet));
  }
  if (tables.added) {
    Sheet sheet{"added", {"added", "policies"}, {}};
    for (const Count& item : stats.by_month_added) {
      const auto month = PartialDate::parse(item.key);
      sheet.rows.push_back(
          {month ? SheetCell::of_date(month) : SheetCell::of(item.key), count(item.count)});
    }
    sheets.push_back(std::move(sheet));
  }
  if (tables.indicator) {
    Sheet sheet{"indicator", {"indicator", "indicator_name", "targets", "policies"}, {}};
    for (const IndicatorCount& item : stats.by_indicator)
      sheet.rows.push_back({SheetCell::of(item.indicator->slug),
                            SheetCell::of(item.indicator->name), count(item.targets),
                            count(item.policies)});
    sheets.push_back(std::move(sheet));
  }
  if (tables.issuer) {
    Sheet sheet{"issuer", {"agency", "name", "kind", "policies"}, {}};
    for (const AgencyCount& item : issuers.agencies)
      sheet.rows.push_back({SheetCell::of(item.id), SheetCell::of(item.name),
                            SheetCell::of(kind_of(item)), count(item.policies)});
    if (issuers.without_issuer > 0)
      sheet.rows.push_back(
          {SheetCell{}, SheetCell{}, SheetCell::of("none"), count(issuers.without_issuer)});
    sheets.push_back(std::move(sheet));
  }
  for (Sheet& sheet : sheets) sheet.headers = header_labels(sheet.headers, headers);
  return sheets;
}

StatsTables::StatsTables(const std::vector<std::string>& by) {
  if (by.empty()) return;
  const auto asked = [&](std::string_view name) {
    return std::find(by.begin(), by.end(), name) != by.end();
  };
  region_sector = asked("region-sector");
  level = asked("level");
  added = asked("added");
  indicator = asked("indicator");
  issuer = asked("issuer");
}

std::string render_stats(const PolicyStats& stats, const IssuerStats& issuers,
                         const StatsTables& tables, OutputFormat format, std::size_t width,
                         bool formula_guard, std::optional<HeaderLanguage> headers) {
  const HeaderLanguage words = headers.value_or(default_header_language(format));
  switch (format) {
    case OutputFormat::Json:
      return render_json(stats, issuers, tables);
    case OutputFormat::Csv:
      return render_csv(stats, issuers, tables, formula_guard, words);
    case OutputFormat::Markdown:
      return render_tables(stats, issuers, tables, true, width, words);
    default:
      return render_tables(stats, issuers, tables, false, width, words);
  }
}

}  // namespace ccnt
