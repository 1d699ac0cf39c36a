#include "core/tree/loader.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/policy/cross_file_checks.hpp"
#include "core/policy/policy_checks.hpp"
#include "core/tree/policy_cache.hpp"
#include "core/tree/source_file.hpp"
#include "core/util/parallel_for.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// Reads and checks one file; with a `tree` (a file found by the scan), only when what is opened
// lies inside it (read_tree_file).
FileResult load_one(const Project& project, const fs::path& file, const std::string& display,
                    const PartialDate& today, std::string_view tree) {
  FileResult result;
  if (auto bytes = read_tree_file(file, display, tree, result.diagnostics))
    if (auto document = parse_yaml(*bytes, display, result.diagnostics))
      result.policy = check_policy(*document, file, display, project, today, result.diagnostics);
  result.diagnostics.limit_per_file();
  return result;
}

// Per-file results in path order, so that output does not depend on threads. Diagnostics go to
// `diagnostics` as soon as every file before theirs is done (files are taken in path order, so
// few wait), rather than all held twice at the end; policies are compacted in place at the end
// rather than copied (100,000 policies are 64 MB of records).
class Results {
 public:
  Results(std::size_t n, const LoadOptions& options, Diagnostics& diagnostics)
      : policies_(n),
        waiting_(n),
        done_(n, 0),
        valid_(n, 0),
        options_(options),
        diagnostics_(diagnostics) {}

  void put(std::size_t i, FileResult result) {
    if (result.policy) {
      policies_[i] = std::move(*result.policy);
      if (!options_.text || (options_.keep_text && !options_.keep_text(policies_[i])))
        drop_text(policies_[i]);
      valid_[i] = 1;
    }
    const std::lock_guard lock(mutex_);
    waiting_[i] = std::move(result.diagnostics);
    done_[i] = 1;
    for (; next_ < done_.size() && done_[next_]; ++next_)
      diagnostics_.append(std::move(waiting_[next_]));
  }

  LoadedPolicies collect() && {
    LoadedPolicies loaded;
    loaded.files = policies_.size();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < policies_.size(); ++i) {
      if (!valid_[i]) continue;
      if (kept != i) policies_[kept] = std::move(policies_[i]);
      ++kept;
    }
    policies_.resize(kept);
    loaded.policies = std::move(policies_);
    return loaded;
  }

 private:
  std::vector<Policy> policies_;
  std::mutex mutex_;                  // guards the three members below
  std::vector<Diagnostics> waiting_;  // of files done while one before them is not
  std::vector<char> done_;
  std::size_t next_ = 0;  // the first file whose diagnostics are not yet passed on
  std::vector<char> valid_;
  const LoadOptions& options_;
  Diagnostics& diagnostics_;
};

// The path of a file below policies/, with forward slashes.
std::string relative_to(const std::string& full, const fs::path& dir) {
  const std::string& base = dir.native();
  if (full.size() > base.size() + 1 && full.compare(0, base.size(), base) == 0 &&
      full[base.size()] == '/')
    return full.substr(base.size() + 1);
  return fs::path(full).lexically_relative(dir).generic_string();
}

// How each file is shown (display_path), computed once per directory rather than once per file.
std::vector<std::string> display_paths(const std::vector<FoundFile>& found) {
  std::vector<std::string> shown(found.size());
  std::string_view last_dir;
  std::string dir_shown;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::string& full = found[i].path;
    const auto slash = full.rfind('/');
    if (slash == std::string::npos || slash == 0) {
      shown[i] = display_path(found[i].path);
      continue;
    }
    const std::string_view dir(full.data(), slash);
    if (dir != last_dir) {
      last_dir = dir;
      dir_shown = display_path(fs::path(dir));
    }
    const std::string_view name(full.data() + slash + 1, full.size() - slash - 1);
    shown[i] = dir_shown == "." ? std::string(name) : dir_shown + '/' + std::string(name);
  }
  return shown;
}

// One bucket of the cache and the files of this run that belong to it.
struct BucketWork {
  std::string name;
  std::vector<std::size_t> files;     // indexes into the scan, in path order
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
  const std::vector<std::string> display = display_paths(found);
  std::map<std::string, std::size_t> bucket_index;
  std::vector<BucketWork> buckets;
  for (std::size_t i = 0; i < n; ++i) {
    relative[i] = relative_to(found[i].path, policies_dir);
    auto [it, inserted] = bucket_index.emplace(PolicyCache::bucket_of(relative[i]), buckets.size());
    if (inserted) buckets.push_back({it->first, {}, std::nullopt, {}});
    buckets[it->second].files.push_back(i);
  }

