#include "cli/cli_parser.hpp"

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/usage_error.hpp"
#include "core/output/output_format.hpp"
#include "core/query/policy_tally.hpp"
#include "core/util/edit_distance.hpp"
#include "core/util/version.hpp"

namespace ccnt::cli {
namespace {

// The program's description and the examples of the overview, in the language of the run.
std::string description() {
  return trf(
      "ccnt - the China Carbon Neutrality Tracker (零碳录) policy database.\n"
      "Loads, validates, filters and prints the policy files under policies/.");
}

std::string overview_footer() {
  return trf(
      "Examples:\n"
      "  ccnt validate                       check every policy file of the tree\n"
      "  ccnt validate policies/zhejiang     check one region's files\n"
      "  ccnt list --region 浙江 --sector industry\n"
      "  ccnt list --format csv --bom > policies.csv\n"
      "  ccnt show zhejiang-industry-carbon-peaking\n"
      "  ccnt report --month 2023-03 -o 2023-03.md   the March 2023 bulletin (月报)\n"
      "\n"
      "Exit codes: 0 success, 1 problems found, 2 usage or environment error.\n"
      "Documentation: docs/commands/README.md, docs/errors.md.");
}

// A CLI11 parse error in the language of the run: the common ones are recognised by CLI11's
// own wording (which the English patterns repeat), the others are left as CLI11 words them.
std::string parse_error_text(const CLI::ParseError& error) {
  const std::string_view text = error.what();
  const auto after = [&text](std::string_view prefix) -> std::optional<std::string> {
    if (!text.starts_with(prefix)) return std::nullopt;
    return std::string(text.substr(prefix.size()));
  };
  if (auto rest = after("The following argument was not expected: "))
    return trf("The following argument was not expected: {}", *rest);
  if (auto rest = after("The following arguments were not expected: "))
    return trf("The following arguments were not expected: {}", *rest);
  if (text.ends_with(" is required") && text.find(' ') == text.size() - 12)
    return trf("{} is required", text.substr(0, text.size() - 12));
  if (const auto at = text.find(" excludes "); at != std::string_view::npos)
    return trf("{} excludes {}", text.substr(0, at), text.substr(at + 10));
  // Range's "--jobs: Value 999 not in range 0 to 256"
  if (const auto value = text.find(": Value "), range = text.find(" not in range "),
      to = text.rfind(" to ");
      value != std::string_view::npos && range != std::string_view::npos &&
      to != std::string_view::npos && to > range)
    return trf("{}: {} is not in the range {} to {}", text.substr(0, value),
               text.substr(value + 8, range - value - 8), text.substr(range + 14, to - range - 14),
               text.substr(to + 4));
  // IsMember's "--format: bogus not in {table,json}"
  if (const auto colon = text.find(": "), at = text.rfind(" not in {");
      colon != std::string_view::npos && at != std::string_view::npos && colon < at)
    return trf("{}: {} not in {}", text.substr(0, colon), text.substr(colon + 2, at - colon - 2),
               text.substr(at + 8));
  return std::string(text);
}

// "a, b or c", in the language of the run.
std::string or_list(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? std::string() : items.front();
  return trf("{} or {}", fmt::join(items.begin(), items.end() - 1, tr(", ")), items.back());
}

// A --format option whose choices, and the help that lists them, come from the one table of
// format names (core/output/output_format.hpp). `help` words the list, e.g. "Output: {}".
CLI::Option* add_format_option(CLI::App* cmd, std::string& format,
                               std::span<const OutputFormat> formats, std::string help) {
  const std::vector<std::string> names = format_names(formats);
  if (help.empty()) help = trf("Output: {}", or_list(names));
  return cmd->add_option("--format", format, std::move(help))
      ->check(CLI::IsMember(names))
      ->type_name("FORMAT");
}

// --color's values, checked and mapped to ColorMode in the words IsMember uses for the other
// options (CheckedTransformer would show "{always->1,auto->0,never->2} OR {1,0,2}").
CLI::Validator color_names() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const std::string lower = CLI::detail::to_lower(value);
        for (const auto& [name, mode] :
             {std::pair{"auto", ColorMode::Auto}, std::pair{"always", ColorMode::Always},
              std::pair{"never", ColorMode::Never}})
          if (lower == name) {
            value = std::to_string(static_cast<int>(mode));
            return {};
          }
        return value + " not in {auto,always,never}";
      },
      "{auto,always,never}");
}

