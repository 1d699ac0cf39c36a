#include "core/util/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diag/message_catalog.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// A temporary file beside the target; removed on destruction unless released.
class TempFile {
 public:
  TempFile(const fs::path& target, std::string& error) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) {
      error = std::strerror(errno);
      return;
    }
    path_ = pattern;
    // mkstemp creates 0600; give the file the mode a plain open() would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

  // Writes everything, syncs and closes; false with `error` on any failure.
  bool write_all(std::string_view content, std::string& error) {
    while (!content.empty()) {
      const ssize_t n = ::write(fd_, content.data(), content.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        error = std::strerror(errno);
        return false;
      }
      content.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
      error = std::strerror(errno);
      fd_ = -1;
      return false;
    }
    fd_ = -1;
    return true;
  }

  // The temporary file has become the target: nothing to clean up.
  void release() { path_.clear(); }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace

WriteResult write_file_atomically(const fs::path& file, std::string_view content,
                                  std::string& error) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    error = trf("it is a directory");
    return WriteResult::Failed;
  }
  TempFile temp(file, error);
  if (!temp.ok() || !temp.write_all(content, error)) return WriteResult::Failed;
  if (::rename(temp.path().c_str(), file.c_str()) != 0) {
    error = std::strerror(errno);
    return WriteResult::Failed;
  }
  temp.release();
  return WriteResult::Written;
}

WriteResult create_file_atomically(const fs::path& file, std::string_view content,
                                   std::string& error) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) return WriteResult::Exists;
  TempFile temp(file, error);
  if (!temp.ok() || !temp.write_all(content, error)) return WriteResult::Failed;
  // link() fails with EEXIST instead of replacing, even if the file appeared meanwhile.
  if (::link(temp.path().c_str(), file.c_str()) != 0) {
    if (errno == EEXIST) return WriteResult::Exists;
    error = std::strerror(errno);
    return WriteResult::Failed;
  }
  return WriteResult::Written;  // the temporary name is unlinked by TempFile
}

}  // namespace ccnt
