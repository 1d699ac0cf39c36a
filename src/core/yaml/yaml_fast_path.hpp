// A fast reader for the plain block style nearly every policy file is written in, tried
// before yaml-cpp (whose scanner costs ~100 µs per file): block mappings with simple keys,
// block sequences, plain and quoted one-line scalars, comments. It builds exactly the tree
// yaml-cpp would (same marks, same quoting flags) and declines — returns nullopt — on
// anything else, however valid: flow collections, block and multi-line scalars, escapes,
// anchors, tags, documents markers, tabs, CR, empty values, duplicate keys, limits reached.
// The caller then parses with yaml-cpp, which also words every error. The fuzz target checks
// that both readers agree on every input the fast one accepts.
#pragma once

#include <optional>
#include <string_view>

#include "core/yaml/document.hpp"
#include "core/yaml/yaml_limits.hpp"

namespace ccnt {

// Parses `text` (UTF-8 without BOM, already checked for encoding and control characters) when
// it is inside the subset; nullopt otherwise.
std::optional<Node> parse_yaml_fast_path(std::string_view text, const YamlLimits& limits);

}  // namespace ccnt