// CLI11's own words in help screens, in the language of the run.
void translate_labels(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", trf("Usage"));
  formatter->label("OPTIONS", trf("OPTIONS"));
  formatter->label("SUBCOMMAND", trf("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", trf("SUBCOMMANDS"));
  formatter->label("Positionals", trf("Positionals"));
  formatter->label("REQUIRED", trf("REQUIRED"));
  formatter->label("Env", trf("Env"));
  formatter->label("Needs", trf("Needs"));
  formatter->label("Excludes", trf("Excludes"));
}

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--root", global.root,
                 trf("Data tree to use (the directory holding policies/); default: CCNT_ROOT, or "
                     "the nearest parent of the working directory that holds policies/"))
      ->envname("CCNT_ROOT")
      ->type_name("DIR");
  app.add_option("--color", global.color, trf("When to colour output: auto, always or never"))
      ->transform(color_names())
      ->type_name("WHEN");
  app.add_option("-j,--jobs", global.jobs, trf("Worker threads (default: one per core)"))
      ->check(CLI::Range(0u, 256u))
      ->type_name("N");
  app.add_flag("--no-cache", global.no_cache,
               trf("Read every policy file; neither use nor update the cache in .ccnt-cache/"));
  app.add_option("--lang", global.lang,
                 trf("Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES or LANG)"))
      ->check(CLI::IsMember({"en", "zh"}))
      ->type_name("LANG");
}

// The selection flags shared by list, stats and targets; each may be repeated
// (or given comma-separated) to OR values, and different flags AND.
void add_filter_options(CLI::App* cmd, FilterOptions& filter) {
  const auto repeatable = [cmd](const std::string& name, std::vector<std::string>& values,
                                const std::string& help, const std::string& type) {
    cmd->add_option(name, values, help)
        ->type_name(type)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->delimiter(',')
        ->group(trf("Filters"));
  };
  repeatable("--region", filter.regions,
             trf("Region in any form (浙江, 浙江省, zhejiang); includes its cities"), "REGION");
  cmd->add_flag("--no-subregions", filter.no_subregions,
                trf("With --region: leave out the cities inside a region"))
      ->group(trf("Filters"));
  repeatable("--sector", filter.sectors,
             trf("Sector slug or Chinese name (matches the primary or any further sector), or a "
                 "subsector in any of its names (光伏, solar)"),
             "SECTOR");
  repeatable("--subsector", filter.subsectors,
             trf("Subsector in any of its names (光伏, solar, energy-storage)"), "SUBSECTOR");
  repeatable("--level", filter.levels,
             trf("Issuing level: national, provincial, municipal, county"), "LEVEL");
  repeatable("--issuer", filter.issuers,
             trf("Agency under any of its names (国家发展改革委), a local kind (发改委), or text "
                 "in an issuer"),
             "AGENCY");
  repeatable("--type", filter.types, trf("Document type, exactly (实施方案, 通知)"), "TYPE");
  repeatable("--tag", filter.tags, trf("Tag, exactly"), "TAG");
  cmd->add_option("--since", filter.since,
                  trf("Published in or after this month (YYYY, YYYY-MM or YYYY-MM-DD)"))
      ->type_name("DATE")
      ->group(trf("Filters"));
  cmd->add_option("--until", filter.until,
                  trf("Published in or before this month (YYYY, YYYY-MM or YYYY-MM-DD)"))
      ->type_name("DATE")
      ->group(trf("Filters"));
  repeatable("--added", filter.added, trf("Added to the database in this month (YYYY-MM) or year"),
             "MONTH");
  cmd->add_flag("--has-targets", filter.has_targets, trf("Only policies with quantitative targets"))
      ->group(trf("Filters"));
  cmd->add_flag("--stubs", filter.stubs,
                trf("Only stubs: records still waiting for a summary or a sector"))
      ->group(trf("Filters"));
  cmd->add_option("-q,--search", filter.search,
                  trf("Text in the title, summary or issuers, ignoring case, full-width forms and "
                      "traditional characters; repeat for more terms, all of which must match"))
      ->type_name("TEXT")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->group(trf("Filters"));
  cmd->add_flag("--any", filter.any_term, trf("With several -q: any term may match, not all"))
      ->group(trf("Filters"));
}

