// The one way ccnt writes a file (docs/security.md, "What ccnt writes"): the content goes to a
// temporary file with an unpredictable name in the same directory, created with
// O_CREAT|O_EXCL|O_NOFOLLOW, synced, and then renamed over (or linked to) the target, so that a
// reader never sees half of one. What is already at the target decides what happens:
//   - nothing: the file is created (mode 0666 less the umask);
//   - a regular file with one link: replaced, keeping its mode and, where permitted, its owner;
//   - a character device (/dev/null, a terminal) or a FIFO: written to directly, never replaced;
//   - a symbolic link, a regular file with more than one hard link, a directory, a block device
//     or a socket: refused, nothing is written.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ccnt {

// Refused: what is at the target is never written (a link, a directory, ...); `error` says what.
enum class WriteResult { Written, Exists, Failed, Refused };

// Writes `content` to `file` as described above. On failure the target is untouched, no
// temporary file is left behind, and `error` says why.
WriteResult write_file_atomically(const std::filesystem::path& file, std::string_view content,
                                  std::string& error);

// Like write_file_atomically, but never replaces anything: returns Exists (and writes nothing)
// when `file` is already there, even as a dangling symbolic link or when it appears meanwhile.
WriteResult create_file_atomically(const std::filesystem::path& file, std::string_view content,
                                   std::string& error);

// For ccnt's own files (the cache): writes `name` in the directory open as `dir_fd`, with
// `mode`. An existing `name` is replaced only when it is a regular file whose content starts
// with `own_prefix` (a file ccnt wrote); anything else there is left alone and Exists returned.
WriteResult write_own_file_at(int dir_fd, const std::string& name, std::string_view content,
                              std::string_view own_prefix, std::string& error);

// True when the regular file `name` in `dir_fd` (not followed if it is a link) starts with
// `prefix`, or is empty: how ccnt recognises the files it wrote before replacing or deleting them.
bool is_own_file_at(int dir_fd, const std::string& name, std::string_view prefix);

}  // namespace ccnt
