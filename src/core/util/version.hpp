// The versions `ccnt --version` reports (see docs/install.md#versions).
#pragma once

#include <string_view>

namespace ccnt {

// The program's version, from the release tag (cmake/version.cmake writes its definition at
// build time): "0.2.0", "0.2.0+3.g1a2b3c4" three commits after the tag v0.2.0.
std::string_view version();

// The version of the policy-file format that schemas/policy.schema.json describes and this
// ccnt was built and installed with. Raised when a change to the schema or the registries'
// format makes files that were valid invalid (a new required field, a removed enum value),
// not for additions such as a new optional field or a new region.
inline constexpr int kSchemaVersion = 1;

}  // namespace ccnt
