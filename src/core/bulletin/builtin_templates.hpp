// The default templates compiled into ccnt from templates/ (cmake/embed_files.cmake), so
// that a data tree without templates/ renders its bulletin.
#pragma once

#include <optional>
#include <string_view>

namespace ccnt {

// The text of the built-in file `name` (as in templates/, e.g. "bulletin.md.mustache");
// nullopt when ccnt carries no such file. Defined in the generated builtin_templates.cpp.
std::optional<std::string_view> builtin_file(std::string_view name);

}  // namespace ccnt
