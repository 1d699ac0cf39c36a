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
#include <vector>

namespace ccnt {

// Refused: what is at the target is never written (a link, a directory, ...); `error` says what.
enum class WriteResult { Written, Exists, Failed, Refused };

// Writes `content` to `file` as described above. On failure the target is untouched, no
// temporary file is left behind, and `error` says why. A `binary` content (a workbook) is never
// written to a terminal: a terminal device at `file` is refused.
WriteResult write_file_atomically(const std::filesystem::path& file, std::string_view content,
                                  std::string& error, bool binary = false);

// Adds `content` at the end of `file` (created when absent) with the guarantees of
// write_file_atomically: a regular file is read, then replaced by its old content and the new; a
// character device or a FIFO is written to; a link or anything else refused is left alone.
// For reports that other steps add to, such as GitHub's $GITHUB_STEP_SUMMARY.
WriteResult append_file_atomically(const std::filesystem::path& file, std::string_view content,
                                   std::string& error);

// Like write_file_atomically, but never replaces anything: returns Exists (and writes nothing)
// when `file` is already there, even as a dangling symbolic link or when it appears meanwhile.
WriteResult create_file_atomically(const std::filesystem::path& file, std::string_view content,
                                   std::string& error);

// One file of a batch for write_files_atomically: where, what, whether an existing regular file
// may be replaced (else the file is only created), and, once written, the outcome.
struct BatchFile {
  std::filesystem::path file;
  std::string_view content;
  bool replace = false;
  WriteResult result = WriteResult::Failed;
  std::string error;
};

// Writes many files (ccnt import) with the guarantees of write_file_atomically (`replace`) or
// create_file_atomically (not `replace`), but with two syncs of the file system instead of two
// per file: every temporary file is written first, then the file system is synced (syncfs), then
// each is renamed or linked into place, then the file system is synced again. A reader never sees
// half a file and, after a crash, a file is either absent, as before, or whole. `jobs` threads
// write the temporary files (0: one per core). Targets that are not regular files or absent are
// refused as write_file_atomically refuses them (devices and FIFOs too: a batch writes records).
void write_files_atomically(std::vector<BatchFile>& batch, unsigned jobs);

// For ccnt's own files (the cache): writes `name` in the directory open as `dir_fd`, with
// `mode`. An existing `name` is replaced only when it is a regular file whose content starts
// with `own_prefix` (a file ccnt wrote); anything else there is left alone and Exists returned.
WriteResult write_own_file_at(int dir_fd, const std::string& name, std::string_view content,
                              std::string_view own_prefix, std::string& error);

// True when the regular file `name` in `dir_fd` (not followed if it is a link) starts with
// `prefix`, or is empty: how ccnt recognises the files it wrote before replacing or deleting them.
bool is_own_file_at(int dir_fd, const std::string& name, std::string_view prefix);

}  // namespace ccnt
