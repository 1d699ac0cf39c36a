#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "core/output/stats_output.hpp"
#include "core/query/policy_stats.hpp"

namespace ccnt::cli {

int run_stats(const Options& options) {
  const StatsOptions& opts = options.stats;
  const OutputFormat format = parse_output_format(opts.format).value_or(OutputFormat::Table);
  check_output_target(format, opts.output);
  const std::optional<HeaderLanguage> headers = headers_or_throw(opts.headers, format);
  const Project project = open_project_or_throw(options.global);
  const PolicyFilter filter = make_filter_or_throw(opts.filter, project);
  std::size_t left_out = 0;
  const std::vector<Policy> policies =
      load_matching_policies(project, filter, options.global, {}, &left_out);
  std::vector<const Policy*> selected;
  for (const Policy& policy : policies) selected.push_back(&policy);
  const PolicyStats stats = compute_stats(selected, project.registry);
  const StatsTables tables(opts.by);
  const IssuerStats issuers =
      tables.issuer ? count_by_issuer(selected, project.registry) : IssuerStats{};
  if (format == OutputFormat::Xlsx) {
    emit_workbook(opts.output,
                  stats_sheets(stats, issuers, tables, headers.value_or(HeaderLanguage::English)));
    return kExitOk;
  }
  std::string out = render_stats(stats, issuers, tables, format, table_width(opts.output),
                                 !opts.no_formula_guard, headers);
  if (format == OutputFormat::Table) out += left_out_note(left_out);  // data stays data
  emit_text(opts.output, out);
  return kExitOk;
}

}  // namespace ccnt::cli
