#include "core/loader.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "core/policy_cache.hpp"
#include "core/policy_checks.hpp"
#include "core/source_file.hpp"
#include "core/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

FileResult load_one(const Project& project, const fs::path& file, const std::string& display,
                    const PartialDate& today) {
  FileResult result;
  auto bytes = read_source_file(file, display, result.diagnostics);
  if (!bytes) return result;
  auto document = parse_yaml(*bytes, display, result.diagnostics);
  if (!document) return result;
  result.policy = check_policy(*document, file, display, project, today, result.diagnostics);
  return result;
}

unsigned thread_count(unsigned jobs, std::size_t work_items) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, work_items)));
}

// Runs work(i) for every i in [0, count) on `jobs` threads, the calling one included.
template <typename Work>
void parallel_for(std::size_t count, unsigned jobs, const Work& work) {
  jobs = thread_count(jobs, count);
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(run);
  run();
  for (std::thread& thread : threads) thread.join();
}

// Moves per-file results into the loaded set, in path order, so output does not depend on threads.
LoadedPolicies collect(std::vector<FileResult>& results, Diagnostics& diagnostics) {
  LoadedPolicies loaded;
  loaded.files = results.size();
  loaded.policies.reserve(results.size());
  for (FileResult& result : results) {
    diagnostics.append(std::move(result.diagnostics));
    if (result.policy) loaded.policies.push_back(std::move(*result.policy));
  }
  return loaded;
}

// The path of a file below policies/, with forward slashes.
std::string relative_to(const fs::path& file, const fs::path& dir) {
  const std::string& full = file.native();
  const std::string& base = dir.native();
  if (full.size() > base.size() + 1 && full.compare(0, base.size(), base) == 0 &&
      full[base.size()] == '/')
    return full.substr(base.size() + 1);
  return file.lexically_relative(dir).generic_string();
}

// One bucket of the cache and the files of this run that belong to it.
struct BucketWork {
  std::string name;
  std::vector<std::size_t> files;  // indexes into the scan, in path order
  std::optional<CacheBucket> cached;  // kept only while the bucket may need rewriting
  std::vector<bool> hit;
};

LoadedPolicies load_with_cache(const Project& project, const LoadOptions& options,
                               std::vector<FoundFile> found, std::int64_t scan_start,
                               Diagnostics& diagnostics) {
  const PartialDate date = today();
  const PolicyCache cache(project, date, scan_start);
  const fs::path policies_dir = project.policies_dir();
  const std::size_t n = found.size();
  std::vector<std::string> relative(n);
  std::vector<std::string> display(n);
  std::map<std::string, std::size_t> bucket_index;
  std::vector<BucketWork> buckets;
  for (std::size_t i = 0; i < n; ++i) {
    relative[i] = relative_to(found[i].path, policies_dir);
    auto [it, inserted] = bucket_index.emplace(PolicyCache::bucket_of(relative[i]), buckets.size());
    if (inserted) buckets.push_back({it->first, {}, std::nullopt, {}});
    buckets[it->second].files.push_back(i);
  }

  // 1. Take every unchanged file's result from its bucket.
  std::vector<FileResult> results(n);
  std::vector<char> done(n, 0);
  std::atomic<std::size_t> hits{0};
  parallel_for(buckets.size(), options.jobs, [&](std::size_t b) {
    BucketWork& work = buckets[b];
    CacheBucket bucket = cache.read(work.name);
    work.hit.assign(work.files.size(), false);
    std::size_t found_here = 0;
    for (std::size_t k = 0; k < work.files.size(); ++k) {
      const std::size_t i = work.files[k];
      display[i] = display_path(found[i].path);
      if (auto result = bucket.lookup(relative[i], found[i].stamp, display[i])) {
        results[i] = std::move(*result);
        done[i] = 1;
        work.hit[k] = true;
        ++found_here;
      }
    }
    hits += found_here;
    if (!bucket.valid() || found_here != work.files.size() || bucket.size() != found_here)
      work.cached = std::move(bucket);
  });

  // 2. Read and check the rest.
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < n; ++i)
    if (!done[i]) missing.push_back(i);
  parallel_for(missing.size(), options.jobs, [&](std::size_t m) {
    const std::size_t i = missing[m];
    results[i] = load_one(project, found[i].path, display[i], date);
  });

  // 3. Rewrite the buckets that changed.
  std::vector<std::size_t> to_write;
  for (std::size_t b = 0; b < buckets.size(); ++b)
    if (buckets[b].cached) to_write.push_back(b);
  parallel_for(to_write.size(), options.jobs, [&](std::size_t w) {
    BucketWork& work = buckets[to_write[w]];
    const CacheBucket& old = *work.cached;
    std::vector<std::string> encoded;
    encoded.reserve(work.files.size());
    std::vector<std::string_view> entries;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < work.files.size(); ++k) {
      const std::size_t i = work.files[k];
      if (work.hit[k]) {
        entries.push_back(old.raw_entry(relative[i]));
        ++kept;
      } else if (auto entry = PolicyCache::encode_entry(relative[i], found[i].stamp, results[i],
                                                        display[i])) {
        encoded.push_back(std::move(*entry));
      }
    }
    for (const std::string& entry : encoded) entries.push_back(entry);
    const bool changed = !old.valid() || !encoded.empty() || kept != old.size();
    if (changed) cache.write(work.name, entries);
    work.cached.reset();
  });
  if (!options.keep_region) {
    std::vector<std::string> names;
    for (const BucketWork& work : buckets) names.push_back(work.name);
    cache.remove_buckets_except(names);
  }

  LoadedPolicies loaded = collect(results, diagnostics);
  loaded.from_cache = hits;
  return loaded;
}

}  // namespace

LoadedPolicies load_policy_files(const Project& project, const std::vector<fs::path>& files,
                                 unsigned jobs, Diagnostics& diagnostics) {
  const PartialDate date = today();
  std::vector<FileResult> results(files.size());
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    results[i] = load_one(project, files[i], display_path(files[i]), date);
  });
  return collect(results, diagnostics);
}

LoadedPolicies load_project_policies(const Project& project, const LoadOptions& options,
                                     Diagnostics& diagnostics) {
  const std::int64_t scan_start = file_clock_now_ns();
  std::vector<FoundFile> found =
      scan_policy_files(project.policies_dir(), diagnostics, options.keep_region);
  LoadedPolicies loaded;
  if (options.use_cache) {
    loaded = load_with_cache(project, options, std::move(found), scan_start, diagnostics);
  } else {
    std::vector<fs::path> files;
    files.reserve(found.size());
    for (FoundFile& file : found) files.push_back(std::move(file.path));
    loaded = load_policy_files(project, files, options.jobs, diagnostics);
  }
  check_across_files(loaded.policies, diagnostics);
  return loaded;
}

LoadedPolicies load_project_policies(const Project& project, unsigned jobs,
                                     Diagnostics& diagnostics, const RegionDirFilter& keep_region) {
  return load_project_policies(project, LoadOptions{jobs, false, keep_region}, diagnostics);
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
