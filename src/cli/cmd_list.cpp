#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/output_file.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/tally_output.hpp"
#include "core/query/policy_tally.hpp"

namespace ccnt::cli {
namespace {

// Orders policies by the --sort key; ties fall back to published, title and id. `reverse`
// turns every comparison round except one: policies without a publication date stay last,
// so that `--reverse -n 5` gives the five most recent.
class PolicyOrder {
  enum class Key { Published, Added, Region, Sector, Title };

 public:
  PolicyOrder(const std::string& key, bool reverse, const Registry& registry)
      : reverse_(reverse),
        key_(key == "added"    ? Key::Added
             : key == "region" ? Key::Region
             : key == "sector" ? Key::Sector
             : key == "title"  ? Key::Title
                               : Key::Published),
        registry_(registry) {}

  bool operator()(const Policy* a, const Policy* b) const {
    const Policy* x = reverse_ ? b : a;
    const Policy* y = reverse_ ? a : b;
    if (key_ == Key::Added && x->added != y->added) return x->added < y->added;
    if (key_ == Key::Region) {
      const std::size_t rx = registry_.region_rank(x->region),
                        ry = registry_.region_rank(y->region);
      if (rx != ry) return rx < ry;
    }
    if (key_ == Key::Sector) {
      const std::size_t sx = registry_.sector_rank(x->sector),
                        sy = registry_.sector_rank(y->sector);
      if (sx != sy) return sx < sy;
    }
    if (key_ != Key::Title && a->published != b->published) {
      // Policies without a publication date come last, in either direction.
      if (!a->published || !b->published) return a->published.has_value();
      return *x->published < *y->published;
    }
    if (x->title != y->title) return x->title < y->title;
    return x->id < y->id;
  }

 private:
  bool reverse_;
  Key key_;
  const Registry& registry_;  // its order of regions (全国, provinces, cities) and sectors
};

}  // namespace

int run_list(const Options& options) {
  const ListOptions& opts = options.list;
  const bool csv = opts.format == "csv" || opts.format == "tsv";
  if (opts.bom && !csv) throw UsageError(trf("--bom applies only to --format csv and tsv"));
  if (opts.no_formula_guard && !csv)
    throw UsageError(trf("--no-formula-guard applies only to --format csv and tsv"));
  if (opts.targets && !csv)
    throw UsageError(trf("--targets applies only to --format csv and tsv"),
                     trf("json, jsonl and yaml carry each policy's targets; --format xlsx puts "
                         "them on a sheet of their own"));
  const OutputFormat format = parse_output_format(opts.format).value_or(OutputFormat::Table);
  check_output_target(format, opts.output);
  const std::optional<HeaderLanguage> headers = headers_or_throw(opts.headers, format);
  if (!opts.count_by.empty() && opts.count)
    throw UsageError(trf("--count and --count-by exclude each other"),
                     trf("--count prints the number; --count-by a table of numbers"));
  if (!opts.count_by.empty() && !tally_format_supported(format))
    throw UsageError(
        trf("--count-by prints a table, markdown, csv, tsv or json, not {}", opts.format),
        trf("drop --format, or choose one of those"));
  const Project project = open_project_or_throw(options.global);
  const PolicyFilter filter = make_filter_or_throw(opts.filter, project);
  std::size_t left_out = 0;
  const std::vector<Policy> policies =
      load_matching_policies(project, filter, options.global, {}, &left_out);

  std::vector<const Policy*> selected;
  selected.reserve(policies.size());
  for (const Policy& policy : policies) selected.push_back(&policy);
  std::stable_sort(selected.begin(), selected.end(),
                   PolicyOrder(opts.sort, opts.reverse, project.registry));
  if (opts.limit > 0 && selected.size() > opts.limit) selected.resize(opts.limit);

  if (!opts.count_by.empty()) {
    const std::optional<Tally> tally = tally_policies(selected, project.registry, opts.count_by);
    if (!tally) throw UsageError(trf("unknown field `{}` for --count-by", opts.count_by));
    std::string out = render_tally(*tally, format, table_width(opts.output, opts.width),
                                   !opts.no_formula_guard, headers);
    if (format == OutputFormat::Table) out += left_out_note(left_out);
    emit_text(opts.output, out);
    return kExitOk;
  }

  if (opts.count) {
    std::cout << selected.size() << '\n';
    return kExitOk;
  }
  if (format == OutputFormat::Table && selected.empty()) {
    std::cerr << tr("ccnt: no policies match\n");
    std::cout << left_out_note(left_out);
    return kExitOk;
  }
  const HeaderLanguage header_language = headers.value_or(default_header_language(format));
  if (format == OutputFormat::Xlsx) {
    emit_workbook(opts.output, policy_sheets(selected, project.registry, header_language));
    return kExitOk;
  }
  if (opts.targets) {
    emit_text(opts.output, export_policy_targets(selected, project.registry, format, opts.bom,
                                                 !opts.no_formula_guard, header_language));
    return kExitOk;
  }
  std::string out =
      export_policies(selected, project.registry, format, opts.bom, !opts.no_formula_guard,
                      table_width(opts.output, opts.width), headers);
  if (format == OutputFormat::Table) out += left_out_note(left_out);  // data stays data
  emit_text(opts.output, out);
  return kExitOk;
}

}  // namespace ccnt::cli
