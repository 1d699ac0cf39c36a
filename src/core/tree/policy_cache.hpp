// The on-disk cache of checked policy files, so that a run over an unchanged tree
// stats every file but reads none. See docs/commands/cache.md.
//
// Layout: <root>/.ccnt-cache/policies/<bucket>.bin, one bucket per region directory
// under policies/ (so that --region reads only its own buckets), each holding, per
// file, its path relative to policies/, its stat stamp (size, nanosecond mtime and
// ctime, inode, device) and what checking it found: the Policy, or the fact that it
// had errors, with every diagnostic. A bucket is trusted only when its header
// (format version, a key hashing ccnt's version, the executable's identity and the
// bytes of every file in the schemas directory, the bucket's name) and its trailing
// checksum match; anything else makes ccnt ignore and rewrite it. An entry is
// trusted only when the file's stamp is unchanged and its mtime and ctime are older
// than the moment the run that wrote it started scanning ("racily clean" files are
// read again, as git does). Files whose result depends on today's date (E041, a
// date in the future) are read again when the date changes. Buckets are written to
// a temporary file and renamed, so concurrent ccnt processes never see half of one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diag/diagnostic.hpp"
#include "core/policy/policy.hpp"
#include "core/tree/project.hpp"
#include "core/tree/tree_scan.hpp"
#include "core/util/partial_date.hpp"

namespace ccnt {

// What checking one policy file found: its record when it has no errors, and every diagnostic.
struct FileResult {
  std::optional<Policy> policy;
  Diagnostics diagnostics;
};

// The contents of one bucket file as read from disk, indexed by relative path;
// entries are decoded only when looked up.
class CacheBucket {
 public:
  // True when the bucket file existed and was intact (false also for a missing file).
  bool valid() const { return valid_; }
  std::size_t size() const { return index_.size(); }

  // The stored result for `relative` when its stamp equals `stamp` and the entry is
  // not racy or out of date; paths in it are set to `display`. Without `text` the policy
  // comes as drop_text leaves it.
  std::optional<FileResult> lookup(const std::string& relative, const FileStamp& stamp,
                                   const std::string& display, bool text = true) const;

  // The raw bytes of the entry for `relative`, for copying it into a new bucket unchanged.
  std::string_view raw_entry(const std::string& relative) const;

 private:
  friend class PolicyCache;
  struct Slot {
    FileStamp stamp;
    bool today_dependent = false;
    std::size_t begin = 0;  // the whole entry, from its path
    std::size_t body = 0;   // the result, after the stamp and flags
    std::size_t end = 0;
  };

  bool valid_ = false;
  bool today_changed_ = false;       // entries that depend on today's date are out of date
  std::int64_t trusted_before_ = 0;  // entries with an mtime or ctime from here on are racy
  std::shared_ptr<const std::string>
      file_;  // the bucket file; shared so that bytes_ survives moves
  std::string_view bytes_;
  std::unordered_map<std::string_view, Slot> index_;
};

// Reads and writes the buckets of one project's cache.
class PolicyCache {
 public:
  // The cache under `project.root`; `scan_start_ns` is the wall-clock time (as the file system
  // stamps files) taken before the tree was scanned. Hashes the schemas directory.
  PolicyCache(const Project& project, const PartialDate& today, std::int64_t scan_start_ns);
  ~PolicyCache();
  PolicyCache(const PolicyCache&) = delete;
  PolicyCache& operator=(const PolicyCache&) = delete;

  // The bucket a file belongs to: the first directory of its path relative to policies/
  // ("" for files directly in policies/).
  static std::string bucket_of(std::string_view relative);

  // Reads a bucket; an unusable one (missing, stale, corrupt) comes back not valid() and empty.
  CacheBucket read(const std::string& bucket) const;

  // Serialises one entry; nullopt when the result cannot be cached (it names the file in a
  // message, or the file could not be read).
  static std::optional<std::string> encode_entry(const std::string& relative,
                                                 const FileStamp& stamp, const Policy* policy,
                                                 const Diagnostics& diagnostics,
                                                 const std::string& display);

  // Writes a bucket from encoded entries, atomically; false when the cache directory cannot be
  // written (a read-only checkout), which is not an error.
  bool write(const std::string& bucket, const std::vector<std::string_view>& entries) const;

  // Deletes the bucket files of region directories that no longer exist (after a full scan).
  void remove_buckets_except(const std::vector<std::string>& buckets) const;

  // Moves the problems found with the cache directory or its files (W070) to `diagnostics`.
  void take_problems(Diagnostics& diagnostics) const;

  // <root>/.ccnt-cache
  static std::filesystem::path directory(const std::filesystem::path& root);

 private:
  // The bucket directory, made when `create`; -1 when it is missing or not to be trusted.
  int buckets_fd(bool create) const;
  void report(const std::string& name, const std::string& problem) const;

  std::filesystem::path root_;
  mutable std::mutex mutex_;  // guards the members below: buckets are written on many threads
  mutable int dir_fd_ = -1;   // <root>/.ccnt-cache/policies
  mutable bool refused_ = false;
  mutable Diagnostics problems_;
  std::uint64_t key_ = 0;
  PartialDate today_;
  std::int64_t scan_start_ns_ = 0;
};

// What `ccnt cache info` shows.
struct CacheSummary {
  std::filesystem::path directory;
  bool exists = false;
  std::size_t buckets = 0;
  std::size_t entries = 0;   // files recorded (valid buckets only)
  std::size_t bytes = 0;     // on-disk size of every file below the directory
  std::size_t unusable = 0;  // bucket files that are stale or corrupt
  Diagnostics problems;      // W070: the directory or a file in it is not what ccnt made
};

// Counts what the cache of the project holds.
CacheSummary summarize_cache(const Project& project);

// What `ccnt cache clear` did.
struct CacheClearing {
  bool existed = false;  // there was something at <root>/.ccnt-cache
  bool removed = false;  // and it is gone
  Diagnostics problems;  // W070: what was left alone, and why (a link, another user's, ...)
};

// Removes <root>/.ccnt-cache and the files ccnt wrote in it; anything else there (a symbolic
// link, a file without ccnt's header, another user's directory) is left alone and reported.
CacheClearing clear_cache(const std::filesystem::path& root);

// The wall-clock time in nanoseconds, at the coarse resolution the file system stamps files with.
std::int64_t file_clock_now_ns();

}  // namespace ccnt