void add_validate(CLI::App& app, Options& options) {
  CLI::App* cmd = app.add_subcommand(
      "validate", trf("Check policy files against the schema, the registries and each other"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt validate\n"
          "  ccnt validate policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
          "  ccnt validate --format github      annotations for GitHub Actions\n"
          "  ccnt validate --format github --summary \"$GITHUB_STEP_SUMMARY\"\n"
          "  ccnt validate --strict             fail on warnings too"));
  cmd->add_option("paths", options.validate.paths,
                  trf("Files or directories to check (default: the whole policies/ tree)"))
      ->type_name("PATH");
  add_format_option(cmd, options.validate.format, kValidateFormats,
                    trf("Output format: {}", or_list(format_names(kValidateFormats))));
  cmd->add_flag("--strict", options.validate.strict, trf("Exit 1 on warnings as well as errors"));
  cmd->add_option("--summary", options.validate.summary,
                  trf("Also add the report as Markdown, every problem in a table, to the end of "
                      "FILE (GitHub's $GITHUB_STEP_SUMMARY; docs/ci.md)"))
      ->type_name("FILE");
  cmd->callback([&options] { options.command = Command::Validate; });
}

// --no-formula-guard, for the commands that write CSV: cells are written as they are, for
// programs rather than spreadsheets.
void add_formula_guard_flag(CLI::App* cmd, bool& no_formula_guard) {
  cmd->add_flag("--no-formula-guard", no_formula_guard,
                trf("CSV/TSV: write cells starting with = + - @ as they are, without the leading "
                    "' that keeps spreadsheets from running them as formulas"));
}

// --headers en|zh, for the commands that print tables: the language of column headers and of
// ccnt's words in them (default: that of messages for tables, English for CSV, TSV and xlsx).
void add_headers_option(CLI::App* cmd, std::string& headers) {
  cmd->add_option("--headers", headers,
                  trf("Column headers in en or zh (default: as messages for tables and Markdown; "
                      "en for CSV, TSV and xlsx)"))
      ->check(CLI::IsMember({"en", "zh"}))
      ->type_name("LANG");
}

// -o FILE, for the commands that export: the output written atomically (a workbook only so).
void add_output_option(CLI::App* cmd, std::string& output) {
  cmd->add_option("-o,--output", output,
                  trf("Write to FILE (atomically: a reader never sees half of it) instead of "
                      "stdout; --format xlsx needs it"))
      ->type_name("FILE");
}

// --width N, for the commands that print tables fitted to the terminal.
void add_width_option(CLI::App* cmd, std::size_t& width) {
  cmd->add_option("--width", width,
                  trf("Fit the table to N columns (default: the terminal's width; no limit when "
                      "piped)"))
      ->check(CLI::Range(std::size_t{20}, std::size_t{1000}))
      ->type_name("N");
}

void add_list(CLI::App& app, Options& options) {
  ListOptions& list = options.list;
  CLI::App* cmd = app.add_subcommand("list", trf("List the policies that match the filters"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt list --region 浙江 --sector industry\n"
          "  ccnt list --region 广东                 广东's policies and its cities'\n"
          "  ccnt list --since 2023-01 --has-targets --sort region\n"
          "  ccnt list -q 光伏 --format json\n"
          "  ccnt list --format csv --bom > policies.csv   opens in Excel with Chinese intact\n"
          "  ccnt list --added 2023-03 --count\n"
          "Documentation: docs/commands/list.md"));
  add_filter_options(cmd, list.filter);
  cmd->add_option("--sort", list.sort,
                  trf("Order by published (default), added, region, sector or title"))
      ->check(CLI::IsMember({"published", "added", "region", "sector", "title"}))
      ->type_name("KEY");
  cmd->add_flag("--reverse", list.reverse, trf("Reverse the order"));
  cmd->add_option("-n,--limit", list.limit, trf("Print at most N policies (after sorting)"))
      ->check(CLI::Validator(
          [](std::string& text) {
            const bool digits =
                !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string() : "expected a whole number, 0 or more, got " + text;
          },
          "", "whole number"))
      ->type_name("N");
  cmd->add_flag("--count", list.count, trf("Print only the number of matching policies"));
  cmd->add_option("--count-by", list.count_by,
                  trf("Print how many of the matching policies have each value of FIELD"))
      ->check(CLI::IsMember(std::vector<std::string>(tally_fields().begin(), tally_fields().end())))
      ->type_name("FIELD");
  add_format_option(cmd, list.format, kListFormats, {});
  cmd->add_flag("--bom", list.bom,
                trf("CSV/TSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese"));
  add_formula_guard_flag(cmd, list.no_formula_guard);
  add_headers_option(cmd, list.headers);
  add_width_option(cmd, list.width);
  add_output_option(cmd, list.output);
  cmd->add_flag("--targets", list.targets,
                trf("CSV/TSV: the targets of the matching policies, one row per target keyed by "
                    "policy id, instead of the policies"));
  cmd->callback([&options] { options.command = Command::List; });
}

