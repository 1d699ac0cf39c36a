// The start shared by list, stats and targets: filter flags turned into a
// PolicyFilter, and the policies of the tree that pass it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "core/output/labels.hpp"
#include "core/output/output_format.hpp"
#include "core/policy/policy.hpp"
#include "core/query/policy_filter.hpp"
#include "core/tree/project.hpp"

namespace ccnt::cli {

// The filter for the flags, or UsageError (exit 2) naming the unknown value
// and the closest valid names. `project` must outlive the filter.
PolicyFilter make_filter_or_throw(const FilterOptions& filter, const Project& project);

// Loads the tree (skipping region directories the filter cannot match, and through the
// cache unless --no-cache) and returns the policies that pass it, in path order. Files with
// errors are left out; when there are any, one warning line on stderr says how many and
// points at `ccnt validate`. Only the policies `keep_text` accepts (default: those that pass
// the filter) keep their summaries and targets; see LoadOptions::keep_text.
// `left_out`, when given, receives the number of files left out for their errors, and
// `problems` the diagnostics of the load (so that a bulletin can tell a broken policy from an
// unknown one: bulletin_check.hpp, "Knock-on errors").
std::vector<Policy> load_matching_policies(const Project& project, const PolicyFilter& filter,
                                           const GlobalOptions& global,
                                           const std::function<bool(const Policy&)>& keep_text = {},
                                           std::size_t* left_out = nullptr,
                                           Diagnostics* problems = nullptr);

// The line a command's own output ends with when files were left out for their errors, so that
// no record disappears silently: "1 file with errors was left out; run 'ccnt validate'". Empty
// when none was.
std::string left_out_note(std::size_t left_out);

// The header language --headers asks for (`flag`: en, zh or empty for the default), or
// UsageError when `format` has no column headers (JSON, YAML, ids).
std::optional<HeaderLanguage> headers_or_throw(const std::string& flag, OutputFormat format);

}  // namespace ccnt::cli
