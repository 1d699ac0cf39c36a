#include "source_dir.hpp"

namespace ccnt::testing {

std::filesystem::path source_dir() { return CCNT_SOURCE_DIR; }

}  // namespace ccnt::testing
