#include "cli/policy_selection.hpp"

#include <iostream>
#include <unordered_set>

#include "cli/usage_error.hpp"
#include "core/loader.hpp"
#include "core/source_file.hpp"
#include "core/yaml_reader.hpp"

namespace ccnt::cli {
namespace {

// The values the schema allows for `doc_type`, so that --type can be checked;
// empty when the schema does not list them.
std::vector<std::string> schema_doc_types(const Project& project) {
  const auto file = project.schemas_dir / "policy.schema.json";
  Diagnostics ignored;  // the schema was already read and checked by open_project
  const auto bytes = read_source_file(file, display_path(file), ignored);
  if (!bytes) return {};
  const auto tree = parse_yaml(*bytes, display_path(file), ignored);
  if (!tree) return {};
  const Node* properties = tree->find("properties");
  const Node* doc_type = properties ? properties->find("doc_type") : nullptr;
  return doc_type ? scalars_at(*doc_type, "enum") : std::vector<std::string>{};
}

}  // namespace

PolicyFilter make_filter_or_throw(const FilterOptions& filter, const Project& project) {
  const std::vector<std::string> doc_types =
      filter.types.empty() ? std::vector<std::string>{} : schema_doc_types(project);
  FilterError error;
  auto made = PolicyFilter::make(filter, project.registry, doc_types, error);
  if (!made) throw UsageError(error.message, error.hint);
  return std::move(*made);
}

std::vector<Policy> load_matching_policies(const Project& project, const PolicyFilter& filter,
                                           unsigned jobs) {
  Diagnostics diagnostics;
  LoadedPolicies loaded =
      load_project_policies(project, jobs, diagnostics, filter.region_dir_filter());
  std::unordered_set<std::string> broken;  // files with errors, including those across files
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::Error) broken.insert(d.path);
  std::vector<Policy> matching;
  for (Policy& policy : loaded.policies)
    if (filter.matches(policy) && broken.count(policy.path) == 0)
      matching.push_back(std::move(policy));
  if (!broken.empty())
    std::cerr << "ccnt: warning: " << broken.size()
              << (broken.size() == 1 ? " file has errors and was" : " files have errors and were")
              << " left out; run 'ccnt validate'\n";
  return matching;
}

}  // namespace ccnt::cli
