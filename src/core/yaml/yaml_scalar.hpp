// Writing YAML scalars so that every reader reads back the same string.
#pragma once

#include <string>
#include <string_view>

namespace ccnt {

// A YAML scalar for `text`: plain when YAML reads it back as the same string,
// else double-quoted with escapes ("2023-03", "%", "true", "a: b").
std::string yaml_scalar(std::string_view text);

// `text` double-quoted with escapes, whatever it holds.
std::string yaml_double_quoted(std::string_view text);

}  // namespace ccnt
