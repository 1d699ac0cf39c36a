// Shared test access to the project's own schemas/ (the real registries).
#pragma once

#include <filesystem>

#include "core/policy/registry.hpp"

namespace ccnt::testing {

// The registries of the source tree, loaded once; a broken registry fails the test.
const Registry& source_registry();

}  // namespace ccnt::testing
