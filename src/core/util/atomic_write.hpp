// Writing output files so that a reader never sees half of one: the content
// goes to a temporary file in the same directory, which then replaces (or
// becomes) the target in one step.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ccnt {

enum class WriteResult { Written, Exists, Failed };

// Writes `content` to `file`, replacing it atomically when it exists (rename
// of a synced temporary file). On failure the target is untouched, no
// temporary file is left behind, and `error` says why.
WriteResult write_file_atomically(const std::filesystem::path& file, std::string_view content,
                                  std::string& error);

// Like write_file_atomically, but never replaces an existing file: returns
// Exists (and writes nothing) when `file` is already there.
WriteResult create_file_atomically(const std::filesystem::path& file, std::string_view content,
                                   std::string& error);

}  // namespace ccnt
