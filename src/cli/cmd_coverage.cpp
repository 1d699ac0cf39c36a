#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/output/coverage_output.hpp"
#include "core/query/coverage.hpp"
#include "core/util/edit_distance.hpp"

namespace ccnt::cli {
namespace {

// The series --series names, or UsageError with the closest names.
std::vector<const PolicySeries*> series_or_throw(const SeriesRegistry& registry,
                                                 const std::vector<std::string>& names) {
  if (registry.series().empty())
    throw UsageError(trf("this data tree defines no policy series"),
                     trf("list them in schemas/series.yaml (docs/commands/coverage.md)"));
  std::vector<const PolicySeries*> chosen;
  for (const std::string& name : names) {
    const PolicySeries* series = registry.find(name);
    if (!series) {
      const std::vector<std::string> close = registry.suggest(name);
      throw UsageError(
          trf("unknown series `{}`", name),
          close.empty() ? trf("schemas/series.yaml lists the series") : did_you_mean(close));
    }
    if (std::find(chosen.begin(), chosen.end(), series) == chosen.end()) chosen.push_back(series);
  }
  return chosen;
}

}  // namespace

int run_coverage(const Options& options) {
  const CoverageOptions& opts = options.coverage;
  const OutputFormat format = parse_output_format(opts.format).value_or(OutputFormat::Table);
  check_output_target(format, opts.output);
  const Project project = open_project_or_throw(options.global);
  CoverageQuery query;
  query.series = series_or_throw(project.series, opts.series);
  query.level = opts.level;
  query.all_regions = opts.all_regions;
  if (!opts.regions.empty()) {
    FilterOptions regions;
    regions.regions = opts.regions;
    make_filter_or_throw(regions, project);  // an unknown or ambiguous name is a usage error
    for (const std::string& name : opts.regions)
      query.within.push_back(project.registry.match_region(name).region);
  }
  // Every record takes part: a series' national record, and the records a plan implements.
  const PolicyFilter everything = make_filter_or_throw({}, project);
  std::size_t left_out = 0;
  const std::vector<Policy> policies = load_matching_policies(
      project, everything, options.global,
      [&](const Policy& policy) { return policy.level == opts.level; }, &left_out);
  std::vector<const Policy*> all;
  all.reserve(policies.size());
  for (const Policy& policy : policies) all.push_back(&policy);
  const CoverageMatrix matrix = compute_coverage(all, project.registry, project.series, query);

  if (format == OutputFormat::Xlsx) {
    emit_workbook(opts.output, coverage_sheets(matrix, project.registry));
    return kExitOk;
  }
  std::string out = render_coverage(matrix, project.registry, format,
                                    table_width(opts.output, opts.width), !opts.no_formula_guard);
  if (format == OutputFormat::Table) out += left_out_note(left_out);  // data stays data
  emit_text(opts.output, out);
  return kExitOk;
}

}  // namespace ccnt::cli
