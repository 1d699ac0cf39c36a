// `ccnt site` as one call: the website of a tree's policies, written into the output directory
// (docs/site.md). The command line only chooses the options and prints the result.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/site/search_index.hpp"
#include "core/site/site_options.hpp"
#include "core/site/site_output.hpp"
#include "core/tree/project.hpp"

namespace ccnt {

struct SiteBuildResult {
  SiteWriteStats files;
  std::size_t pages = 0;     // HTML pages, both languages
  std::size_t policies = 0;  // policies with a page
  std::size_t bulletins = 0;
  SearchIndexStats search;
};

// Builds the site of `policies` (of `project`, checked as `validate` checks them) into
// options.output_dir. nullopt, with the reason in diagnostics, when nothing could be written
// (the layout has errors, the directory is refused); otherwise every file that could be written
// was, and each that could not is an error in diagnostics. A policy's pages whose inputs are
// those of the last build (its record, its bulletins, and what every page depends on: ccnt
// itself, the layout, the registries, the national targets, the options) are neither made
// again nor written.
// `policies` are taken over: their paths become relative to the tree's root (policies/…), as
// the site shows them and the edit links need them, wherever ccnt was run from.
std::optional<SiteBuildResult> build_site(const Project& project, std::vector<Policy> policies,
                                          const SiteOptions& options, Diagnostics& diagnostics);

}  // namespace ccnt
