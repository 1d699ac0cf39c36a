#include "core/util/atomic_write.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>  // renameat2
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"
#include "core/util/fd_io.hpp"
#include "core/util/parallel_for.hpp"

namespace ccnt {

namespace fs = std::filesystem;

namespace {

// 16 hex digits from the kernel's random source: a temporary name nobody can plant in advance.
// The bytes are drawn a pool at a time, so that a batch of 10,000 files makes ~40 calls to
// getrandom, not 10,000.
std::string random_suffix() {
  constexpr std::size_t kPool = 2048;
  thread_local unsigned char pool[kPool];
  thread_local std::size_t used = kPool;
  if (used + 8 > kPool) {
    std::size_t got = 0;
    while (got < kPool) {
      const ssize_t n = ::getrandom(pool + got, kPool - got, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // never seen on Linux; what was not filled stays as it was
      got += static_cast<std::size_t>(n);
    }
    used = 0;
  }
  std::string text;
  for (std::size_t i = 0; i < 8; ++i) text += fmt::format("{:02x}", pool[used + i]);
  used += 8;
  return text;
}

// The process's umask, read once (umask can only be read by setting it).
mode_t current_umask() {
  static const mode_t mask = [] {
    const mode_t value = ::umask(0);
    ::umask(value);
    return value;
  }();
  return mask;
}

mode_t default_mode() {
  return 0666 & ~current_umask();
}

bool write_all(int fd, std::string_view content, std::string& error) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// An open directory, closed on destruction.
class DirFd {
 public:
  explicit DirFd(const fs::path& file, std::string& error) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) error = std::strerror(errno);
  }
  ~DirFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  DirFd(const DirFd&) = delete;
  DirFd& operator=(const DirFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

// A temporary file beside the target, created exclusively under a random name; removed on
// destruction unless it became the target.
class TempFile {
 public:
  TempFile(int dir_fd, const std::string& target, mode_t mode, std::string& error)
      : dir_fd_(dir_fd) {
    // The target's name helps a user who finds a leftover; a long one is cut to stay a valid name.
    const std::string stem = "." + target.substr(0, 100) + ".tmp-";
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
      std::string name = stem + random_suffix();
      fd_ = ::openat(dir_fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     mode);
      if (fd_ >= 0)
        name_ = std::move(name);
      else if (errno != EEXIST)
        break;
    }
    if (fd_ < 0) {
      error = std::strerror(errno);
      return;
    }
    // The umask may have taken bits of `mode` (a replaced file's own mode): give them back.
    if ((mode & ~current_umask()) != mode) ::fchmod(fd_, mode);
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!name_.empty()) ::unlinkat(dir_fd_, name_.c_str(), 0);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  const std::string& name() const { return name_; }

  // Writes everything, syncs (unless `sync` is false: a cache can be rebuilt) and closes;
  // false with `error` on any failure.
  bool write(std::string_view content, std::string& error, bool sync = true) {
    if (!write_all(fd_, content, error)) return false;
    const bool synced = !sync || ::fsync(fd_) == 0;
    const int saved = errno;
    const bool closed = ::close(fd_) == 0;
    fd_ = -1;
    if (!synced || !closed) {
      error = std::strerror(synced ? errno : saved);
      return false;
    }
    return true;
  }

  // Renames the temporary file over `target`; it is then no longer ours to remove.
  bool rename_to(const std::string& target, std::string& error, bool sync = true) {
    if (::renameat(dir_fd_, name_.c_str(), dir_fd_, target.c_str()) != 0) {
      error = std::strerror(errno);
      return false;
    }
    name_.clear();
    if (sync) ::fsync(dir_fd_);
    return true;
  }

  // Renames the temporary file to `target`, failing with EEXIST rather than replacing anything
  // (renameat2's RENAME_NOREPLACE; where the file system lacks it, a hard link to `target`
  // whose temporary name is removed on destruction). 0 or the errno.
  int move_to_new(const std::string& target, bool sync = true) {
    int result = ::renameat2(dir_fd_, name_.c_str(), dir_fd_, target.c_str(), RENAME_NOREPLACE);
    if (result == 0)
      name_.clear();
    else if (errno == EINVAL || errno == ENOSYS)
      result = ::linkat(dir_fd_, name_.c_str(), dir_fd_, target.c_str(), 0);
    const int saved = errno;
    if (result == 0 && sync) ::fsync(dir_fd_);
    return result == 0 ? 0 : saved;
  }

 private:
  int dir_fd_;
  int fd_ = -1;
  std::string name_;
};

// Writes into an existing character device or FIFO without creating, truncating or replacing
// it; checks that what it opened is what lstat saw.
WriteResult write_in_place(int dir_fd, const std::string& name, const struct stat& seen,
                           std::string_view content, std::string& error, bool binary) {
  // O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of hanging.
  const int fd =
      ::openat(dir_fd, name.c_str(), O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = errno == ENXIO && S_ISFIFO(seen.st_mode) ? trf("it is a FIFO that no process reads")
                                                     : std::strerror(errno);
    return WriteResult::Failed;
  }
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || (opened.st_mode & S_IFMT) != (seen.st_mode & S_IFMT) ||
      opened.st_ino != seen.st_ino || opened.st_dev != seen.st_dev) {
    ::close(fd);
    error = trf("it changed while ccnt was writing it");
    return WriteResult::Failed;
  }
  if (binary && ::isatty(fd)) {
    ::close(fd);
    error = trf("it is a terminal, and ccnt writes a binary file only to a file");
    return WriteResult::Refused;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const bool written = write_all(fd, content, error);
  if (::close(fd) != 0 && written) {
    error = std::strerror(errno);
    return WriteResult::Failed;
  }
  return written ? WriteResult::Written : WriteResult::Failed;
}

// Why a file of this kind is never written; empty for the kinds that are.
std::string refusal(const struct stat& info) {
  switch (info.st_mode & S_IFMT) {
    case S_IFLNK:
      return trf("it is a symbolic link, and ccnt does not write through links");
    case S_IFDIR:
      return trf("it is a directory");
    case S_IFBLK:
      return trf("it is a block device");
    case S_IFSOCK:
      return trf("it is a socket");
    case S_IFREG:
      if (info.st_nlink > 1)
        return trf("it has {} hard links, and replacing it would separate them", info.st_nlink);
      return {};
    default:
      return {};
  }
}

}  // namespace

WriteResult write_file_atomically(const fs::path& file, std::string_view content,
                                  std::string& error, bool binary) {
  DirFd dir(file, error);
  if (dir.get() < 0) return WriteResult::Failed;
  const std::string name = file.filename().string();
  if (name.empty() || name == "." || name == "..") {
    error = trf("it is a directory");
    return WriteResult::Refused;
  }
  struct stat existing {};
  mode_t mode = default_mode();
  const bool exists = ::fstatat(dir.get(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
  if (exists) {
    if (error = refusal(existing); !error.empty()) return WriteResult::Refused;
    if (S_ISCHR(existing.st_mode) || S_ISFIFO(existing.st_mode))
      return write_in_place(dir.get(), name, existing, content, error, binary);
    mode = existing.st_mode & 0777;  // set-id bits are not carried over to new content
  }
  TempFile temp(dir.get(), name, mode, error);
  if (!temp.ok()) return WriteResult::Failed;
  // Keep the owner where permitted (root, or a group the user is in); refusals are not errors:
  // a user replacing a file in a directory they may write ends up owning the new one.
  if (exists && ::fchown(temp.fd(), existing.st_uid, existing.st_gid) != 0)
    (void)::fchown(temp.fd(), static_cast<uid_t>(-1), existing.st_gid);
  if (exists) ::fchmod(temp.fd(), mode);  // chown may clear mode bits
  if (!temp.write(content, error) || !temp.rename_to(name, error)) return WriteResult::Failed;
  return WriteResult::Written;
}

WriteResult append_file_atomically(const fs::path& file, std::string_view content,
                                   std::string& error) {
  std::string joined;
  {
    DirFd dir(file, error);
    if (dir.get() < 0) return WriteResult::Failed;
    const std::string name = file.filename().string();
    struct stat existing {};
    if (!name.empty() && ::fstatat(dir.get(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(existing.st_mode) && existing.st_nlink == 1) {
      const int fd = ::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) {
        error = std::strerror(errno);
        return WriteResult::Failed;
      }
      joined.resize(static_cast<std::size_t>(existing.st_size));
      joined.resize(read_up_to(fd, joined.data(), joined.size()));
      ::close(fd);
    }
  }
  joined += content;
  return write_file_atomically(file, joined, error);
}

WriteResult create_file_atomically(const fs::path& file, std::string_view content,
                                   std::string& error) {
  DirFd dir(file, error);
  if (dir.get() < 0) return WriteResult::Failed;
  const std::string name = file.filename().string();
  struct stat existing {};
  if (::fstatat(dir.get(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0)
    return WriteResult::Exists;
  TempFile temp(dir.get(), name, default_mode(), error);
  if (!temp.ok() || !temp.write(content, error)) return WriteResult::Failed;
  // Fails with EEXIST instead of replacing, even if the file appeared meanwhile.
  if (const int failure = temp.move_to_new(name); failure != 0) {
    if (failure == EEXIST) return WriteResult::Exists;
    error = std::strerror(failure);
    return WriteResult::Failed;
  }
  return WriteResult::Written;  // the temporary name is unlinked by TempFile
}

namespace {

// Syncs each file system the open directories lie on, once.
void sync_file_systems(const std::vector<std::unique_ptr<DirFd>>& dirs) {
  std::vector<dev_t> synced;
  for (const auto& dir : dirs) {
    struct stat info {};
    if (dir->get() < 0 || ::fstat(dir->get(), &info) != 0) continue;
    if (std::find(synced.begin(), synced.end(), info.st_dev) != synced.end()) continue;
    ::syncfs(dir->get());
    synced.push_back(info.st_dev);
  }
}

// Directories a batch keeps open at once: well below the usual limit of 1,024 descriptors.
constexpr std::size_t kDirsAtOnce = 256;

// write_files_atomically for the files of some directories (`groups`: indexes into `batch`).
void write_groups(std::vector<BatchFile>& batch,
                  const std::vector<const std::vector<std::size_t>*>& groups, unsigned jobs) {
  std::vector<std::unique_ptr<DirFd>> dirs(groups.size());
  // Temporary files written but not yet in place, removed unless they are linked or renamed;
  // declared after `dirs`, so destroyed first.
  std::vector<std::unique_ptr<TempFile>> temps(batch.size());
  const mode_t mode = default_mode();

  // 1. The temporary files, in parallel over directories; nothing is synced yet.
  parallel_for(groups.size(), jobs, [&](std::size_t g) {
    const std::vector<std::size_t>& files = *groups[g];
    std::string error;
    dirs[g] = std::make_unique<DirFd>(batch[files.front()].file, error);
    for (std::size_t i : files) {
      BatchFile& item = batch[i];
      if (dirs[g]->get() < 0) {
        item.error = error;
        continue;
      }
      const std::string name = item.file.filename().string();
      struct stat existing {};
      // A file that may only be created is not looked for: moving it into place fails with
      // EEXIST when something is there.
      if (item.replace &&
          ::fstatat(dirs[g]->get(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
        item.error = refusal(existing);
        if (item.error.empty() && !S_ISREG(existing.st_mode))
          item.error = trf("it is not a regular file");
        if (!item.error.empty()) {
          item.result = WriteResult::Refused;
          continue;
        }
      }
      auto temp = std::make_unique<TempFile>(dirs[g]->get(), name, mode, item.error);
      if (temp->ok() && temp->write(item.content, item.error, false)) temps[i] = std::move(temp);
    }
  });

  // 2. Their content on disk before any of them gets its name.
  sync_file_systems(dirs);

  // 3. Into place, in parallel over directories: renamed over what may be replaced, moved
  // without replacing where nothing may be.
  parallel_for(groups.size(), jobs, [&](std::size_t g) {
    for (std::size_t i : *groups[g]) {
      if (!temps[i]) continue;
      BatchFile& item = batch[i];
      const std::string name = item.file.filename().string();
      if (item.replace) {
        if (temps[i]->rename_to(name, item.error, false)) item.result = WriteResult::Written;
      } else if (const int failure = temps[i]->move_to_new(name, false); failure == 0) {
        item.result = WriteResult::Written;
      } else if (failure == EEXIST) {
        item.result = WriteResult::Exists;
      } else {
        item.error = std::strerror(failure);
      }
      temps[i].reset();  // removes a temporary name that is left (a link, a failure)
    }
  });

  // 4. The new names on disk.
  sync_file_systems(dirs);
}

}  // namespace

void write_files_atomically(std::vector<BatchFile>& batch, unsigned jobs) {
  // The files by directory, so that each directory is opened once.
  std::map<fs::path, std::vector<std::size_t>> by_dir;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const fs::path& file = batch[i].file;
    by_dir[file.has_parent_path() ? file.parent_path() : fs::path(".")].push_back(i);
  }
  std::vector<const std::vector<std::size_t>*> groups;
  for (const auto& [dir, files] : by_dir) {
    groups.push_back(&files);
    if (groups.size() == kDirsAtOnce) {
      write_groups(batch, groups, jobs);
      groups.clear();
    }
  }
  if (!groups.empty()) write_groups(batch, groups, jobs);
}

bool is_own_file_at(int dir_fd, const std::string& name, std::string_view prefix) {
  const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  std::string start(prefix.size(), '\0');
  bool own = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (own) {
    const std::size_t done = read_up_to(fd, start.data(), start.size());
    // An empty file (a write cut short) holds nothing of anyone's: ccnt may replace it.
    own = (done == start.size() && start == prefix) || info.st_size == 0;
  }
  ::close(fd);
  return own;
}

WriteResult write_own_file_at(int dir_fd, const std::string& name, std::string_view content,
                              std::string_view own_prefix, std::string& error) {
  struct stat existing {};
  if (::fstatat(dir_fd, name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
      !is_own_file_at(dir_fd, name, own_prefix))
    return WriteResult::Exists;
  TempFile temp(dir_fd, name, 0644, error);
  // Not synced: a bucket cut short by a crash fails its checksum and is rebuilt.
  if (!temp.ok() || !temp.write(content, error, false) || !temp.rename_to(name, error, false))
    return WriteResult::Failed;
  return WriteResult::Written;
}

}  // namespace ccnt
