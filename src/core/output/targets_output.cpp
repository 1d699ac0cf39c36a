#include "core/output/targets_output.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/output/json_writer.hpp"
#include "core/output/text_table.hpp"

namespace ccnt {
namespace {

std::string region_label(const Registry& registry, const Policy& policy) {
  const Region* region = registry.find_region(policy.region);
  return region ? region->name : policy.region;
}

std::string year_cell(const std::optional<int>& year) {
  return year ? std::to_string(*year) : std::string("-");
}

std::string value_cell(const TargetEntry& entry) {
  std::string value = format_target_value(*entry.target);
  if (entry.aim) value += fmt::format("，力争{}{}", entry.aim->value, entry.aim->unit);
  return value;
}

// One row per target: the benchmarks first, then the compared ones, then those set apart.
struct Row {
  const TargetEntry* entry;
  std::string verdict;           // benchmark, stricter, equal, weaker, not-comparable
  const TargetEntry* benchmark;  // the one compared with, for compared rows
  std::string reason;            // for rows set apart
};

// The rows, with the reasons in `words`.
std::vector<Row> rows_of(const IndicatorComparison& comparison,
                         HeaderLanguage words = HeaderLanguage::English) {
  std::vector<Row> rows;
  for (const TargetEntry& entry : comparison.benchmarks)
    rows.push_back({&entry, "benchmark", nullptr, ""});
  for (const ComparedTarget& compared : comparison.compared)
    rows.push_back(
        {&compared.entry, std::string(to_string(compared.verdict)), &compared.benchmark, ""});
  for (const ApartTarget& apart : comparison.apart)
    rows.push_back({&apart.entry, "not-comparable", nullptr,
                    words == HeaderLanguage::Chinese ? apart.reason_zh : apart.reason});
  return rows;
}

std::string heading_of(const Indicator& indicator, HeaderLanguage words) {
  const std::string_view unit =
      indicator.unit.empty() ? std::string_view("-") : std::string_view(indicator.unit);
  const std::string_view stricter =
      label(indicator.higher_is_stricter ? "higher is stricter" : "lower is stricter", words);
  if (words == HeaderLanguage::Chinese)
    return fmt::format("{}（{}，{}；{}）", indicator.name, indicator.slug, unit, stricter);
  return fmt::format("{} ({}, {}; {})", indicator.name, indicator.slug, unit, stricter);
}

// The table of one indicator. For the terminal (`notes` non-null) the reasons
// go under the table as numbered notes, one per distinct reason, so that the
// table stays narrow; Markdown keeps them in a last column.
TextTable comparison_table(const IndicatorComparison& comparison, const Registry& registry,
                           std::vector<std::string>* notes, HeaderLanguage words) {
  TextTable table;
  for (std::string_view key :
       {"region", "value", "base", "target|year", "scope", "vs national", "policy"})
    table.headers.emplace_back(label(key, words));
  const bool reason_column = !notes && !comparison.apart.empty();
  if (reason_column) table.headers.emplace_back(label("reason", words));
  // The scope gives way first. The value, the verdict (with its note number) and the
  // policy id are never cut: a cut one would say something else, or not paste into `show`.
  table.shrinkable.assign(table.headers.size(), false);
  table.shrinkable[4] = true;
  table.whole.assign(table.headers.size(), false);
  table.whole[1] = table.whole[5] = table.whole[6] = true;
  for (const Row& row : rows_of(comparison, words)) {
    const Target& target = *row.entry->target;
    std::string verdict(label(row.verdict, words));
    if (notes && !row.reason.empty()) {
      auto it = std::find(notes->begin(), notes->end(), row.reason);
      if (it == notes->end()) it = notes->insert(it, row.reason);
      verdict += fmt::format(" [{}]", it - notes->begin() + 1);
    }
    std::vector<std::string> cells{region_label(registry, *row.entry->policy),
                                   value_cell(*row.entry),
                                   year_cell(target.base_year),
                                   std::to_string(target.target_year),
                                   target.scope.empty() ? "-" : target.scope,
                                   std::move(verdict),
                                   row.entry->policy->id};
    if (reason_column) cells.push_back(row.reason);
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string render_text(const std::vector<IndicatorComparison>& comparisons,
                        const Registry& registry, bool markdown, std::size_t width,
                        HeaderLanguage words) {
  std::string out;
  for (const IndicatorComparison& comparison : comparisons) {
    if (!out.empty()) out += '\n';
    const std::string heading = heading_of(*comparison.indicator, words);
    if (markdown) {
      out += "## " + heading + "\n\n";
      out += comparison_table(comparison, registry, nullptr, words).render_markdown();
      continue;
    }
    out += heading + "\n\n";
    std::vector<std::string> notes;
    out += comparison_table(comparison, registry, &notes, words).render(width);
    if (!notes.empty()) out += '\n';
    for (std::size_t i = 0; i < notes.size(); ++i) out += fmt::format("[{}] {}\n", i + 1, notes[i]);
  }
  return out;
}

void write_json(std::string& out, const std::vector<IndicatorComparison>& comparisons,
                const Registry& registry) {
  JsonWriter json(out, true);
  json.begin_array();
  for (const IndicatorComparison& comparison : comparisons) {
    json.begin_object();
    json.key("indicator").value(comparison.indicator->slug);
    json.key("indicator_name").value(comparison.indicator->name);
    json.key("unit").value(comparison.indicator->unit);
    json.key("higher_is_stricter").value(comparison.indicator->higher_is_stricter);
    json.key("targets").begin_array();
    for (const Row& row : rows_of(comparison)) {
      const Target& target = *row.entry->target;
      json.begin_object();
      json.key("policy").value(row.entry->policy->id);
      json.key("region").value(row.entry->policy->region);
      json.key("region_name").value(region_label(registry, *row.entry->policy));
      json.key("value").value(target.value);
      json.key("unit").value(target.unit);
      json.key("qualifier").value(target.qualifier);
      if (row.entry->aim) json.key("aim").value(row.entry->aim->value);
      json.key("base_year");
      if (target.base_year)
        json.value(*target.base_year);
      else
        json.null();
      json.key("target_year").value(target.target_year);
      json.key("scope").value(target.scope);
      json.key("text").value(target.text);
      json.key("verdict").value(row.verdict);
      if (row.benchmark) json.key("benchmark").value(row.benchmark->policy->id);
      if (!row.reason.empty()) json.key("reason").value(row.reason);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  out += '\n';
}

// One row per target: the CSV's and the workbook's (every field of the JSON but `aim`'s text).
// The headers are the keys, or their Chinese labels with `headers` Chinese (--headers zh).
Sheet targets_sheet(const std::vector<IndicatorComparison>& comparisons, const Registry& registry,
                    HeaderLanguage headers = HeaderLanguage::English) {
  Sheet sheet{"targets",
              header_labels({"indicator", "region", "region_name", "policy", "value", "unit",
                             "qualifier", "aim", "base_year", "target_year", "scope", "verdict",
                             "benchmark|column", "reason", "indicator_name", "text"},
                            headers),
              {}};
  for (const IndicatorComparison& comparison : comparisons)
    for (const Row& row : rows_of(comparison)) {
      const Target& target = *row.entry->target;
      const Policy& policy = *row.entry->policy;
      sheet.rows.push_back(
          {SheetCell::of(comparison.indicator->slug), SheetCell::of(policy.region),
           SheetCell::of(region_label(registry, policy)), SheetCell::of(policy.id),
           SheetCell::of_number(target.value), SheetCell::of(target.unit),
           SheetCell::of(target.qualifier),
           row.entry->aim ? SheetCell::of_number(row.entry->aim->value) : SheetCell{},
           target.base_year ? SheetCell::of_number(*target.base_year) : SheetCell{},
           SheetCell::of_number(target.target_year), SheetCell::of(target.scope),
           SheetCell::of(row.verdict),
           SheetCell::of(row.benchmark ? row.benchmark->policy->id : std::string()),
           SheetCell::of(row.reason), SheetCell::of(comparison.indicator->name),
           SheetCell::of(target.text)});
    }
  return sheet;
}

}  // namespace

std::vector<Sheet> targets_sheets(const std::vector<IndicatorComparison>& comparisons,
                                  const Registry& registry, HeaderLanguage headers) {
  return {targets_sheet(comparisons, registry, headers)};
}

std::string render_targets(const std::vector<IndicatorComparison>& comparisons,
                           const Registry& registry, OutputFormat format, std::size_t width,
                           bool formula_guard, std::optional<HeaderLanguage> headers) {
  const HeaderLanguage words = headers.value_or(default_header_language(format));
  switch (format) {
    case OutputFormat::Json: {
      std::string out;
      write_json(out, comparisons, registry);
      return out;
    }
    case OutputFormat::Csv:
      return targets_sheet(comparisons, registry, words)
          .text_table()
          .render_csv(',', formula_guard);
    default:
      return render_text(comparisons, registry, format == OutputFormat::Markdown, width, words);
  }
}

}  // namespace ccnt