void add_show(CLI::App& app, Options& options) {
  ShowOptions& show = options.show;
  CLI::App* cmd = app.add_subcommand("show", trf("Print one policy in full"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt show zhejiang-industry-carbon-peaking\n"
          "  ccnt show policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
          "  ccnt show national-industry-carbon-peaking --format json\n"
          "Documentation: docs/commands/show.md"));
  cmd->add_option("policy", show.policy, trf("Policy id, or the path of its file"))
      ->required()
      ->type_name("ID|PATH");
  add_format_option(cmd, show.format, kShowFormats,
                    trf("Output: text (default), yaml (the file as written) or json"));
  cmd->add_option("--width", show.width,
                  trf("Wrap text to N columns (default: the terminal's width; 80 when piped)"))
      ->check(CLI::Range(std::size_t{20}, std::size_t{1000}))
      ->type_name("N");
  cmd->callback([&options] { options.command = Command::Show; });
}

void add_stats(CLI::App& app, Options& options) {
  StatsOptions& stats = options.stats;
  CLI::App* cmd = app.add_subcommand(
      "stats", trf("Count policies by region and sector, level, month added, and targets"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt stats\n"
          "  ccnt stats --region 广东 --format markdown\n"
          "  ccnt stats --added 2023-03 --format csv > counts.csv\n"
          "  ccnt stats --by issuer              policies per agency, under all its names\n"
          "Documentation: docs/commands/stats.md"));
  add_filter_options(cmd, stats.filter);
  cmd->add_option("--by", stats.by,
                  trf("Tables to print: region-sector, level, added, indicator, issuer "
                      "(default: all but issuer)"))
      ->check(CLI::IsMember({"region-sector", "level", "added", "indicator", "issuer"}))
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',')
      ->type_name("TABLE");
  add_format_option(cmd, stats.format, kStatsFormats, {});
  add_formula_guard_flag(cmd, stats.no_formula_guard);
  add_headers_option(cmd, stats.headers);
  add_output_option(cmd, stats.output);
  cmd->callback([&options] { options.command = Command::Stats; });
}

void add_targets(CLI::App& app, Options& options) {
  TargetsOptions& targets = options.targets;
  CLI::App* cmd = app.add_subcommand(
      "targets", trf("Compare quantitative targets across regions with the national benchmark"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt targets                      the indicators where targets meet a national one\n"
          "  ccnt targets --indicator industrial-energy-intensity-reduction\n"
          "  ccnt targets --indicator 规上工业单位增加值能耗下降率 --format csv\n"
          "  ccnt targets --region 浙江        浙江's targets against the national ones\n"
          "  ccnt targets --all --format csv   every target of every indicator\n"
          "Documentation: docs/commands/targets.md"));
  add_filter_options(cmd, targets.filter);
  cmd->add_option("--indicator", targets.indicator,
                  trf("One indicator, by slug or Chinese name (schemas/indicators.yaml)"))
      ->type_name("NAME");
  cmd->add_flag("--all", targets.all,
                trf("Without --indicator: also the indicators that have no comparable national "
                    "benchmark"));
  add_format_option(cmd, targets.format, kTargetsFormats, {});
  add_formula_guard_flag(cmd, targets.no_formula_guard);
  add_headers_option(cmd, targets.headers);
  add_output_option(cmd, targets.output);
  cmd->callback([&options] { options.command = Command::Targets; });
}

void add_coverage(CLI::App& app, Options& options) {
  CoverageOptions& coverage = options.coverage;
  CLI::App* cmd = app.add_subcommand(
      "coverage",
      trf("Which regions have issued their counterpart of each national plan, and when"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt coverage                          provinces × the series of schemas/series.yaml\n"
          "  ccnt coverage --series industry-peaking   one series: 工业领域碳达峰实施方案\n"
          "  ccnt coverage --level municipal --region 广东   the cities of 广东\n"
          "  ccnt coverage --all-regions            every province, also those without a plan\n"
          "  ccnt coverage --format xlsx -o coverage.xlsx\n"
          "Documentation: docs/commands/coverage.md"));
  cmd->add_option("--series", coverage.series,
                  trf("A series by slug, name or label (schemas/series.yaml); repeat for more; "
                      "default: every series"))
      ->type_name("SERIES")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  cmd->add_option("--level", coverage.level,
                  trf("The rows: provincial (default) or municipal regions"))
      ->check(CLI::IsMember({"provincial", "municipal"}))
      ->type_name("LEVEL");
  cmd->add_option("--region", coverage.regions,
                  trf("Only regions inside this one (广东 for its cities); repeat for more"))
      ->type_name("REGION")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  cmd->add_flag("--all-regions", coverage.all_regions,
                trf("Every region of the level, also those that issued none of the plans"));
  add_format_option(cmd, coverage.format, kCoverageFormats, {});
  add_formula_guard_flag(cmd, coverage.no_formula_guard);
  add_output_option(cmd, coverage.output);
  add_width_option(cmd, coverage.width);
  cmd->callback([&options] { options.command = Command::Coverage; });
}

