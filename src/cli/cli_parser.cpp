#include "cli/cli_parser.hpp"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.hpp"

namespace ccnt::cli {
namespace {

const char* const kDescription =
    "ccnt - the China Carbon Neutrality Tracker (零碳录) policy database.\n"
    "Loads, validates, filters and prints the policy files under policies/.";

const char* const kFooter =
    "Examples:\n"
    "  ccnt validate                       check every policy file of the tree\n"
    "  ccnt validate policies/zhejiang     check one region's files\n"
    "  ccnt list --region 浙江 --sector industry\n"
    "  ccnt list --format csv --bom > policies.csv\n"
    "  ccnt show zhejiang-industry-carbon-peaking\n"
    "  ccnt report --month 2023-03 -o 2023-03.md   the March 2023 bulletin (月报)\n"
    "\n"
    "Exit codes: 0 success, 1 problems found, 2 usage or environment error.\n"
    "Documentation: docs/commands.md, docs/errors.md.";

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--root", global.root,
                 "Data tree to use (the directory holding policies/); default: CCNT_ROOT, or "
                 "the nearest parent of the working directory that holds policies/")
      ->envname("CCNT_ROOT")
      ->type_name("DIR");
  app.add_option("--color", global.color, "When to colour output: auto, always or never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{
              {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
          CLI::ignore_case))
      ->type_name("WHEN");
  app.add_option("-j,--jobs", global.jobs, "Worker threads (default: one per core)")
      ->check(CLI::Range(0u, 256u))
      ->type_name("N");
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
        ->group("Filters");
  };
  repeatable("--region", filter.regions,
             "Region in any form (浙江, 浙江省, zhejiang); includes its cities", "REGION");
  cmd->add_flag("--no-subregions", filter.no_subregions,
                "With --region: leave out the cities inside a region")
      ->group("Filters");
  repeatable("--sector", filter.sectors,
             "Sector slug or Chinese name; matches the primary or any further sector", "SECTOR");
  repeatable("--level", filter.levels, "Issuing level: national, provincial, municipal, county",
             "LEVEL");
  repeatable("--issuer", filter.issuers, "Substring of any issuer (生态环境厅)", "TEXT");
  repeatable("--type", filter.types, "Document type, exactly (实施方案, 通知)", "TYPE");
  repeatable("--tag", filter.tags, "Tag, exactly", "TAG");
  cmd->add_option("--since", filter.since,
                  "Published in or after this month (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE")
      ->group("Filters");
  cmd->add_option("--until", filter.until,
                  "Published in or before this month (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE")
      ->group("Filters");
  repeatable("--added", filter.added, "Added to the database in this month (YYYY-MM) or year",
             "MONTH");
  cmd->add_flag("--has-targets", filter.has_targets, "Only policies with quantitative targets")
      ->group("Filters");
  cmd->add_option("-q,--search", filter.search,
                  "Case-insensitive text in the title, summary or issuers")
      ->type_name("TEXT")
      ->group("Filters");
}

void add_validate(CLI::App& app, Options& options) {
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check policy files against the schema, the registries and each other");
  cmd->footer(
      "Examples:\n"
      "  ccnt validate\n"
      "  ccnt validate policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
      "  ccnt validate --format github      annotations for GitHub Actions\n"
      "  ccnt validate --strict             fail on warnings too");
  cmd->add_option("paths", options.validate.paths,
                  "Files or directories to check (default: the whole policies/ tree)")
      ->type_name("PATH");
  cmd->add_option("--format", options.validate.format, "Output format: text, json or github")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->type_name("FORMAT");
  cmd->add_flag("--strict", options.validate.strict, "Exit 1 on warnings as well as errors");
  cmd->callback([&options] { options.command = Command::Validate; });
}

void add_list(CLI::App& app, Options& options) {
  ListOptions& list = options.list;
  CLI::App* cmd = app.add_subcommand("list", "List the policies that match the filters");
  cmd->footer(
      "Examples:\n"
      "  ccnt list --region 浙江 --sector industry\n"
      "  ccnt list --region 广东                 广东's policies and its cities'\n"
      "  ccnt list --since 2023-01 --has-targets --sort region\n"
      "  ccnt list -q 光伏 --format json\n"
      "  ccnt list --format csv --bom > policies.csv   opens in Excel with Chinese intact\n"
      "  ccnt list --added 2023-03 --count\n"
      "Documentation: docs/commands/list.md");
  add_filter_options(cmd, list.filter);
  cmd->add_option("--sort", list.sort,
                  "Order by published (default), added, region, sector or title")
      ->check(CLI::IsMember({"published", "added", "region", "sector", "title"}))
      ->type_name("KEY");
  cmd->add_flag("--reverse", list.reverse, "Reverse the order");
  cmd->add_option("-n,--limit", list.limit, "Print at most N policies (after sorting)")
      ->check(CLI::Validator(
          [](std::string& text) {
            const bool digits =
                !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string() : "expected a whole number, 0 or more, got " + text;
          },
          "", "whole number"))
      ->type_name("N");
  cmd->add_flag("--count", list.count, "Print only the number of matching policies");
  cmd->add_option("--format", list.format,
                  "Output: table, json, jsonl, csv, tsv, yaml, markdown or ids")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "tsv", "yaml", "markdown", "ids"}))
      ->type_name("FORMAT");
  cmd->add_flag("--bom", list.bom,
                "CSV/TSV: start with a UTF-8 byte-order mark, so that Excel reads Chinese");
  cmd->add_option("--width", list.width,
                  "Fit the table to N columns (default: the terminal's width; no limit when "
                  "piped)")
      ->check(CLI::Range(std::size_t{20}, std::size_t{1000}))
      ->type_name("N");
  cmd->callback([&options] { options.command = Command::List; });
}

