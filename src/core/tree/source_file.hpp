// Reading input files whole, with a size limit and clear messages.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "core/diag/diagnostic.hpp"

namespace ccnt {

// Largest policy file ccnt reads; real ones are a few kilobytes.
inline constexpr std::size_t kMaxSourceBytes = 1024 * 1024;

// False, with E002 under `display`, when `size` bytes are more than a file may have; also for
// bytes that come from elsewhere than a file (a blob of git, ccnt diff).
bool check_source_size(std::size_t size, const std::string& display, Diagnostics& diagnostics,
                       std::size_t max_bytes = kMaxSourceBytes);

// Reads a file; on failure reports E001 (unreadable) or E002 (too large) under `display`.
std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diagnostics,
                                            std::size_t max_bytes = kMaxSourceBytes);

// As read_source_file, for a file of the data tree: the file actually opened (every symbolic
// link on the way resolved, checked on the open descriptor, so a link swapped meanwhile is
// caught) must lie inside `tree` (a canonical directory ending in '/', see tree_prefix), else
// E070 is reported and not one byte of it is read.
std::optional<std::string> read_tree_file(const std::filesystem::path& file,
                                          const std::string& display, std::string_view tree,
                                          Diagnostics& diagnostics);

// E070 under `display`: a symbolic link leads out of the data tree, and was not followed.
void report_outside_tree(const std::string& display, Diagnostics& diagnostics);

// The canonical form of `dir` ending in '/', as read_tree_file expects it.
std::string tree_prefix(const std::filesystem::path& dir);

// How a path is shown to the user: relative to the working directory (../x when outside it).
std::string display_path(const std::filesystem::path& file);

}  // namespace ccnt