void add_report(CLI::App& app, Options& options) {
  ReportOptions& report = options.report;
  CLI::App* cmd =
      app.add_subcommand("report", trf("Render the monthly bulletin (月报) in Markdown"));
  cmd->footer(trf(
      "Examples:\n"
      "  ccnt report --month 2023-03                 the bulletin, to stdout\n"
      "  ccnt report --month 2023-03 -o 2023-03.md   written atomically to a file\n"
      "  ccnt report --month 2023-04 --init          start bulletins/2023-04.yaml from the data\n"
      "  ccnt report --month 2023-03 --template my.md.mustache\n"
      "  ccnt report --print-template > my.md.mustache   the built-in template, to start from\n"
      "The text of a month lives in bulletins/YYYY-MM.yaml; without it ccnt renders a draft.\n"
      "Documentation: docs/bulletin.md, docs/commands/report.md"));
  CLI::Option* month =
      cmd->add_option("--month", report.month,
                      trf("Month of the bulletin, YYYY-MM: the policies whose `added` is in it"))
          ->type_name("YYYY-MM");
  CLI::Option* output =
      cmd->add_option("-o,--output", report.output,
                      trf("Write to FILE (atomically: a reader never sees half of it) instead of "
                          "stdout"))
          ->type_name("FILE");
  CLI::Option* layout =
      cmd->add_option("--template", report.template_file,
                      trf("Mustache template to use instead of templates/bulletin.md.mustache"))
          ->type_name("FILE");
  cmd->add_flag("--init", report.init,
                trf("Write the editorial skeleton bulletins/YYYY-MM.yaml for the month (never "
                    "overwrites)"))
      ->excludes(output)
      ->excludes(layout);
  cmd->add_flag("--print-template", report.print_template,
                trf("Print the built-in bulletin template (to start a template of your own)"))
      ->excludes(month)
      ->excludes(output)
      ->excludes(layout);
  cmd->callback([&options] {
    // --month is required unless the template is all that is asked for.
    if (options.report.month.empty() && !options.report.print_template)
      throw CLI::RequiredError("--month");
    options.command = Command::Report;
  });
}

void add_import(CLI::App& app, Options& options) {
  ImportCliOptions& opts = options.import;
  CLI::App* cmd = app.add_subcommand(
      "import", trf("Import an export (CSV, TSV, JSON, JSON Lines) as policy records"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt import export.csv --mapping mappings/tracker.yaml --dry-run\n"
          "  ccnt import export.csv --mapping mappings/tracker.yaml\n"
          "Records are matched by their source id: a second import of the same export changes\n"
          "nothing. What the source lacks (summary, sector) is left out and the record marked\n"
          "`stub: true`. Documentation: docs/import.md, docs/commands/import.md"));
  cmd->add_option("FILE", opts.file, trf("The export to import"))->required()->type_name("FILE");
  cmd->add_option("--mapping", opts.mapping,
                  trf("The mapping file (which column is which field, docs/import.md), or the name "
                      "of one under `import: mappings:` in .ccnt.yaml; default: the one mapping "
                      "named there"))
      ->type_name("MAP");
  cmd->add_option("--format", opts.format,
                  trf("csv, tsv, json or jsonl; default: the mapping's, else from the file name"))
      ->type_name("FORMAT");
  cmd->add_flag("--dry-run", opts.dry_run,
                trf("List what would be added, updated, unchanged and rejected; write nothing"));
  cmd->callback([&options] { options.command = Command::Import; });
}

