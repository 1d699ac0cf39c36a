#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/import/import_mapping.hpp"
#include "core/import/import_report.hpp"
#include "core/import/importer.hpp"
#include "core/import/source_table.hpp"
#include "core/output/visible_text.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"

namespace ccnt::cli {

namespace {

// Largest export ccnt reads: 100,000 rows of the tracker's shape are about 60 MB.
constexpr std::size_t kMaxExportBytes = std::size_t{1} << 30;

// Prints diagnostics in compiler style on stdout.
void print(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.all())
    std::cout << without_ci_commands(format_diagnostic_text(d, false));
}

// The mapping file: --mapping's, by name when .ccnt.yaml's `import: mappings:` has it, else
// as a path; without --mapping, the one mapping .ccnt.yaml names.
std::string mapping_file_or_throw(const std::string& option, const Settings& settings) {
  const auto& named = settings.import_mappings;
  if (!option.empty()) {
    const auto found = named.find(option);
    return found == named.end() ? option : found->second.string();
  }
  if (named.size() == 1) return named.begin()->second.string();
  std::string names;
  for (const auto& [name, file] : named) names += (names.empty() ? "" : ", ") + name;
  if (named.empty())
    throw UsageError(trf("no mapping: give --mapping FILE"),
                     trf("or name the mapping under `import: mappings:` in {} (docs/settings.md)",
                         std::string(kSettingsFileName)));
  throw UsageError(trf("{} names several mappings ({}); choose one with --mapping NAME",
                       std::string(kSettingsFileName), names));
}

}  // namespace

int run_import(const Options& options) {
  const ImportCliOptions& opts = options.import;
  const Project project = open_project_or_throw(options.global);
  Diagnostics problems;
  const std::string mapping_file = mapping_file_or_throw(opts.mapping, project.settings);
  const auto mapping = load_import_mapping(mapping_file, project.registry, problems);
  if (!mapping) {
    print(problems);
    return kExitUsage;
  }
  std::optional<SourceFormat> format = mapping->format;
  if (!opts.format.empty()) {
    format = parse_source_format(opts.format);
    if (!format)
      throw UsageError(trf("unknown format `{}`", opts.format),
                       trf("formats are csv, tsv, json and jsonl"));
  }
  if (!format) format = source_format_of(opts.file);
  if (!format)
    throw UsageError(trf("cannot tell the format of {}", opts.file),
                     trf("name it .csv, .tsv, .json or .jsonl, or give --format"));

  const std::string display = display_path(opts.file);
  const auto bytes = read_source_file(opts.file, display, problems, kMaxExportBytes);
  if (!bytes) {
    print(problems);
    return kExitUsage;
  }
  const auto table = read_source_table(*bytes, *format, display, problems);
  if (!table) {
    print(problems);
    return kExitUsage;
  }

  // The tree must be valid: a record with errors is not loaded, so its source id would be
  // missed and the record imported twice.
  Diagnostics tree_problems;
  const LoadOptions load{.jobs = options.global.jobs, .use_cache = !options.global.no_cache};
  const LoadedPolicies loaded = load_project_policies(project, load, tree_problems);
  if (tree_problems.error_count() > 0) {
    std::cout << trf("ccnt: the tree has {} errors; fix them first (see `ccnt validate`)\n",
                     tree_problems.error_count());
    return kExitProblems;
  }

  const auto report =
      import_table(project, loaded.policies, *table, *mapping, display,
                   ImportOptions{.dry_run = opts.dry_run, .jobs = options.global.jobs}, problems);
  print(problems);
  if (!report) return kExitUsage;
  std::cout << without_ci_commands(format_import_report(*report, display, opts.dry_run));
  return problems.error_count() > 0 || report->rejected > 0 ? kExitProblems : kExitOk;
}

}  // namespace ccnt::cli
