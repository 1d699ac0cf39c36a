#include "core/loader.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "core/policy_checks.hpp"
#include "core/source_file.hpp"
#include "core/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Everything learnt from one file, kept per file so that output does not depend on threads.
struct FileResult {
  std::optional<Policy> policy;
  Diagnostics diagnostics;
};

FileResult load_one(const Project& project, const fs::path& file, const PartialDate& today) {
  FileResult result;
  const std::string display = display_path(file);
  auto bytes = read_source_file(file, display, result.diagnostics);
  if (!bytes) return result;
  auto document = parse_yaml(*bytes, display, result.diagnostics);
  if (!document) return result;
  result.policy = check_policy(*document, file, display, project, today, result.diagnostics);
  return result;
}

}  // namespace

LoadedPolicies load_policy_files(const Project& project, const std::vector<fs::path>& files,
                                 unsigned jobs, Diagnostics& diagnostics) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, files.size())));
  const PartialDate date = today();
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++)
      results[i] = load_one(project, files[i], date);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  LoadedPolicies loaded;
  loaded.files = files.size();
  loaded.policies.reserve(files.size());
  for (FileResult& result : results) {
    diagnostics.append(std::move(result.diagnostics));
    if (result.policy) loaded.policies.push_back(std::move(*result.policy));
  }
  return loaded;
}

LoadedPolicies load_project_policies(const Project& project, unsigned jobs,
                                     Diagnostics& diagnostics, const RegionDirFilter& keep_region) {
  const auto files = find_policy_files(project.policies_dir(), diagnostics, keep_region);
  LoadedPolicies loaded = load_policy_files(project, files, jobs, diagnostics);
  check_across_files(loaded.policies, diagnostics);
  return loaded;
}

void check_across_files(const std::vector<Policy>& policies, Diagnostics& diagnostics) {
  std::unordered_map<std::string_view, const Policy*> ids;
  std::unordered_map<std::string, const Policy*> titles;
  for (const Policy& policy : policies) {
    if (auto [it, inserted] = ids.emplace(policy.id, &policy); !inserted)
      diagnostics.error("E050", policy.path, policy.id_mark,
                        fmt::format("id `{}` is already used by {}", policy.id, it->second->path),
                        "ids are unique across the tree; choose another id and file name");
    if (auto [it, inserted] = titles.emplace(policy.region + '\n' + policy.title, &policy);
        !inserted)
      diagnostics.error("E051", policy.path, policy.title_mark,
                        fmt::format("the same title is already recorded in {}", it->second->path),
                        "a document is recorded once; update the existing file instead");
  }
}

}  // namespace ccnt
