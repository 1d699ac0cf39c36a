// A scratch copy of the project's schemas and policies for tests that load, scan or write a
// tree; removed at the end of the test.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "core/diag/diagnostic.hpp"
#include "source_dir.hpp"

namespace ccnt::testing {

namespace fs = std::filesystem;

// A scratch copy of the project's schemas and policies, removed at the end of the test.
class ScratchTree {
 public:
  ScratchTree() {
    std::random_device random;
    root_ = fs::temp_directory_path() / fmt::format("ccnt-test-{}-{}", ::getpid(), random());
    fs::create_directories(root_);
    fs::copy(ccnt::testing::source_dir() / "schemas", root_ / "schemas", fs::copy_options::recursive);
    fs::copy(ccnt::testing::source_dir() / "policies", root_ / "policies",
             fs::copy_options::recursive);
    // Files that are older than any run's start, so that none of them is "racily clean".
    age_everything();
  }
  ~ScratchTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  ScratchTree(const ScratchTree&) = delete;
  ScratchTree& operator=(const ScratchTree&) = delete;

  const fs::path& root() const { return root_; }
  fs::path policy(const std::string& relative) const { return root_ / "policies" / relative; }
  fs::path buckets() const { return root_ / ".ccnt-cache" / "policies"; }

  // Sets every file's mtime a minute back (ctime cannot be set, but it is older than a run).
  void age_everything() const {
    for (const auto& entry : fs::recursive_directory_iterator(root_))
      if (entry.is_regular_file()) set_mtime(entry.path(), std::chrono::minutes(-1));
  }

  static void set_mtime(const fs::path& file, std::chrono::seconds offset) {
    const auto when = std::chrono::system_clock::now() + offset;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(when.time_since_epoch());
    timespec times[2];
    times[0].tv_sec = times[1].tv_sec = static_cast<time_t>(ns.count() / 1'000'000'000);
    times[0].tv_nsec = times[1].tv_nsec = static_cast<long>(ns.count() % 1'000'000'000);
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
  }

 private:
  fs::path root_;
};

// Writes `text` to `file`, creating its directory.
inline void write_text(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

// The codes of the diagnostics, in order.
inline std::vector<std::string> codes_of(const Diagnostics& diagnostics) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diagnostics.all()) codes.push_back(d.code);
  return codes;
}

}  // namespace ccnt::testing
