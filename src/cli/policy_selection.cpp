#include "cli/policy_selection.hpp"

#include <iostream>
#include <unordered_set>

#include "cli/messages.hpp"
#include "cli/usage_error.hpp"
#include "core/policy/schema_enum.hpp"
#include "core/tree/loader.hpp"

namespace ccnt::cli {

namespace {

// A filter error in the words of the command line, which names its flags.
UsageError filter_usage_error(const FilterError& error) {
  switch (error.kind) {
    case FilterError::Kind::InvalidDate:
      return UsageError(trf("invalid date `{}` for {}", error.value, "--" + error.field),
                        trf("write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-03"));
    case FilterError::Kind::UntilBeforeSince:
      return UsageError(trf("--until {} is before --since {}", error.value, error.other),
                        trf("swap the two dates"));
    case FilterError::Kind::UnknownName:
      break;
  }
  return UsageError(error.message, error.hint);
}

}  // namespace

PolicyFilter make_filter_or_throw(const FilterOptions& filter, const Project& project) {
  // --type is checked against the doc_type values the schema allows.
  const std::vector<std::string> doc_types =
      filter.types.empty() ? std::vector<std::string>{}
                           : schema_enum(project.schemas_dir / "policy.schema.json", "doc_type");
  FilterError error;
  auto made = PolicyFilter::make(filter, project.registry, doc_types, error);
  if (!made) throw filter_usage_error(error);
  for (const std::string& note : made->notes()) std::cerr << trf("ccnt: note: {}\n", note);
  return std::move(*made);
}

std::vector<Policy> load_matching_policies(const Project& project, const PolicyFilter& filter,
                                           const GlobalOptions& global,
                                           const std::function<bool(const Policy&)>& keep_text,
                                           std::size_t* left_out, Diagnostics* problems) {
  Diagnostics diagnostics;
  const LoadOptions load{.jobs = global.jobs,
                         .use_cache = !global.no_cache,
                         .keep_region = filter.region_dir_filter(),
                         .keep_text = keep_text ? keep_text : [&filter](const Policy& policy) {
                           return filter.matches(policy);
                         }};
  LoadedPolicies loaded = load_project_policies(project, load, diagnostics);
  std::unordered_set<std::string> broken;  // files with errors, including those across files
  for (const Diagnostic& d : diagnostics.all())
    if (d.severity == Severity::Error) broken.insert(d.path);
  std::erase_if(loaded.policies, [&](const Policy& policy) {
    return !filter.matches(policy) || broken.count(policy.path) > 0;
  });
  if (left_out) *left_out = broken.size();
  if (!broken.empty())
    std::cerr << (broken.size() == 1
                      ? trf("ccnt: warning: 1 file has errors and was left out; run 'ccnt "
                            "validate'\n")
                      : trf("ccnt: warning: {} files have errors and were left out; run 'ccnt "
                            "validate'\n",
                            broken.size()));
  if (problems) *problems = std::move(diagnostics);
  return std::move(loaded.policies);
}

std::string left_out_note(std::size_t left_out) {
  if (left_out == 0) return {};
  return left_out == 1 ? trf("1 file with errors was left out; run 'ccnt validate'\n")
                       : trf("{} files with errors were left out; run 'ccnt validate'\n", left_out);
}

std::optional<HeaderLanguage> headers_or_throw(const std::string& flag, OutputFormat format) {
  if (flag.empty()) return std::nullopt;
  const bool has_headers = format == OutputFormat::Table || format == OutputFormat::Markdown ||
                           format == OutputFormat::Csv || format == OutputFormat::Tsv ||
                           format == OutputFormat::Xlsx;
  if (!has_headers)
    throw UsageError(trf("--headers applies only to formats with column headers, not to {}",
                         format_name(format)),
                     trf("JSON and YAML keys are always English; see docs/commands/list.md"));
  return parse_header_language(flag);
}

}  // namespace ccnt::cli
