// Reading from a file descriptor without the EINTR and short-read loop at every call site.
#pragma once

#include <cstddef>

namespace ccnt {

// Reads into `data` until `size` bytes are there, the end of the file or an error; returns how
// many bytes were read (fewer than `size` means end of file or error).
std::size_t read_up_to(int fd, char* data, std::size_t size);

}  // namespace ccnt
