#include "core/tree/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <limits.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"

namespace ccnt {

bool check_source_size(std::size_t size, const std::string& display, Diagnostics& diagnostics,
                       std::size_t max_bytes) {
  if (size <= max_bytes) return true;
  diagnostics.error(
      "E002", display, {},
      trf("file is {} bytes, larger than the {} bytes a policy file may be", size, max_bytes),
      trf("a policy file holds one document's record; split or shorten it"));
  return false;
}

namespace {

// Where the open descriptor `fd` leads (as /proc/self/fd shows it); the resolved `file` when
// /proc is not mounted.
std::string opened_path(int fd, const std::filesystem::path& file) {
  char link[64];
  std::snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  char target[PATH_MAX];
  const ssize_t n = ::readlink(link, target, sizeof(target) - 1);
  if (n > 0) return std::string(target, static_cast<std::size_t>(n));
  if (::realpath(file.c_str(), target) != nullptr) return target;
  return {};
}

std::optional<std::string> read_file(const std::filesystem::path& file, const std::string& display,
                                     std::string_view tree, Diagnostics& diagnostics,
                                     std::size_t max_bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diagnostics.error("E001", display, {}, trf("cannot read file: {}", std::strerror(errno)),
                      errno == EACCES ? trf("check the file's permissions") : std::string());
    return std::nullopt;
  }
  if (!tree.empty() && !(opened_path(fd, file) + '/').starts_with(tree)) {
    ::close(fd);
    report_outside_tree(display, diagnostics);
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    diagnostics.error("E001", display, {}, trf("cannot read file: not a regular file"));
    return std::nullopt;
  }
  if (!check_source_size(static_cast<std::size_t>(info.st_size), display, diagnostics, max_bytes)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diagnostics.error("E001", display, {}, trf("cannot read file: {}", std::strerror(errno)));
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  ::close(fd);
  return bytes;
}

}  // namespace

std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diagnostics,
                                            std::size_t max_bytes) {
  return read_file(file, display, {}, diagnostics, max_bytes);
}

std::optional<std::string> read_tree_file(const std::filesystem::path& file,
                                          const std::string& display, std::string_view tree,
                                          Diagnostics& diagnostics) {
  return read_file(file, display, tree, diagnostics, kMaxSourceBytes);
}

void report_outside_tree(const std::string& display, Diagnostics& diagnostics) {
  diagnostics.error("E070", display, {},
                    trf("symbolic link to a file or directory outside the data tree; not read"),
                    trf("ccnt reads only files inside the data tree; copy the file into the "
                        "tree instead of linking to it"));
}

std::string tree_prefix(const std::filesystem::path& dir) {
  std::error_code ec;
  std::string prefix =
      std::filesystem::weakly_canonical(std::filesystem::absolute(dir, ec), ec).string();
  if (!prefix.ends_with('/')) prefix += '/';
  return prefix;
}

std::string display_path(const std::filesystem::path& file) {
  static const std::filesystem::path cwd = [] {
    std::error_code ec;
    auto path = std::filesystem::current_path(ec);
    return ec ? std::filesystem::path() : path;
  }();
  if (!cwd.empty() && file.is_absolute()) {
    const auto relative = file.lexically_relative(cwd);
    if (!relative.empty()) return relative.generic_string();
  }
  return file.lexically_normal().generic_string();
}

}  // namespace ccnt
