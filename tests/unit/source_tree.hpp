// Shared test access to the project's own schemas/ (the real registries).
#pragma once

#include <filesystem>

#include "core/policy/registry.hpp"
#include "core/tree/project.hpp"

namespace ccnt::testing {

// The registries of the source tree, loaded once; a broken registry fails the test.
const Registry& source_registry();

// The project of the source tree (its schemas and registries), opened once.
const Project& source_project();

}  // namespace ccnt::testing
