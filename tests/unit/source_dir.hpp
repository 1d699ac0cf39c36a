// Where the project's sources are (schemas/, policies/, src/, docs/), for tests that read them.
#pragma once

#include <filesystem>

namespace ccnt::testing {

// The source directory this test binary was configured from. Only source_dir.cpp is compiled
// with its path (CCNT_SOURCE_DIR), so that the other test files compile to the same objects in
// any clone and ccache can reuse them across clone paths.
std::filesystem::path source_dir();

}  // namespace ccnt::testing