void add_show(CLI::App& app, Options& options) {
  ShowOptions& show = options.show;
  CLI::App* cmd = app.add_subcommand("show", "Print one policy in full");
  cmd->footer(
      "Examples:\n"
      "  ccnt show zhejiang-industry-carbon-peaking\n"
      "  ccnt show policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml\n"
      "  ccnt show national-industry-carbon-peaking --format json\n"
      "Documentation: docs/commands/show.md");
  cmd->add_option("policy", show.policy, "Policy id, or the path of its file")
      ->required()
      ->type_name("ID|PATH");
  cmd->add_option("--format", show.format,
                  "Output: text (default), yaml (the file as written) or json")
      ->check(CLI::IsMember({"text", "yaml", "json"}))
      ->type_name("FORMAT");
  cmd->add_option("--width", show.width,
                  "Wrap text to N columns (default: the terminal's width; 80 when piped)")
      ->check(CLI::Range(std::size_t{20}, std::size_t{1000}))
      ->type_name("N");
  cmd->callback([&options] { options.command = Command::Show; });
}

void add_stats(CLI::App& app, Options& options) {
  StatsOptions& stats = options.stats;
  CLI::App* cmd = app.add_subcommand(
      "stats", "Count policies by region and sector, level, month added, and targets");
  cmd->footer(
      "Examples:\n"
      "  ccnt stats\n"
      "  ccnt stats --region 广东 --format markdown\n"
      "  ccnt stats --added 2023-03 --format csv > counts.csv\n"
      "Documentation: docs/commands/stats.md");
  add_filter_options(cmd, stats.filter);
  cmd->add_option("--format", stats.format, "Output: table, csv, json or markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
      ->type_name("FORMAT");
  cmd->callback([&options] { options.command = Command::Stats; });
}

void add_targets(CLI::App& app, Options& options) {
  TargetsOptions& targets = options.targets;
  CLI::App* cmd = app.add_subcommand(
      "targets", "Compare quantitative targets across regions with the national benchmark");
  cmd->footer(
      "Examples:\n"
      "  ccnt targets                      every indicator with a national benchmark\n"
      "  ccnt targets --indicator industrial-energy-intensity-reduction\n"
      "  ccnt targets --indicator 规上工业单位增加值能耗下降率 --format csv\n"
      "  ccnt targets --region 浙江        浙江's targets against the national ones\n"
      "Documentation: docs/commands/targets.md");
  add_filter_options(cmd, targets.filter);
  cmd->add_option("--indicator", targets.indicator,
                  "One indicator, by slug or Chinese name (schemas/indicators.yaml)")
      ->type_name("NAME");
  cmd->add_option("--format", targets.format, "Output: table, csv, json or markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
      ->type_name("FORMAT");
  cmd->callback([&options] { options.command = Command::Targets; });
}

void add_report(CLI::App& app, Options& options) {
  ReportOptions& report = options.report;
  CLI::App* cmd = app.add_subcommand("report", "Render the monthly bulletin (月报) in Markdown");
  cmd->footer(
      "Examples:\n"
      "  ccnt report --month 2023-03                 the bulletin, to stdout\n"
      "  ccnt report --month 2023-03 -o 2023-03.md   written atomically to a file\n"
      "  ccnt report --month 2023-04 --init          start bulletins/2023-04.yaml from the data\n"
      "  ccnt report --month 2023-03 --template my.md.mustache\n"
      "The text of a month lives in bulletins/YYYY-MM.yaml; without it ccnt renders a draft.\n"
      "Documentation: docs/bulletin.md, docs/commands/report.md");
  cmd->add_option("--month", report.month,
                  "Month of the bulletin, YYYY-MM: the policies whose `added` is in it")
      ->required()
      ->type_name("YYYY-MM");
  CLI::Option* output =
      cmd->add_option("-o,--output", report.output,
                      "Write to FILE (atomically: a reader never sees half of it) instead of "
                      "stdout")
          ->type_name("FILE");
  CLI::Option* layout =
      cmd->add_option("--template", report.template_file,
                      "Mustache template to use instead of templates/bulletin.md.mustache")
          ->type_name("FILE");
  cmd->add_flag("--init", report.init,
                "Write the editorial skeleton bulletins/YYYY-MM.yaml for the month (never "
                "overwrites)")
      ->excludes(output)
      ->excludes(layout);
  cmd->callback([&options] { options.command = Command::Report; });
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, Options& options) {
  CLI::App app(kDescription, "ccnt");
  app.footer(kFooter);
  app.set_version_flag("-V,--version", std::string("ccnt ") + CCNT_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough();
  add_global_options(app, options.global);
  add_validate(app, options);
  add_list(app, options);
  add_show(app, options);
  add_stats(app, options);
  add_targets(app, options);
  add_report(app, options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ccnt: error: " << e.what() << "\n"
              << "run 'ccnt --help' for usage\n";
    return kExitUsage;
  }
  if (options.command == Command::None) {
    std::cout << app.help();
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace ccnt::cli
