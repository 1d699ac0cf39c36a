// Reading a whole file in tests that compare files or feed them to a reader.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ccnt::testing {

// The bytes of `file`, or "" when it cannot be read.
inline std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ccnt::testing