void add_new(CLI::App& app, Options& options) {
  NewOptions& opts = options.new_policy;
  CLI::App* cmd = app.add_subcommand(
      "new", trf("Create a policy file; on a terminal, asks for what the flags do not give"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt new                          asks for each field, checking every answer\n"
          "  ccnt new --title 浙江省节能减排工作方案 --region 浙江 --sector industry \\\n"
          "           --published 2023-03 --summary '《方案》提出，……'\n"
          "  ccnt new --title … --region 广州 --sector peaking --summary - < summary.txt\n"
          "  ccnt new … --dry-run              print the file instead of writing it\n"
          "Derived unless given: doc_type from the title's ending, level and directory from the\n"
          "region, id <region>-<English words of the title> (docs/data-model.md), added = this\n"
          "month. Dates may be typed 2023-04, 2023年4月, 2023.4 or 2023/4. Writes\n"
          "policies/<region>/<sector>/<id>.yaml (never overwriting) and validates it.\n"
          "Documentation: docs/commands/new.md"));
  cmd->add_option("--title", opts.title, trf("Title exactly as published, without 《》"))
      ->type_name("TEXT");
  cmd->add_option(
         "--region", opts.region,
         trf("Issuing region in any form (浙江, 浙江省, zhejiang); sets level and directory"))
      ->type_name("REGION");
  cmd->add_option("--sector", opts.sectors,
                  trf("Sector slug or Chinese name; repeat (or separate by commas) for further "
                      "sectors, the first is the primary one"))
      ->type_name("SECTOR")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  cmd->add_option("--subsector", opts.subsector, trf("Subsector of the primary sector"))
      ->type_name("SUBSECTOR");
  cmd->add_option("--issuer", opts.issuers, trf("Issuing agency as published; repeat for each"))
      ->type_name("TEXT")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--published", opts.published,
                  trf("Publication date, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD"))
      ->type_name("DATE");
  cmd->add_option("--summary", opts.summary,
                  trf("Summary of the document; - reads it from stdin (when not a terminal)"))
      ->type_name("TEXT");
  cmd->add_option("--source", opts.source,
                  trf("URL of the official text, checked to open it: https, or http (warned)"))
      ->type_name("URL");
  cmd->add_option(
         "--type", opts.doc_type,
         trf("Document type (default: derived from the end of the title; 其他 when none fits)"))
      ->type_name("TYPE");
  cmd->add_option("--document-number", opts.document_number,
                  trf("Document number (文号) as published"))
      ->type_name("TEXT");
  cmd->add_option("--tag", opts.tags, trf("Keyword (碳达峰, 光伏); repeat for each"))
      ->type_name("TAG")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--added", opts.added,
                  trf("Month the record enters the tracker, YYYY-MM (default: this month)"))
      ->type_name("MONTH");
  cmd->add_option("--id", opts.id,
                  trf("Id and file name (default: <region>-<English words of the title>)"))
      ->type_name("ID");
  cmd->add_flag("--dry-run", opts.dry_run,
                trf("Print the file that would be written; write nothing"));
  cmd->callback([&options] { options.command = Command::New; });
}

void add_completion(CLI::App& app, Options& options) {
  CLI::App* cmd = app.add_subcommand(
      "completion", trf("Print the shell completion script for bash, zsh or fish"));
  cmd->footer(trf(
      "Examples:\n"
      "  source <(ccnt completion bash)          in ~/.bashrc\n"
      "  ccnt completion zsh > ~/.zfunc/_ccnt    with fpath+=(~/.zfunc) before compinit\n"
      "  ccnt completion fish > ~/.config/fish/completions/ccnt.fish\n"
      "Region, sector, level and type names are completed from the registries of the data tree\n"
      "in use, so they follow changes to schemas/.\n"
      "Documentation: docs/commands/completion.md"));
  cmd->add_option("shell", options.completion.shell, trf("bash, zsh or fish"))
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}))
      ->type_name("SHELL");
  cmd->callback([&options] { options.command = Command::Completion; });
}

void add_cache(CLI::App& app, Options& options) {
  CLI::App* cmd = app.add_subcommand(
      "cache", trf("Show or clear the cache of checked policy files (.ccnt-cache/)"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt cache info        where the cache is, how many files it records, its size\n"
          "  ccnt cache clear       delete it; the next command reads every file again\n"
          "  ccnt --no-cache list   one run without the cache\n"
          "Documentation: docs/commands/cache.md"));
  cmd->add_option("action", options.cache.action, trf("info or clear"))
      ->required()
      ->check(CLI::IsMember({"info", "clear"}))
      ->type_name("ACTION");
  cmd->callback([&options] { options.command = Command::Cache; });
}

