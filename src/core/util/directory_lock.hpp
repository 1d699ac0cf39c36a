// An exclusive lock on a directory (flock(2) on the directory itself, so that no lock file is
// left in the tree), for check-then-create steps that concurrent ccnt processes must not
// interleave, such as `ccnt new` (one title, one record).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace ccnt {

class DirectoryLock {
 public:
  // Locks `dir`, waiting at most `timeout` for another holder (`on_wait` is called once when it
  // has to wait). ok() is false when the lock could not be had, with `error` saying why.
  DirectoryLock(const std::filesystem::path& dir, std::chrono::milliseconds timeout,
                const std::function<void()>& on_wait, std::string& error);
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace ccnt