  // 1. Take every unchanged file's result from its bucket.
  Results results(n, options, diagnostics);
  std::vector<char> done(n, 0);
  std::atomic<std::size_t> hits{0};
  parallel_for(buckets.size(), options.jobs, [&](std::size_t b) {
    BucketWork& work = buckets[b];
    CacheBucket bucket = cache.read(work.name);
    work.hit.assign(work.files.size(), false);
    std::size_t found_here = 0;
    for (std::size_t k = 0; k < work.files.size(); ++k) {
      const std::size_t i = work.files[k];
      if (auto result = bucket.lookup(relative[i], found[i].stamp, display[i], options.text)) {
        results.put(i, std::move(*result));
        done[i] = 1;
        work.hit[k] = true;
        ++found_here;
      }
    }
    hits += found_here;
    if (!bucket.valid() || found_here != work.files.size() || bucket.size() != found_here)
      work.cached = std::move(bucket);
  });

  // 2. Rewrites a bucket that changed from its unchanged entries and the fresh ones.
  std::vector<std::optional<std::string>> fresh(n);  // encoded results of the files read
  auto write_bucket = [&](BucketWork& work) {
    const CacheBucket& old = *work.cached;
    std::vector<std::string_view> entries;
    std::size_t kept = 0;
    std::size_t added = 0;
    for (std::size_t k = 0; k < work.files.size(); ++k) {
      const std::size_t i = work.files[k];
      if (work.hit[k]) {
        entries.push_back(old.raw_entry(relative[i]));
        ++kept;
      } else if (fresh[i]) {
        entries.push_back(*fresh[i]);
        ++added;
      }
    }
    if (!old.valid() || added > 0 || kept != old.size()) cache.write(work.name, entries);
    work.cached.reset();
    for (const std::size_t i : work.files) fresh[i].reset();
  };

  // 3. Read and check the rest, in path order, so that buckets complete one after another: each
  // is written as soon as its last file is read, and only then are its encoded results freed.
  std::vector<std::size_t> missing;
  std::vector<std::size_t> bucket_of_file(n);
  std::vector<std::atomic<std::size_t>> remaining(buckets.size());
  for (std::size_t b = 0; b < buckets.size(); ++b)
    for (const std::size_t i : buckets[b].files) bucket_of_file[i] = b;
  for (std::size_t i = 0; i < n; ++i)
    if (!done[i]) {
      missing.push_back(i);
      ++remaining[bucket_of_file[i]];
    }
  for (BucketWork& work : buckets)  // changed by deletions alone
    if (work.cached && remaining[&work - buckets.data()] == 0) write_bucket(work);
  parallel_for(missing.size(), options.jobs, [&](std::size_t m) {
    const std::size_t i = missing[m];
    FileResult result = load_one(project, found[i].path, display[i], date, project.tree);
    fresh[i] = PolicyCache::encode_entry(relative[i], found[i].stamp,
                                         result.policy ? &*result.policy : nullptr,
                                         result.diagnostics, display[i]);
    results.put(i, std::move(result));
    if (--remaining[bucket_of_file[i]] == 0) write_bucket(buckets[bucket_of_file[i]]);
  });
  if (!options.keep_region) {
    std::vector<std::string> names;
    for (const BucketWork& work : buckets) names.push_back(work.name);
    cache.remove_buckets_except(names);
  }

  cache.take_problems(diagnostics);
  LoadedPolicies loaded = std::move(results).collect();
  loaded.from_cache = hits;
  return loaded;
}

LoadedPolicies load_files(const Project& project, const std::vector<fs::path>& files,
                          const LoadOptions& options, Diagnostics& diagnostics,
                          std::string_view tree = {}) {
  const PartialDate date = today();
  Results results(files.size(), options, diagnostics);
  parallel_for(files.size(), options.jobs, [&](std::size_t i) {
    results.put(i, load_one(project, files[i], display_path(files[i]), date, tree));
  });
  return std::move(results).collect();
}

}  // namespace

LoadedPolicies load_policy_files(const Project& project, const std::vector<fs::path>& files,
                                 unsigned jobs, Diagnostics& diagnostics) {
  return load_files(project, files, LoadOptions{.jobs = jobs}, diagnostics);
}

LoadedPolicies load_project_policies(const Project& project, const LoadOptions& options,
                                     Diagnostics& diagnostics) {
  const std::int64_t scan_start = file_clock_now_ns();
  std::vector<FoundFile> found = scan_policy_files(
      project.policies_dir(), diagnostics, options.keep_region, kMaxPolicyFiles, options.jobs);
  LoadedPolicies loaded;
  if (options.use_cache) {
    loaded = load_with_cache(project, options, std::move(found), scan_start, diagnostics);
  } else {
    std::vector<fs::path> files;
    files.reserve(found.size());
    for (FoundFile& file : found) files.push_back(std::move(file.path));
    loaded = load_files(project, files, options, diagnostics, project.tree);
  }
  check_across_files(loaded.policies, diagnostics);
  return loaded;
}

LoadedPolicies load_project_policies(const Project& project, unsigned jobs,
                                     Diagnostics& diagnostics, const RegionDirFilter& keep_region) {
  return load_project_policies(
      project, LoadOptions{.jobs = jobs, .use_cache = false, .keep_region = keep_region},
      diagnostics);
}

}  // namespace ccnt
