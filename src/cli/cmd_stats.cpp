#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/terminal.hpp"
#include "core/output/stats_output.hpp"
#include "core/query/policy_stats.hpp"

namespace ccnt::cli {

int run_stats(const Options& options) {
  const StatsOptions& opts = options.stats;
  const OutputFormat format = parse_output_format(opts.format).value_or(OutputFormat::Table);
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
  std::cout << render_stats(stats, issuers, tables, format, terminal_width(stdout),
                            !opts.no_formula_guard, headers);
  if (format == OutputFormat::Table) std::cout << left_out_note(left_out);  // data stays data
  return kExitOk;
}

}  // namespace ccnt::cli
