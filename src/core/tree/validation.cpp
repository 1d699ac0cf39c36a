#include "core/tree/validation.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_set>

#include "core/bulletin/bulletin_check.hpp"
#include "core/policy/cross_file_checks.hpp"
#include "core/policy/data_quality.hpp"
#include "core/tree/source_file.hpp"
#include "core/tree/tree_scan.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& path, const fs::path& dir) {
  const auto relative = path.lexically_relative(dir);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

Validation validate_paths(const Project& project, const std::vector<fs::path>& paths,
                          const LoadOptions& load) {
  Validation result;
  LoadedPolicies loaded = load_project_policies(project, load, result.diagnostics);
  check_data_quality(loaded.policies, result.diagnostics);
  // The relations need every record; a record in a file with errors is not missing.
  std::unordered_set<std::string> unreadable_ids;
  for (const Diagnostic& d : result.diagnostics.all())
    if (d.severity == Severity::Error && d.path.ends_with(".yaml"))
      unreadable_ids.insert(fs::path(d.path).stem().string());
  check_relations(loaded.policies, project.registry, unreadable_ids, result.diagnostics);
  check_series_records(loaded.policies, project.series, result.diagnostics);
  result.files = loaded.files;
  result.valid = loaded.policies.size();
  const auto is_stub = [](const Policy& policy) { return policy.stub; };
  result.stubs = static_cast<std::size_t>(
      std::count_if(loaded.policies.begin(), loaded.policies.end(), is_stub));
  std::vector<fs::path> bulletins;
  // A policy file with errors is reported where it is, not again as an unknown id in the
  // editorial files that list it (bulletin_check.hpp, "Knock-on errors").
  KnockOn knock_on = knock_on_of(result.diagnostics, project.policies_dir());
  std::function<bool(const std::string&)> shown = [](const std::string&) { return true; };

  std::unordered_set<std::string> selected;  // files inside policies/, as displayed
  std::vector<std::string> selected_dirs;    // for problems found while scanning them

  if (paths.empty()) {
    bulletins = find_bulletin_files(project.root);
  } else {
    std::vector<fs::path> outside;  // files elsewhere, checked on their own
    for (const fs::path& path : paths) {
      std::error_code ec;
      std::vector<fs::path> found{path};
      if (fs::is_directory(path, ec)) {
        selected_dirs.push_back(display_path(path) + "/");
        Diagnostics scan_outside;
        found = find_policy_files(path, scan_outside);
      }
      for (const fs::path& file : found) {
        // Read when the project was opened: .ccnt.yaml (reported below) and schemas/.
        if (file == project.root / kSettingsFileName || inside(file, project.schemas_dir)) continue;
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
    result.diagnostics.keep_if([&](const Diagnostic& d) { return is_selected(d.path); });
    shown = is_selected;
    const auto is_selected_file = [&](const Policy& policy) {
      return selected.count(policy.path) > 0;
    };
    result.valid = static_cast<std::size_t>(
        std::count_if(loaded.policies.begin(), loaded.policies.end(), is_selected_file));
    result.stubs = static_cast<std::size_t>(std::count_if(
        loaded.policies.begin(), loaded.policies.end(),
        [&](const Policy& policy) { return policy.stub && is_selected_file(policy); }));
    LoadedPolicies extra = load_policy_files(project, outside, load.jobs, result.diagnostics);
    result.files = selected.size() + extra.files;
    result.valid += extra.policies.size();
    result.stubs += static_cast<std::size_t>(
        std::count_if(extra.policies.begin(), extra.policies.end(), is_stub));
  }
  result.files += check_bulletin_files(bulletins, loaded.policies, result.diagnostics, &knock_on);
  report_unresolved_entries(knock_on, result.diagnostics, shown);
  // The settings hold for every file, so their problems are reported whatever was asked for.
  if (!project.settings.file.empty()) {
    ++result.files;
    result.diagnostics.append(project.settings.problems);
  }
  apply_warning_levels(project.settings, result.diagnostics);
  result.diagnostics.sort();
  return result;
}

}  // namespace ccnt
