// The checks of one policy file beyond its schema: names known to the
// registries and matching the file's place, real dates, sound targets.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/tree/project.hpp"
#include "core/yaml/document.hpp"

namespace ccnt {

// W014, an http:// source: the warning and its hint, which `ccnt new` repeats when it takes one.
std::string http_source_warning();
std::string http_source_hint();

// Checks a parsed policy file against the schema and the rules of docs/errors.md.
// Returns the policy with canonical region and sector slugs when it has no errors.
std::optional<Policy> check_policy(const Node& document, const std::filesystem::path& file,
                                   const std::string& display, const Project& project,
                                   const PartialDate& today, Diagnostics& diagnostics);

}  // namespace ccnt
