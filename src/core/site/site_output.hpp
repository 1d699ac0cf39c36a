// The directory `ccnt site` writes: made and checked before anything is written, filled through
// the one atomic writer in batches, and recorded (.ccnt-site), so that the next build writes only
// the files whose content changed and removes the pages of records that are gone — and never
// touches a directory it did not make.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// The record of a build, in the output directory; its first line identifies it.
inline constexpr std::string_view kSiteRecordName = ".ccnt-site";
inline constexpr std::string_view kSiteRecordHeader = "ccnt-site 1\n";

// What a build did to the directory.
struct SiteWriteStats {
  std::size_t files = 0;      // files of the site
  std::size_t written = 0;    // new or changed, written
  std::size_t unchanged = 0;  // the same content as the last build wrote, left alone
  std::size_t removed = 0;    // of the last build and not of this one, deleted
  std::size_t failed = 0;     // could not be written (reported)
  std::uint64_t bytes = 0;    // size of the site's files
};

class SiteOutput {
 public:
  // Opens `dir`, creating it (and its parents) when missing. Refuses (E120) a symbolic link or
  // anything but a directory, and (E121) a directory with files in it that has no record of a
  // build: ccnt site writes only into a new or empty directory, or one it wrote before.
  static std::optional<SiteOutput> open(const std::filesystem::path& dir, unsigned jobs,
                                        Diagnostics& diagnostics);

  // One file of the site at `path` (relative, with '/'); written in a later batch unless its
  // content is what the last build wrote and the file is still as that build left it. `key`,
  // when not 0, identifies everything the content was made from (see keep()).
  void add(std::string path, std::string content, Diagnostics& diagnostics, std::uint64_t key = 0);
  // True, and the file counted as kept, when the last build made `path` from the same inputs
  // (`key`, not 0) and the file is still as that build left it: the caller then need not make
  // its content at all, which is what makes a build of a little-changed tree fast.
  bool keep(const std::string& path, std::uint64_t key);
  // keep() for every file the last build recorded under the directory `prefix` (search/): true
  // when there was one and each is kept; otherwise none is, and the caller makes them all.
  bool keep_all_under(const std::string& prefix, std::uint64_t key);
  // The size of a file this build has written or kept (0 when none).
  std::uint64_t size_of(const std::string& path) const;
  // Writes what is pending, deletes what the last build wrote and this one did not, and records
  // this build. Failures are reported (E122 refused, E123 failed).
  SiteWriteStats finish(Diagnostics& diagnostics);

  // What the record says of one file: its content's hash and size, its modification time once
  // written (a file changed since differs in it) and the key of its inputs (0: none).
  struct Recorded {
    std::uint64_t hash = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t key = 0;
  };

 private:
  struct Pending {
    std::string path;
    std::string content;
    std::uint64_t hash = 0;
    std::uint64_t key = 0;
  };

  // True when the file at `path` is as `entry` records it (regular, same size and time).
  bool intact(const std::string& path, const Recorded& entry) const;

  void flush(Diagnostics& diagnostics);
  // Makes the directories of `path` inside the output, each checked to be a real directory.
  bool make_parents(const std::string& path, Diagnostics& diagnostics);
  // True when every directory of `path` inside the output is a real directory (no link), so
  // that deleting `path` deletes nothing elsewhere.
  bool parents_are_directories(const std::string& path) const;
  void report(const std::string& path, const std::string& code, const std::string& error,
              Diagnostics& diagnostics);

  std::filesystem::path dir_;
  unsigned jobs_ = 0;
  std::unordered_map<std::string, Recorded> last_;  // the previous build's record
  std::unordered_map<std::string, Recorded> now_;   // this build's, as it is written
  std::set<std::string> checked_dirs_;
  std::vector<Pending> pending_;
  std::size_t pending_bytes_ = 0;
  SiteWriteStats stats_;
};

}  // namespace ccnt
