#include <algorithm>
#include <filesystem>
#include <iostream>
#include <unordered_set>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/bulletin/bulletin_check.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/tree/data_quality.hpp"
#include "core/tree/loader.hpp"
#include "core/tree/source_file.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

DiagnosticFormat parse_format(const std::string& name) {
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "github") return DiagnosticFormat::Github;
  return DiagnosticFormat::Text;
}

bool inside(const fs::path& path, const fs::path& dir) {
  const auto relative = path.lexically_relative(dir);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

int run_validate(const Options& options) {
  const ValidateOptions& opts = options.validate;
  const Project project = open_project_or_throw(options.global);
  Diagnostics diagnostics;

  // The whole tree is always loaded, so that cross-file checks see every file;
  // PATH arguments then select which files to report on.
  // Checking needs no policy's text after its own file is checked.
  const LoadOptions load{
      .jobs = options.global.jobs, .use_cache = !options.global.no_cache, .text = false};
  LoadedPolicies loaded = load_project_policies(project, load, diagnostics);
  check_data_quality(loaded.policies, diagnostics);
  std::size_t files = loaded.files;
  std::size_t valid = loaded.policies.size();
  // The bulletin's editorial files (bulletins/*.yaml) are checked against the policies too.
  std::vector<fs::path> bulletins = find_bulletin_files(project.root);

  std::unordered_set<std::string> selected_paths;  // with PATH arguments: the files to report on
  if (!opts.paths.empty()) {
    bulletins.clear();
    std::unordered_set<std::string>& selected = selected_paths;  // inside policies/, as shown
    std::vector<std::string> selected_dirs;  // for problems found while scanning them
    std::vector<fs::path> outside;           // files elsewhere, checked on their own
    for (const std::string& arg : opts.paths) {
      std::error_code ec;
      const fs::path path = fs::absolute(arg, ec).lexically_normal();
      if (!fs::exists(path, ec)) throw UsageError(trf("no such file or directory: {}", arg));
      std::vector<fs::path> found{path};
      if (fs::is_directory(path, ec)) {
        selected_dirs.push_back(display_path(path) + "/");
        Diagnostics scan_outside;
        found = find_policy_files(path, scan_outside);
      }
      for (const fs::path& file : found) {
        if (inside(file, project.policies_dir()))
          selected.insert(display_path(file));
        else if (is_bulletin_file(file, project.root))
          bulletins.push_back(file);
        else
          outside.push_back(file);
      }
    }
    const auto is_selected = [&](const std::string& path) {
      return selected.count(path) > 0 ||
             std::any_of(selected_dirs.begin(), selected_dirs.end(),
                         [&](const std::string& dir) { return path.starts_with(dir); });
    };
    Diagnostics kept;
    for (const Diagnostic& d : diagnostics.all())
      if (is_selected(d.path)) kept.add(d);
    valid = std::count_if(loaded.policies.begin(), loaded.policies.end(),
                          [&](const Policy& policy) { return selected.count(policy.path) > 0; });
    LoadedPolicies extra = load_policy_files(project, outside, options.global.jobs, kept);
    files = selected.size() + extra.files;
    valid += extra.policies.size();
    diagnostics = std::move(kept);
  }
  files += check_bulletin_files(bulletins, loaded.policies, diagnostics);

  diagnostics.sort();
  const auto stubs = static_cast<std::size_t>(
      std::count_if(loaded.policies.begin(), loaded.policies.end(), [&](const Policy& policy) {
        return policy.stub && (opts.paths.empty() || selected_paths.count(policy.path) > 0);
      }));
  std::cout << format_diagnostics(diagnostics, parse_format(opts.format), files, valid,
                                  opts.format == "text" && use_color(options.global.color, stdout),
                                  stubs);
  const bool failed =
      diagnostics.error_count() > 0 || (opts.strict && diagnostics.warning_count() > 0);
  return failed ? kExitProblems : kExitOk;
}

}  // namespace ccnt::cli
