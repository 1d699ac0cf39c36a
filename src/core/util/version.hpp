// The versions `ccnt --version` reports (see docs/install.md#versions).
#pragma once

#include <string_view>

namespace ccnt {

// The program's version, from project() in CMakeLists.txt.
inline constexpr std::string_view kVersion = CCNT_VERSION;

// The version of the policy-file format that schemas/policy.schema.json describes and this
// ccnt was built and installed with. Raised when a change to the schema or the registries'
// format makes files that were valid invalid (a new required field, a removed enum value),
// not for additions such as a new optional field or a new region.
inline constexpr int kSchemaVersion = 1;

}  // namespace ccnt
