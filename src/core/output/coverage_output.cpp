#include "core/output/coverage_output.hpp"

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/output/json_writer.hpp"
#include "core/output/text_table.hpp"

namespace ccnt {
namespace {

// What a cell of the table shows when nothing was issued.
constexpr const char* kNone = "-";

std::string region_name(const Registry& registry, const std::string& slug) {
  const Region* region = registry.find_region(slug);
  return region ? region->name : slug;
}

std::vector<std::string> ids_of(const std::vector<const Policy*>& policies) {
  std::vector<std::string> ids;
  ids.reserve(policies.size());
  for (const Policy* policy : policies) ids.push_back(policy->id);
  return ids;
}

// A cell of the table: the month (or year, or day) published, `undated` for a record without a
// date, `-` for none.
std::string cell_text(bool issued, const std::optional<PartialDate>& published) {
  if (!issued) return kNone;
  return published ? published->to_string() : std::string(tr("undated"));
}

TextTable matrix_table(const CoverageMatrix& matrix, const Registry& registry) {
  TextTable table;
  table.headers.emplace_back(tr("region"));
  for (const PolicySeries* series : matrix.series) table.headers.push_back(series->label);
  table.headers.emplace_back(tr("total"));
  table.right_align.assign(table.headers.size(), false);
  table.right_align.back() = true;

  std::vector<std::string> national{region_name(registry, "national")};
  for (const Policy* record : matrix.national)
    national.push_back(cell_text(record != nullptr, record ? record->published : std::nullopt));
  national.emplace_back();
  table.rows.push_back(std::move(national));

  std::size_t cells = 0;
  for (std::size_t r = 0; r < matrix.regions.size(); ++r) {
    std::vector<std::string> row{matrix.regions[r]->name};
    std::size_t issued = 0;
    for (const CoverageCell& cell : matrix.cells[r]) {
      row.push_back(cell_text(!cell.empty(), cell.published));
      issued += cell.empty() ? 0 : 1;
    }
    row.push_back(std::to_string(issued));
    cells += issued;
    table.rows.push_back(std::move(row));
  }
  std::vector<std::string> totals{std::string(tr("total"))};
  for (std::size_t issued : matrix.issued) totals.push_back(std::to_string(issued));
  totals.push_back(std::to_string(cells));
  table.rows.push_back(std::move(totals));
  return table;
}

TextTable series_table(const CoverageMatrix& matrix) {
  TextTable table;
  table.headers = {std::string(tr("series")), std::string(tr("group")), std::string(tr("name")),
                   std::string(tr("national record"))};
  table.whole = {false, false, false, true};
  for (std::size_t s = 0; s < matrix.series.size(); ++s) {
    const PolicySeries& series = *matrix.series[s];
    std::string national = kNone;
    if (matrix.national[s])
      national = matrix.national[s]->id;
    else if (!series.national.empty())
      national = trf("{} (not in the tree)", series.national);
    table.rows.push_back({series.label, series.group, series.name, national});
  }
  return table;
}

// The line under the table that says how many regions of the level the rows are.
std::string regions_note(const CoverageMatrix& matrix) {
  if (matrix.regions.size() >= matrix.regions_at_level) return {};
  const std::size_t shown = matrix.regions.size();
  const std::size_t all = matrix.regions_at_level;
  return matrix.level == "municipal"
             ? trf("{} of {} prefecture-level regions have issued a plan of these series; "
                   "--all-regions lists every one\n",
                   shown, all)
             : trf("{} of {} provincial-level regions have issued a plan of these series; "
                   "--all-regions lists every one\n",
                   shown, all);
}

std::string render_text(const CoverageMatrix& matrix, const Registry& registry, bool markdown,
                        std::size_t width) {
  const TextTable matrix_part = matrix_table(matrix, registry);
  const TextTable series_part = series_table(matrix);
  std::string out = markdown ? matrix_part.render_markdown() : matrix_part.render(width);
  // In Markdown a line right under a table would be read as one more row of it.
  if (const std::string note = regions_note(matrix); !note.empty())
    out += (markdown ? "\n" : "") + note;
  out += '\n';
  out += markdown ? series_part.render_markdown() : series_part.render(width);
  return out;
}

// The `coverage` sheet: the nation's row first, then a row per region.
Sheet coverage_sheet(const CoverageMatrix& matrix, const Registry& registry) {
  Sheet sheet{"coverage", {"region", "region_name", "level"}, {}};
  for (const PolicySeries* series : matrix.series) {
    sheet.headers.push_back(series->slug);
    sheet.headers.push_back(series->slug + "_policies");
  }
  sheet.headers.emplace_back("issued");
  std::vector<SheetCell> national{SheetCell::of("national"),
                                  SheetCell::of(region_name(registry, "national")),
                                  SheetCell::of("national")};
  for (const Policy* record : matrix.national) {
    national.push_back(record ? SheetCell::of_date(record->published) : SheetCell{});
    national.push_back(record ? SheetCell::of(record->id) : SheetCell{});
  }
  national.emplace_back();
  sheet.rows.push_back(std::move(national));
  for (std::size_t r = 0; r < matrix.regions.size(); ++r) {
    const Region& region = *matrix.regions[r];
    std::vector<SheetCell> row{SheetCell::of(region.slug), SheetCell::of(region.name),
                               SheetCell::of(matrix.level)};
    std::size_t issued = 0;
    for (const CoverageCell& cell : matrix.cells[r]) {
      row.push_back(SheetCell::of_date(cell.published));
      row.push_back(SheetCell::of(join_list(ids_of(cell.policies))));
      issued += cell.empty() ? 0 : 1;
    }
    row.push_back(SheetCell::of_number(static_cast<double>(issued)));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

void write_json(std::string& out, const CoverageMatrix& matrix) {
  JsonWriter json(out, true);
  json.begin_object();
  json.key("level").value(matrix.level);
  json.key("regions_at_level").value(matrix.regions_at_level);
  json.key("series").begin_array();
  for (std::size_t s = 0; s < matrix.series.size(); ++s) {
    const PolicySeries& series = *matrix.series[s];
    json.begin_object();
    json.key("slug").value(series.slug);
    json.key("name").value(series.name);
    if (!series.name_en.empty()) json.key("name_en").value(series.name_en);
    json.key("label").value(series.label);
    json.key("group").value(series.group);
    json.key("national");
    if (const Policy* record = matrix.national[s]) {
      json.begin_object();
      json.key("id").value(record->id);
      json.key("title").value(record->title);
      if (record->published) json.key("published").value(record->published->to_string());
      json.end_object();
    } else if (!series.national.empty()) {
      json.begin_object();
      json.key("id").value(series.national);
      json.key("in_tree").value(false);
      json.end_object();
    } else {
      json.null();
    }
    json.key("issued").value(matrix.issued[s]);
    json.end_object();
  }
  json.end_array();
  json.key("regions").begin_array();
  for (std::size_t r = 0; r < matrix.regions.size(); ++r) {
    json.begin_object();
    json.key("region").value(matrix.regions[r]->slug);
    json.key("region_name").value(matrix.regions[r]->name);
    json.key("cells").begin_object();
    std::size_t issued = 0;
    for (std::size_t s = 0; s < matrix.series.size(); ++s) {
      const CoverageCell& cell = matrix.cells[r][s];
      if (cell.empty()) continue;
      ++issued;
      json.key(matrix.series[s]->slug).begin_object();
      if (cell.published) json.key("published").value(cell.published->to_string());
      json.key("policies").strings(ids_of(cell.policies));
      json.end_object();
    }
    json.end_object();
    json.key("issued").value(issued);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
}

}  // namespace

std::string render_coverage(const CoverageMatrix& matrix, const Registry& registry,
                            OutputFormat format, std::size_t width, bool formula_guard) {
  switch (format) {
    case OutputFormat::Json: {
      std::string out;
      write_json(out, matrix);
      return out;
    }
    case OutputFormat::Csv:
    case OutputFormat::Tsv:
      return coverage_sheet(matrix, registry)
          .text_table()
          .render_csv(format == OutputFormat::Csv ? ',' : '\t', formula_guard);
    case OutputFormat::Markdown:
      return render_text(matrix, registry, true, width);
    default:
      return render_text(matrix, registry, false, width);
  }
}

std::vector<Sheet> coverage_sheets(const CoverageMatrix& matrix, const Registry& registry) {
  Sheet series_sheet{"series",
                     {"series", "label", "name", "name_en", "group", "national", "national_title",
                      "national_published", "issued", "regions_at_level"},
                     {}};
  for (std::size_t s = 0; s < matrix.series.size(); ++s) {
    const PolicySeries& series = *matrix.series[s];
    const Policy* record = matrix.national[s];
    series_sheet.rows.push_back(
        {SheetCell::of(series.slug), SheetCell::of(series.label), SheetCell::of(series.name),
         SheetCell::of(series.name_en), SheetCell::of(series.group),
         SheetCell::of(record ? record->id : std::string()),
         SheetCell::of(record ? record->title : std::string()),
         record ? SheetCell::of_date(record->published) : SheetCell{},
         SheetCell::of_number(static_cast<double>(matrix.issued[s])),
         SheetCell::of_number(static_cast<double>(matrix.regions_at_level))});
  }
  Sheet policies{"policies",
                 {"series", "region", "region_name", "policy", "title", "published", "doc_type"},
                 {}};
  for (std::size_t s = 0; s < matrix.series.size(); ++s)
    for (std::size_t r = 0; r < matrix.regions.size(); ++r)
      for (const Policy* policy : matrix.cells[r][s].policies)
        policies.rows.push_back(
            {SheetCell::of(matrix.series[s]->slug), SheetCell::of(matrix.regions[r]->slug),
             SheetCell::of(matrix.regions[r]->name), SheetCell::of(policy->id),
             SheetCell::of(policy->title), SheetCell::of_date(policy->published),
             SheetCell::of(policy->doc_type)});
  return {coverage_sheet(matrix, registry), std::move(series_sheet), std::move(policies)};
}

}  // namespace ccnt
