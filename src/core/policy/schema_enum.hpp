// The values a policy field may take when the schema lists them (`enum`), so
// that completion and `ccnt new` offer exactly what the schema accepts.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/yaml/document.hpp"

namespace ccnt {

// The `enum` of a top-level property of a schema document (properties.<name>.enum);
// empty when the property has none.
std::vector<std::string> schema_enum(const Node& schema, std::string_view property);

// The same, read from a schema file; empty when the file cannot be read or parsed.
std::vector<std::string> schema_enum(const std::filesystem::path& schema_file,
                                     std::string_view property);

}  // namespace ccnt