void add_site(CLI::App& app, Options& options) {
  SiteCliOptions& opts = options.site;
  CLI::App* cmd = app.add_subcommand(
      "site", trf("Write the static website of the tree: pages, search, charts, feed, downloads"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt site                         the website, in _site/\n"
          "  ccnt site -o public               in public/\n"
          "  ccnt site --base-url https://OWNER.github.io/REPO/ \\\n"
          "            --repository https://github.com/OWNER/REPO\n"
          "Plain files that work from file:// and any static host; a second run writes only what\n"
          "changed. The output directory must be new, empty, or one ccnt site wrote.\n"
          "Documentation: docs/site.md, docs/commands/site.md"));
  cmd->add_option("-o,--output", opts.output,
                  trf("Directory to write the site into (default: _site)"))
      ->type_name("DIR");
  cmd->add_option("--base-url", opts.base_url,
                  trf("Address the site is published at, for the feed's and canonical links"))
      ->type_name("URL");
  cmd->add_option("--repository", opts.repository,
                  trf("https URL of the data repository: each policy page links to edit its file"))
      ->type_name("URL");
  cmd->add_option("--branch", opts.branch,
                  trf("Branch of the repository the edit links open (default: main)"))
      ->type_name("NAME");
  cmd->callback([&options] { options.command = Command::Site; });
}

void add_schema(CLI::App& app, Options& options) {
  SchemaOptions& opts = options.schema;
  CLI::App* cmd = app.add_subcommand(
      "schema", trf("Write the editor schema: the policy schema with the registries' names"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt schema --editor            write schemas/policy.editor.schema.json\n"
          "  ccnt schema --editor --check    exit 1 when it is out of date with schemas/\n"
          "  ccnt schema --editor -o -       print it\n"
          "Editors (VS Code, any yaml-language-server client) complete and check region,\n"
          "sector, subsector and indicator names with it. Documentation: docs/editors.md,\n"
          "docs/commands/schema.md"));
  cmd->add_flag("--editor", opts.editor,
                trf("The editor schema, generated from schemas/policy.schema.json and the "
                    "registries"))
      ->required();
  CLI::Option* output = cmd->add_option("-o,--output", opts.output,
                                        trf("Write to FILE, or - for stdout (default: "
                                            "schemas/policy.editor.schema.json of the data tree)"))
                            ->type_name("FILE");
  cmd->add_flag("--check", opts.check,
                trf("Write nothing; exit 1 when the file differs from what would be written"))
      ->excludes(output);
  cmd->callback([&options] { options.command = Command::Schema; });
}

void add_diff(CLI::App& app, Options& options) {
  DiffOptions& opts = options.diff;
  CLI::App* cmd = app.add_subcommand(
      "diff", trf("Compare two git revisions record by record, and their bulletins"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt diff                     the branch and the working tree against the merge\n"
          "                                base with the main branch\n"
          "  ccnt diff main                main against the working tree\n"
          "  ccnt diff v1.0 HEAD           two commits\n"
          "  ccnt diff --format markdown   for a pull-request comment\n"
          "Records are compared, not lines: added, removed, moved, renamed, and the fields that\n"
          "changed; and what the month's bulletin needs. Documentation: docs/commands/diff.md"));
  cmd->add_option("revisions", opts.revisions,
                  trf("REV1 [REV2]: commits, branches or tags (default: the merge base of HEAD "
                      "with the main branch, and the working tree)"))
      ->expected(0, 2)
      ->type_name("REV");
  cmd->add_option("--main", opts.main_branch,
                  trf("The main branch, whose merge base with HEAD is the default REV1 "
                      "(default: origin/HEAD, main or master)"))
      ->type_name("BRANCH");
  add_format_option(cmd, opts.format, kDiffFormats, {});
  cmd->callback([&options] { options.command = Command::Diff; });
}

void add_help(CLI::App& app, Options& options) {
  CLI::App* cmd =
      app.add_subcommand("help", trf("Print the help of a command (as COMMAND --help does)"));
  cmd->footer(
      trf("Examples:\n"
          "  ccnt help            the overview: global options and commands\n"
          "  ccnt help new        the same as ccnt new --help\n"
          "The manual page, man ccnt, has every command in one place."));
  cmd->add_option("command", options.help_command, trf("The command; none for the overview"))
      ->type_name("COMMAND");
  cmd->callback([&options] { options.command = Command::Help; });
}

