#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_error.hpp"
#include "core/edit_distance.hpp"
#include "core/json_writer.hpp"
#include "core/target_comparison.hpp"
#include "core/text_table.hpp"

namespace ccnt::cli {
namespace {

// The indicator named by slug or Chinese name, or UsageError with the closest names.
const Indicator* find_indicator_or_throw(const Registry& registry, const std::string& name) {
  if (const Indicator* indicator = registry.find_indicator(name)) return indicator;
  std::vector<std::string> names;
  for (const Indicator& indicator : registry.indicators()) {
    if (indicator.name == name) return &indicator;
    names.push_back(indicator.slug);
    names.push_back(indicator.name);
  }
  const auto closest = closest_matches(name, names);
  throw UsageError(fmt::format("unknown indicator `{}`", name),
                   closest.empty() ? std::string("schemas/indicators.yaml lists the indicators")
                                   : fmt::format("did you mean {}?", fmt::join(closest, ", ")));
}

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

// One row per target: the benchmark first, then the compared ones, then those set apart.
struct Row {
  const TargetEntry* entry;
  std::string verdict;  // benchmark, stricter, equal, weaker, not-comparable
  std::string reason;
};

std::vector<Row> rows_of(const IndicatorComparison& comparison) {
  std::vector<Row> rows;
  for (const TargetEntry& entry : comparison.benchmarks) rows.push_back({&entry, "benchmark", ""});
  for (const ComparedTarget& compared : comparison.compared)
    rows.push_back({&compared.entry, std::string(to_string(compared.verdict)), ""});
  for (const ApartTarget& apart : comparison.apart)
    rows.push_back({&apart.entry, "not-comparable", apart.reason});
  return rows;
}

TextTable comparison_table(const IndicatorComparison& comparison, const Registry& registry,
                           bool with_reason) {
  TextTable table;
  table.headers = {"region", "value", "base", "target", "scope", "vs national", "policy"};
  if (with_reason) table.headers.push_back("reason");
  table.shrinkable.assign(table.headers.size(), false);
  table.shrinkable[6] = true;
  for (const Row& row : rows_of(comparison)) {
    const Target& target = *row.entry->target;
    std::vector<std::string> cells{region_label(registry, *row.entry->policy),
                                   value_cell(*row.entry),
                                   year_cell(target.base_year),
                                   std::to_string(target.target_year),
                                   target.scope.empty() ? "-" : target.scope,
                                   row.verdict,
                                   row.entry->policy->id};
    if (with_reason) cells.push_back(row.reason);
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string render_text(const std::vector<IndicatorComparison>& comparisons,
                        const Registry& registry, bool markdown, std::size_t width) {
  std::string out;
  for (const IndicatorComparison& comparison : comparisons) {
    const Indicator& indicator = *comparison.indicator;
    const std::string heading =
        fmt::format("{} ({}, {}; {} is stricter)", indicator.name, indicator.slug,
                    indicator.unit.empty() ? "-" : indicator.unit,
                    indicator.higher_is_stricter ? "higher" : "lower");
    if (!out.empty()) out += '\n';
    out += markdown ? "## " + heading + "\n\n" : heading + "\n\n";
    const TextTable table = comparison_table(comparison, registry, !comparison.apart.empty());
    out += markdown ? table.render_markdown() : table.render(width);
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
      json.key("verdict").value(row.verdict);
      if (!row.reason.empty()) json.key("reason").value(row.reason);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  out += '\n';
}

std::string render_csv(const std::vector<IndicatorComparison>& comparisons,
                       const Registry& registry) {
  TextTable table;
  table.headers = {"indicator", "region",      "region_name", "policy", "value", "unit",
                   "qualifier", "aim",         "base_year",   "target_year",     "scope",
                   "verdict",   "reason"};
  for (const IndicatorComparison& comparison : comparisons)
    for (const Row& row : rows_of(comparison)) {
      const Target& target = *row.entry->target;
      table.rows.push_back({comparison.indicator->slug, row.entry->policy->region,
                            region_label(registry, *row.entry->policy), row.entry->policy->id,
                            fmt::format("{}", target.value), target.unit, target.qualifier,
                            row.entry->aim ? fmt::format("{}", row.entry->aim->value) : "",
                            target.base_year ? std::to_string(*target.base_year) : "",
                            std::to_string(target.target_year), target.scope, row.verdict,
                            row.reason});
    }
  return table.render_csv(',');
}

}  // namespace

int run_targets(const Options& options) {
  const TargetsOptions& opts = options.targets;
  const Project project = open_project_or_throw(options.global);
  const Indicator* indicator =
      opts.indicator.empty() ? nullptr : find_indicator_or_throw(project.registry, opts.indicator);
  const PolicyFilter filter = make_filter_or_throw(opts.filter, project);
  // National targets are the benchmark, so they take part whatever the filters select.
  const PolicyFilter everything = make_filter_or_throw({}, project);
  const std::vector<Policy> policies =
      load_matching_policies(project, everything, options.global.jobs);
  std::vector<const Policy*> selected;
  for (const Policy& policy : policies)
    if (policy.region == "national" || filter.matches(policy)) selected.push_back(&policy);
  std::vector<IndicatorComparison> comparisons =
      compare_targets(selected, project.registry, indicator);

  // Without --indicator, show the indicators where a comparison is possible.
  std::size_t hidden = 0;
  if (!indicator) {
    std::erase_if(comparisons, [&](const IndicatorComparison& c) {
      const bool keep = !c.compared.empty();
      hidden += keep ? 0 : 1;
      return !keep;
    });
  }

  if (opts.format == "json") {
    std::string out;
    write_json(out, comparisons, project.registry);
    std::cout << out;
  } else if (opts.format == "csv") {
    std::cout << render_csv(comparisons, project.registry);
  } else {
    if (comparisons.empty())
      std::cerr << "ccnt: no targets can be compared with a national benchmark here\n";
    std::cout << render_text(comparisons, project.registry, opts.format == "markdown",
                             terminal_width(stdout));
  }
  if (hidden > 0 && opts.format != "json" && opts.format != "csv")
    std::cerr << fmt::format(
        "ccnt: note: {} more indicators have targets but no comparable national benchmark; "
        "see them with --indicator NAME (ccnt stats lists them)\n",
        hidden);
  return kExitOk;
}

}  // namespace ccnt::cli
