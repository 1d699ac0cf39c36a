#include <algorithm>
#include <iostream>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/policy_selection.hpp"
#include "cli/project_session.hpp"
#include "cli/terminal.hpp"
#include "cli/usage_error.hpp"
#include "core/output/display_width.hpp"
#include "core/output/policy_export.hpp"
#include "core/output/text_table.hpp"

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
                               : Key::Published) {
    for (std::size_t i = 0; i < registry.regions().size(); ++i)
      region_rank_.emplace(registry.regions()[i].slug, i);
    for (std::size_t i = 0; i < registry.sectors().size(); ++i)
      sector_rank_.emplace(registry.sectors()[i].slug, i);
  }

  bool operator()(const Policy* a, const Policy* b) const {
    const Policy* x = reverse_ ? b : a;
    const Policy* y = reverse_ ? a : b;
    if (key_ == Key::Added && x->added != y->added) return x->added < y->added;
    if (key_ == Key::Region) {
      const std::size_t rx = rank(region_rank_, x->region), ry = rank(region_rank_, y->region);
      if (rx != ry) return rx < ry;
    }
    if (key_ == Key::Sector) {
      const std::size_t sx = rank(sector_rank_, x->sector), sy = rank(sector_rank_, y->sector);
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
  static std::size_t rank(const std::unordered_map<std::string, std::size_t>& ranks,
                          const std::string& slug) {
    const auto it = ranks.find(slug);
    return it == ranks.end() ? ranks.size() : it->second;
  }

  bool reverse_;
  Key key_;
  std::unordered_map<std::string, std::size_t>
      region_rank_;  // registry order: 全国, provinces, cities
  std::unordered_map<std::string, std::size_t> sector_rank_;
};

// Columns a title keeps at least before the sector column is dropped to make room.
constexpr std::size_t kMinTitleWidth = 24;

// The default output: published, region, sector, title and id, fitted to `width`
// (0: no limit) by cutting titles, never ids (a cut id cannot be pasted into `ccnt show`);
// on terminals too narrow for whole ids and a readable title, the sector column is left
// out first.
std::string policy_table(const std::vector<const Policy*>& policies, const Registry& registry,
                         std::size_t width) {
  TextTable table;
  table.headers = {"published", "region", "sector", "title", "id"};
  table.shrinkable = {false, false, false, true, false};
  table.whole = {false, false, false, false, true};
  table.rows.reserve(policies.size());
  std::vector<std::size_t> widths(table.headers.size());
  for (std::size_t c = 0; c < widths.size(); ++c) widths[c] = display_width(table.headers[c]);
  for (const Policy* policy : policies) {
    const Region* region = registry.find_region(policy->region);
    const Sector* sector = registry.find_sector(policy->sector);
    std::string sector_cell = sector ? sector->name : policy->sector;
    if (policy->stub) sector_cell = sector_cell.empty() ? "(stub)" : sector_cell + " (stub)";
    table.rows.push_back({policy->published ? policy->published->to_string() : "-",
                          region ? region->name : policy->region, std::move(sector_cell),
                          policy->title, policy->id});
    for (std::size_t c = 0; c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(table.rows.back()[c]));
  }
  const std::size_t others = widths[0] + widths[1] + widths[2] + widths[4] + 4 * 2;
  if (width > 0 && others + std::min(widths[3], kMinTitleWidth) > width) {
    constexpr std::size_t kSector = 2;
    table.headers.erase(table.headers.begin() + kSector);
    table.shrinkable.erase(table.shrinkable.begin() + kSector);
    table.whole.erase(table.whole.begin() + kSector);
    for (auto& row : table.rows) row.erase(row.begin() + kSector);
  }
  return table.render(width);
}

}  // namespace

int run_list(const Options& options) {
  const ListOptions& opts = options.list;
  const bool csv = opts.format == "csv" || opts.format == "tsv";
  if (opts.bom && !csv) throw UsageError(trf("--bom applies only to --format csv and tsv"));
  if (opts.no_formula_guard && !csv)
    throw UsageError(trf("--no-formula-guard applies only to --format csv and tsv"));
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

  if (opts.count) {
    std::cout << selected.size() << '\n';
    return kExitOk;
  }
  if (opts.format == "table") {
    if (selected.empty()) {
      std::cerr << tr("ccnt: no policies match\n");
      std::cout << left_out_note(left_out);
      return kExitOk;
    }
    const std::size_t width = opts.width > 0 ? opts.width : terminal_width(stdout);
    std::cout << policy_table(selected, project.registry, width) << left_out_note(left_out);
    return kExitOk;
  }
  ExportFormat format{};
  if (!parse_export_format(opts.format, format))
    throw UsageError(trf("unknown format `{}`", opts.format),
                     trf("formats are table, json, jsonl, csv, tsv, yaml, markdown and ids"));
  std::cout << export_policies(selected, project.registry, format, opts.bom,
                               !opts.no_formula_guard);
  return kExitOk;
}

}  // namespace ccnt::cli
