#include <algorithm>
#include <iostream>
#include <unordered_set>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/output/targets_output.hpp"
#include "core/query/target_comparison.hpp"
#include "core/util/edit_distance.hpp"

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
  throw UsageError(trf("unknown indicator `{}`", name),
                   closest.empty() ? trf("schemas/indicators.yaml lists the indicators")
                                   : did_you_mean(closest));
}

}  // namespace

int run_targets(const Options& options) {
  const TargetsOptions& opts = options.targets;
  const OutputFormat format = parse_output_format(opts.format).value_or(OutputFormat::Table);
  check_output_target(format, opts.output);
  const std::optional<HeaderLanguage> headers = headers_or_throw(opts.headers, format);
  const Project project = open_project_or_throw(options.global);
  const Indicator* indicator =
      opts.indicator.empty() ? nullptr : find_indicator_or_throw(project.registry, opts.indicator);
  const PolicyFilter filter = make_filter_or_throw(opts.filter, project);
  // National targets are the benchmark, so they take part whatever the filters select.
  const PolicyFilter everything = make_filter_or_throw({}, project);
  const std::vector<Policy> policies = load_matching_policies(project, everything, options.global);
  std::vector<const Policy*> taking_part;
  std::unordered_set<const Policy*> selected;
  for (const Policy& policy : policies) {
    const bool matches = filter.matches(policy);
    if (matches) selected.insert(&policy);
    if (matches || policy.region == "national") taking_part.push_back(&policy);
  }
  std::vector<IndicatorComparison> comparisons =
      compare_targets(taking_part, project.registry, indicator);

  // An indicator whose only targets are benchmarks the filters did not select is not shown.
  std::erase_if(comparisons, [&](const IndicatorComparison& c) {
    const auto chosen = [&](const TargetEntry& e) { return selected.count(e.policy) > 0; };
    return std::none_of(c.benchmarks.begin(), c.benchmarks.end(), chosen) &&
           std::none_of(c.compared.begin(), c.compared.end(),
                        [&](const ComparedTarget& t) { return chosen(t.entry); }) &&
           std::none_of(c.apart.begin(), c.apart.end(),
                        [&](const ApartTarget& t) { return chosen(t.entry); });
  });

  // Without --indicator or --all, show the indicators where a comparison is possible.
  std::size_t hidden = 0;
  if (!indicator && !opts.all) {
    hidden =
        std::erase_if(comparisons, [](const IndicatorComparison& c) { return c.compared.empty(); });
  }

  if (format == OutputFormat::Xlsx) {
    emit_workbook(opts.output, targets_sheets(comparisons, project.registry,
                                              headers.value_or(HeaderLanguage::English)));
  } else {
    emit_text(opts.output,
              render_targets(comparisons, project.registry, format, table_width(opts.output),
                             !opts.no_formula_guard, headers));
  }
  if (comparisons.empty() && hidden == 0)
    std::cerr << (indicator ? trf("ccnt: no targets of {} ({}) among the selected policies\n",
                                  indicator->name, indicator->slug)
                            : trf("ccnt: no targets among the selected policies\n"));
  if (hidden > 0)
    std::cerr << (hidden == 1 ? trf("ccnt: note: 1 more indicator has targets but none compared "
                                    "with a national benchmark; show it with --all, or one with "
                                    "--indicator NAME\n")
                              : trf("ccnt: note: {} more indicators have targets but none "
                                    "compared with a national benchmark; show them with --all, "
                                    "or one with --indicator NAME\n",
                                    hidden));
  return kExitOk;
}

}  // namespace ccnt::cli
