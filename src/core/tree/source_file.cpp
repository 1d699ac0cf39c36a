#include "core/tree/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/diag/message_catalog.hpp"

namespace ccnt {

std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diagnostics,
                                            std::size_t max_bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diagnostics.error("E001", display, {}, trf("cannot read file: {}", std::strerror(errno)),
                      errno == EACCES ? trf("check the file's permissions") : std::string());
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    diagnostics.error("E001", display, {}, trf("cannot read file: not a regular file"));
    return std::nullopt;
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    ::close(fd);
    diagnostics.error("E002", display, {},
                      trf("file is {} bytes, larger than the {} bytes a policy file may be",
                          info.st_size, max_bytes),
                      trf("a policy file holds one document's record; split or shorten it"));
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
