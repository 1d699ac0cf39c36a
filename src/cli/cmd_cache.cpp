#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/messages.hpp"
#include "cli/project_session.hpp"
#include "cli/usage_error.hpp"
#include "core/diag/diagnostic_format.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/source_file.hpp"

namespace ccnt::cli {

namespace fs = std::filesystem;

namespace {

std::string human_size(std::size_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
}

std::string shown(const fs::path& directory) {
  return display_path(directory) + "/";
}

// Prints what was wrong with the cache (W070) on stderr.
void print_problems(const Diagnostics& problems, const Options& options) {
  for (const Diagnostic& d : problems.all())
    std::cerr << format_diagnostic_text(d, use_color(options.global.color, stderr));
}

int cache_info(const Options& options) {
  const Project project = open_project_or_throw(options.global);
  const CacheSummary summary = summarize_cache(project);
  print_problems(summary.problems, options);
  if (!summary.exists) {
    std::cout << trf(
        "no cache at {}\n"
        "validate, list, stats, targets and report make it when they next read the tree\n",
        shown(summary.directory));
    return kExitOk;
  }
  std::cout << trf("cache:   {}\n", shown(summary.directory));
  std::cout << (summary.buckets == 1
                    ? trf("files:   {} policy files recorded in 1 region bucket\n", summary.entries)
                    : trf("files:   {} policy files recorded in {} region buckets\n",
                          summary.entries, summary.buckets));
  std::cout << trf("size:    {}\n", human_size(summary.bytes));
  if (summary.unusable > 0)
    std::cout << (summary.unusable == 1
                      ? trf("stale:   1 bucket written by another ccnt build or for other schemas, "
                            "or damaged; rewritten when next read\n")
                      : trf("stale:   {} buckets written by another ccnt build or for other "
                            "schemas, or damaged; rewritten when next read\n",
                            summary.unusable));
  return summary.problems.empty() ? kExitOk : kExitProblems;
}

int cache_clear(const Options& options) {
  std::string error;
  const auto root = find_project_root(options.global.root, fs::current_path(), error);
  if (!root) throw UsageError(error);
  const fs::path directory = PolicyCache::directory(*root);
  const CacheClearing clearing = clear_cache(*root);
  print_problems(clearing.problems, options);
  if (!clearing.existed) {
    std::cout << trf("no cache at {}; nothing to remove\n", shown(directory));
    return kExitOk;
  }
  if (!clearing.removed) return kExitProblems;
  std::cout << trf("removed {}\n", shown(directory));
  return kExitOk;
}

}  // namespace

int run_cache(const Options& options) {
  return options.cache.action == "clear" ? cache_clear(options) : cache_info(options);
}

}  // namespace ccnt::cli