// Builds the whole command line: global options and every subcommand.
void configure_app(CLI::App& app, Options& options) {
  translate_labels(app);
  app.option_defaults()->group(trf("Options"));
  app.set_help_flag("-h,--help", trf("Print this help message and exit"));
  app.footer(overview_footer());
  app.set_version_flag("-V,--version",
                       fmt::format("ccnt {}\npolicy schema version {}", version(), kSchemaVersion),
                       trf("Display program version information and exit"));
  app.require_subcommand(0, 1);
  app.fallthrough();
  add_global_options(app, options.global);
  add_validate(app, options);
  add_list(app, options);
  add_show(app, options);
  add_stats(app, options);
  add_targets(app, options);
  add_coverage(app, options);
  add_report(app, options);
  add_new(app, options);
  add_import(app, options);
  add_completion(app, options);
  add_cache(app, options);
  add_site(app, options);
  add_schema(app, options);
  add_diff(app, options);
  add_help(app, options);
  for (CLI::App* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
    cmd->group(trf("Subcommands"));
    cmd->set_help_flag("-h,--help", trf("Print this help message and exit"));
  }
}

// The values a CLI11 validator accepts, when it checks a fixed set: IsMember
// describes itself as {a,b,c}, CheckedTransformer as value in {a->1,b->2} OR ...
std::vector<std::string> validator_choices(const std::string& description) {
  std::string_view text(description);
  if (text.starts_with("value in ")) text.remove_prefix(9);
  if (!text.starts_with("{")) return {};
  text = text.substr(1, text.find('}') == std::string_view::npos ? 0 : text.find('}') - 1);
  std::vector<std::string> choices;
  while (!text.empty()) {
    const std::string_view item = text.substr(0, text.find(','));
    choices.emplace_back(item.substr(0, item.find("->")));
    text.remove_prefix(std::min(text.size(), item.size() + 1));
  }
  return choices;
}

OptionSpec option_spec(CLI::Option& option) {
  OptionSpec spec;
  for (const std::string& name : option.get_lnames()) spec.names.push_back("--" + name);
  for (const std::string& name : option.get_snames()) spec.names.push_back("-" + name);
  spec.description = option.get_description();
  spec.takes_value = option.get_type_size_max() > 0 && option.get_expected_max() > 0;
  spec.many = option.get_items_expected_max() > 1;
  spec.required = option.get_required();
  // CLI11 appends the validator to the type name (FORMAT:{text,json}): keep the name.
  spec.value_name = option.get_type_name().substr(0, option.get_type_name().find(':'));
  for (int i = 0;; ++i) {
    try {
      auto more = validator_choices(option.get_validator(i)->get_description());
      spec.choices.insert(spec.choices.end(), more.begin(), more.end());
    } catch (const CLI::OptionNotFound&) {
      break;
    }
  }
  return spec;
}

}  // namespace

CommandLineSpec describe_command_line() {
  Options options;
  CLI::App app(description(), "ccnt");
  configure_app(app, options);
  CommandLineSpec spec{description(), overview_footer(), {}, {}};
  for (CLI::Option* option : app.get_options()) spec.global_options.push_back(option_spec(*option));
  for (CLI::App* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
    CommandSpec command{cmd->get_name(), cmd->get_description(), cmd->get_footer(), {}, {}};
    for (CLI::Option* option : cmd->get_options()) {
      OptionSpec item = option_spec(*option);
      (item.names.empty() ? command.positionals : command.options).push_back(std::move(item));
    }
    spec.commands.push_back(std::move(command));
  }
  return spec;
}

std::optional<int> parse_command_line(int argc, char** argv, Options& options) {
  // The completion scripts' hidden entry point: its words are not parsed as options.
  if (argc >= 2 && std::string_view(argv[1]) == "__complete") {
    options.command = Command::Complete;
    options.completion.words.assign(argv + 2, argv + argc);
    return std::nullopt;
  }
  // The manual page, generated from this command line (the build installs it).
  if (argc == 2 && std::string_view(argv[1]) == "__man") {
    set_language(Language::English);  // the installed manual is English, whatever the locale
    options.command = Command::Man;
    return std::nullopt;
  }
  CLI::App app(description(), "ccnt");
  configure_app(app, options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << tr("ccnt: error: ") << parse_error_text(e) << "\n"
              << tr("run 'ccnt --help' for usage\n");
    return kExitUsage;
  }
  if (options.command == Command::Help) {
    if (options.help_command.empty()) {
      std::cout << app.help();
      return kExitOk;
    }
    std::vector<std::string> names;
    for (CLI::App* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
      if (cmd->get_name() == options.help_command) {
        std::cout << cmd->help("ccnt");
        return kExitOk;
      }
      names.push_back(cmd->get_name());
    }
    const auto close = closest_matches(options.help_command, names);
    throw UsageError(trf("unknown command `{}`", options.help_command),
                     close.empty() ? trf("the commands are {}", fmt::join(names, tr(", ")))
                                   : did_you_mean(close));
  }
  if (options.command == Command::None) {
    std::cout << app.help();
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace ccnt::cli
