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

// Reads a file; on failure reports E001 (unreadable) or E002 (too large) under `display`.
std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diagnostics,
                                            std::size_t max_bytes = kMaxSourceBytes);

// How a path is shown to the user: relative to the working directory (../x when outside it).
std::string display_path(const std::filesystem::path& file);

}  // namespace ccnt
