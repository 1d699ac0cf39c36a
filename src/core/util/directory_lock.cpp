#include "core/util/directory_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "core/diag/message_catalog.hpp"

namespace ccnt {

DirectoryLock::DirectoryLock(const std::filesystem::path& dir, std::chrono::milliseconds timeout,
                             const std::function<void()>& on_wait, std::string& error) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool waited = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
      error = errno == EWOULDBLOCK ? trf("another ccnt process holds it") : std::strerror(errno);
      ::close(fd);
      return;
    }
    if (!waited && on_wait) on_wait();
    waited = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  fd_ = fd;
}

DirectoryLock::~DirectoryLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the lock
}

}  // namespace ccnt
