// Finding the policy files of a tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// Decides from a first-level directory name (a region) whether to descend into it.
using RegionDirFilter = std::function<bool(std::string_view dir_name)>;

// Most policy files ccnt loads from one tree; beyond it, E013 and the rest are skipped.
inline constexpr std::size_t kMaxPolicyFiles = 2'000'000;

// What stat() says of a file, enough to tell that it has not changed (as git's index does).
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;

  bool operator==(const FileStamp&) const = default;
};

// A policy file found by the scan, with its stamp taken on the way. The path is a plain string:
// a std::filesystem::path also stores its components, which cost a warm run over 100,000
// files about 40 MiB and 30 ms (docs/performance.md).
struct FoundFile {
  std::string path;
  FileStamp stamp;
};

// As find_policy_files, with each file's stamp (so that a cache need not stat it again), walking
// the subdirectories of `dir` on `jobs` threads (0: one per core); past `max_files` files it
// reports E013 and stops.
std::vector<FoundFile> scan_policy_files(const std::filesystem::path& dir, Diagnostics& diagnostics,
                                         const RegionDirFilter& keep_region = {},
                                         std::size_t max_files = kMaxPolicyFiles,
                                         unsigned jobs = 1);

// Lists the .yaml/.yml files below `dir` in a stable order, following symbolic
// links but reporting (W003) and skipping directory loops; hidden entries are skipped.
std::vector<std::filesystem::path> find_policy_files(const std::filesystem::path& dir,
                                                     Diagnostics& diagnostics,
                                                     const RegionDirFilter& keep_region = {});

// True for the file names ccnt treats as policy files.
bool is_policy_file_name(const std::filesystem::path& file);

}  // namespace ccnt
